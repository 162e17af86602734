using System.Numerics;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Engine;

/// <summary>Probability vectors on a dyadic grid, whose sums are exactly 1 (see <see cref="Domains.ProbabilityVector"/>).</summary>
public static class ProbabilityVectors
{
    /// <summary>The finest grid: entries are multiples of 2⁻⁵², so entries and partial sums up to 2 are exact doubles.</summary>
    public const int GridBits = 52;

    /// <summary>
    /// True when every entry is a multiple of 2⁻⁵² in [0, 1] and Σp = 1 exactly (checked in exact rationals).
    /// </summary>
    public static bool IsExact(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Count == 0)
            return false;
        var sum = Fraction.Zero;
        foreach (double x in p)
        {
            if (!(x >= 0 && x <= 1) || double.IsNegative(x))
                return false;
            var f = ExactDouble.ToFraction(x);
            if (!(f * ExactDouble.Pow2(GridBits)).Denominator.IsOne)
                return false;
            sum += f;
        }
        return sum == Fraction.One;
    }

    /// <summary>
    /// The probability vector on the grid 2⁻ˢ nearest in proportion to the nonnegative <paramref name="weights"/>:
    /// kᵢ = ⌊2ˢ·wᵢ/Σw⌋, and the 2ˢ − Σkᵢ units left go to the largest remainders (ties to the lower index).
    /// </summary>
    /// <exception cref="ArgumentException">no weights, a negative or non-finite weight, all weights 0, or s ∉ [0, 52].</exception>
    public static double[] OnGrid(IReadOnlyList<double> weights, int bits)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (bits is < 0 or > GridBits)
            throw new ArgumentException($"bits must be in [0, {GridBits}], got {bits}.", nameof(bits));
        if (weights.Count == 0 || weights.Any(w => !(w >= 0) || !double.IsFinite(w)))
            throw new ArgumentException("weights must be finite and ≥ 0, at least one.", nameof(weights));
        var exact = weights.Select(ExactDouble.ToFraction).ToArray();
        var total = exact.Aggregate(Fraction.Zero, (a, b) => a + b);
        if (total.IsZero)
            throw new ArgumentException("at least one weight must be > 0.", nameof(weights));
        var units = BigInteger.One << bits;
        var k = new BigInteger[exact.Length];
        var remainders = new Fraction[exact.Length];
        for (int i = 0; i < exact.Length; i++)
        {
            var share = exact[i] / total * new Fraction(units);
            k[i] = BigInteger.Divide(share.Numerator, share.Denominator);
            remainders[i] = share - new Fraction(k[i]);
        }
        var left = units - k.Aggregate(BigInteger.Zero, (a, b) => a + b);
        foreach (int i in Enumerable.Range(0, exact.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i))
        {
            if (left.IsZero)
                break;
            k[i] += 1;
            left -= 1;
        }
        return [.. k.Select(x => Math.ScaleB((double)x, -bits))];
    }

    /// <summary>
    /// Simpler probability vectors near <paramref name="p"/>: the vertex at its largest entry, p with its smallest nonzero
    /// entry moved onto its largest, and p on the grids 2⁻¹ … 2⁻⁸.
    /// </summary>
    public static IEnumerable<double[]> Simpler(double[] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Length < 2 || !IsExact(p))
            yield break;
        int largest = Array.IndexOf(p, p.Max());
        var vertex = new double[p.Length];
        vertex[largest] = 1;
        yield return vertex;
        var nonzero = Enumerable.Range(0, p.Length).Where(i => p[i] > 0 && i != largest).ToList();
        if (nonzero.Count > 0)
        {
            int smallest = nonzero.MinBy(i => p[i]);
            var merged = (double[])p.Clone();
            merged[largest] += merged[smallest];
            merged[smallest] = 0;
            yield return merged;
        }
        for (int s = 1; s <= 8; s++)
        {
            var coarse = OnGrid(p, s);
            if (!coarse.SequenceEqual(p))
                yield return coarse;
        }
    }
}
