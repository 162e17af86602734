using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Prop. 6.5's bound and eq. (6.21)'s lower bound (balles-thesis §6.4.2) for general symmetric H with distinct eigenvalues
/// beyond the Cayley properties' d ≤ 20: d = 21 to 32, with the reference, the tolerances and the stated, certified error of
/// <see cref="SignGeometryBoundsCayleyProperties"/> (its remarks' derivation uses only QᵀQ = I, checked, and the exact gap).
/// Q is a product of 2 to 4 Householder reflections P = I − 2wwᵀ/(wᵀw), w ∈ {±1, ±2, ±3}^d: exactly orthogonal and
/// rational, its denominators dividing Π wᵀw ≤ (9d)⁴, so H's entries stay short (the exact Cayley inverse puts
/// det(I + K), which grows with d, into every entry).
/// λ_i = m_i·2^k with distinct m_i, the first d of a shuffle of −16…16 (gap ≥ 2^k ≥ ‖H‖₂/16), k over −1060…1020 as there.
/// </summary>
/// <remarks>
/// Density: w has no zero entry, so a single reflection's column e_i − (2w_i/wᵀw)·w has every entry nonzero but possibly
/// the i-th; a product could cancel entries only by exact coincidences of small rationals, and the property checks that
/// every q_i keeps at least ⌈d/2⌉ nonzero entries (a generator of mostly zero w fails it at once). Observed over 220
/// cases: at least d − 4 nonzero entries in every q_i. The mixing is weaker than Cayley's: Q − I has rank ≤ 4 and
/// ‖Q − I‖₂ ≤ 2, so Σ_i‖q_i − e_i‖₂² ≤ 16 and most q_i lie near ±e_i (smallest ‖q_i‖₁/‖q_i‖∞ seen 1.89, its median over
/// cases 2.3).
/// Seen in a stress run of 220 cases (110 each, d = 21 to 32): every case paired, isolated and certified simple (δ_i &gt;
/// 2ε'); Prop65Bound's largest error 0.0062 of its stated, certified bound (median 0.0013) and 0.028 of the reference
/// tolerance; Eq621LowerBound's largest error 0.024 of the certified bracket's half width; 7 cases rejected past
/// double.MaxValue. Mutants caught: Prop65Bound or Eq621LowerBound times 1 + 2^-40 (first case), Eq621LowerBound
/// without the |·| of λ (second case).
/// </remarks>
[Properties(MaxTest = 15)] // 0.37 to 0.64 s of CPU a case at d = 32, 0.29 s on average over d = 21 to 32: about 6 s a property (15 cases)
public class SignGeometryBoundsHouseholderProperties
{
    /// <summary>One case: d, the reflections' w (2 to 4 of them, each d entries), the m_i, and k.</summary>
    private static Gen<(int[][] Reflections, int[] Multipliers, int Exponent)> Cases { get; } =
        from d in Gen.Choose(21, 32)
        from count in Gen.Choose(2, 4)
        from reflections in Gen.ArrayOf(Gen.ArrayOf(Gen.Elements(-3, -2, -1, 1, 2, 3), d), count)
        from multipliers in Gen.Shuffle(Enumerable.Range(-16, 33)).Select(m => m.Take(d).ToArray())
        from k in Gen.Frequency(
            (4, Gen.Choose(-1060, 1020)),
            (1, Gen.Choose(-1060, -1030)), // H near and on the subnormal grid
            (1, Gen.Choose(1005, 1020)), // bounds near and beyond double.MaxValue
            (1, Gen.Choose(-8, 8)))
        select (reflections, multipliers, k);

    /// <summary>
    /// Q = P_r⋯P₁ for the given w (P₁ from the first), by rank-one updates Q ← Q − (2/wᵀw)·w·(wᵀQ), exactly.
    /// </summary>
    internal static ExactMatrix HouseholderProduct(int d, int[][] reflections)
    {
        var q = new Fraction[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                q[i, j] = i == j ? Fraction.One : Fraction.Zero;
        foreach (var w in reflections)
        {
            if (w.Length != d || w.All(x => x == 0))
                throw new ArgumentException($"a reflection needs {d} entries, not all zero.", nameof(reflections));
            var scale = new Fraction(2, w.Sum(x => (long)x * x));
            for (int j = 0; j < d; j++)
            {
                var projection = Fraction.Zero;
                for (int l = 0; l < d; l++)
                    projection += w[l] * q[l, j];
                projection *= scale;
                for (int i = 0; i < d; i++)
                    q[i, j] -= w[i] * projection;
            }
        }
        return new ExactMatrix(q);
    }

    private static SignGeometryBoundsCayleyProperties.Reference Reference((int[][] Reflections, int[] Multipliers, int Exponent) c)
    {
        int d = c.Multipliers.Length;
        var w = string.Join("; ", c.Reflections.Select(v => string.Join(", ", v)));
        return new SignGeometryBoundsCayleyProperties.Reference(HouseholderProduct(d, c.Reflections), c.Multipliers, c.Exponent,
            $"d = {d}, w = [{w}], m = [{string.Join(", ", c.Multipliers)}], k = {c.Exponent}");
    }

    /// <summary>Every q_i has at least ⌈d/2⌉ nonzero entries (the remarks' density).</summary>
    private static Property IsDense(SignGeometryBoundsCayleyProperties.Reference r)
    {
        int d = r.Q.Rows;
        for (int i = 0; i < d; i++)
        {
            int nonzero = 0;
            var a = Fraction.Zero;
            var b = Fraction.Zero;
            for (int j = 0; j < d; j++)
            {
                var entry = Fraction.Abs(r.Q[j, i]);
                if (!entry.IsZero)
                    nonzero++;
                a += entry;
                if (entry > b)
                    b = entry;
            }
            if (2 * nonzero < d)
                return false.Label($"q_{i} has {nonzero} nonzero entries and ‖q‖₁/‖q‖∞ = {ExactDouble.ToDouble(a / b):R}: the generator is not dense (fewer than ⌈d/2⌉) at {r.Description}");
        }
        return true.ToProperty();
    }

    /// <summary>Prop65Bound of H = Q·diag(λ)·Qᵀ (Q a Householder product, d = 21 to 32) is Σ|λ_i|·‖q_i‖₁² within the Cayley remarks' tolerance and the stated, certified error.</summary>
    [Property]
    public Property Prop65Bound_OfAHouseholderRotatedDiagonal_IsTheExactEigenvectorSum() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var r = Reference(c);
        return IsDense(r).And(SignGeometryBoundsCayleyProperties.Prop65Matches(r));
    });

    /// <summary>Eq621LowerBound of H = Q·diag(λ)·Qᵀ (Q a Householder product, d = 21 to 32) is max|λ_i|·‖q_i‖₁/‖q_i‖∞ within the Cayley remarks' tolerance and the stated, certified bracket.</summary>
    [Property]
    public Property Eq621LowerBound_OfAHouseholderRotatedDiagonal_IsTheExactEigenvectorMaximum() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var r = Reference(c);
        return IsDense(r).And(SignGeometryBoundsCayleyProperties.Eq621Matches(r));
    });
}
