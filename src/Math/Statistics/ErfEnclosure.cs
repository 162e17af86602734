using System.Numerics;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Statistics;

/// <summary>
/// Rigorous rational enclosures of erf (thesis eqs. 5.10, B.1–B.2): every returned interval contains the true
/// value, so a claim about erf can be refuted by interval arithmetic and never by rounding.
/// </summary>
/// <remarks>
/// For 0 ≤ x ≤ <see cref="SeriesLimit"/>: erf(x) = (2/√π) Σₙ (−1)ⁿ x^(2n+1)/(n!(2n+1)). The terms decrease in
/// magnitude once n + 1 &gt; x², so after such an n the alternating remainder is bounded by the first omitted term.
/// For x &gt; <see cref="SeriesLimit"/>: 0 &lt; erfc(x) ≤ e^(−x²)/(x√π) (Mills' ratio) with e^(x²) ≥ Σ_{k≤40} x^(2k)/k!, so
/// erf(x) ∈ [1 − 1/(x√π Σ), 1]. π is enclosed by its first 36 decimals.
/// </remarks>
public static class ErfEnclosure
{
    /// <summary>Above this argument the tail bound is used instead of the series.</summary>
    public const double SeriesLimit = 5;

    private static readonly Fraction PiLower = new(BigInteger.Parse("314159265358979323846264338327950288"), BigInteger.Pow(10, 35));
    private static readonly Fraction PiUpper = new(BigInteger.Parse("314159265358979323846264338327950289"), BigInteger.Pow(10, 35));

    /// <summary>An enclosure of π.</summary>
    public static RationalInterval Pi => new(PiLower, PiUpper);

    /// <summary>An enclosure of erf(x) for every x in <paramref name="x"/> (erf is increasing, so its ends suffice).</summary>
    public static RationalInterval Erf(RationalInterval x, int bits = RationalInterval.DefaultSqrtBits)
    {
        if (bits < 16)
            throw new ArgumentException($"bits must be ≥ 16, got {bits}.", nameof(bits));
        // erf is increasing: enclose it at the ends, first rounded outward to dyadics of bits + 8 fractional bits,
        // so that the series does not carry the long numerators of a √ enclosure.
        int k = Math.Min(bits, 512) + 8;
        var lower = ErfPoint(Dyadic(x.Lower, k, roundUp: false), bits).Lower;
        var upper = ErfPoint(Dyadic(x.Upper, k, roundUp: true), bits).Upper;
        return new RationalInterval(lower, upper);
    }

    /// <summary>⌊x·2^k⌋/2^k or ⌈x·2^k⌉/2^k.</summary>
    private static Fraction Dyadic(Fraction x, int k, bool roundUp)
    {
        BigInteger n = x.Numerator, d = x.Denominator;
        if (d.Sign < 0) { n = -n; d = -d; }
        var q = BigInteger.DivRem(n << k, d, out var r); // truncates toward 0
        if (roundUp && r.Sign > 0) q += 1;
        if (!roundUp && r.Sign < 0) q -= 1;
        return new Fraction(q, BigInteger.One << k);
    }

    /// <summary>An enclosure of erf(x) at one rational x (odd symmetry for x &lt; 0).</summary>
    public static RationalInterval ErfPoint(Fraction x, int bits = RationalInterval.DefaultSqrtBits)
    {
        if (x.Sign() < 0)
            return -ErfPoint(-x, bits);
        if (x.IsZero)
            return RationalInterval.Zero;
        var twoOverSqrtPi = RationalInterval.Exact(new Fraction(2)) / Pi.Sqrt(bits);
        if (x > ExactDouble.ToFraction(SeriesLimit))
        {
            var x2 = x * x;
            Fraction partial = Fraction.Zero, term = Fraction.One;
            for (int k = 0; k <= 40; k++)
            {
                partial += term;
                term = term * x2 / new Fraction(k + 1);
            }
            // erfc(x) ≤ e^(−x²)/(x√π) ≤ 1/(x√π Σ): the upper end of 1/√π is (2/√π)/2.
            var tailUpper = RationalInterval.Exact(Fraction.One / (x * partial)) * twoOverSqrtPi / RationalInterval.Exact(new Fraction(2));
            return new RationalInterval(Fraction.One - tailUpper.Upper, Fraction.One);
        }
        Fraction tolerance = Fraction.One / new Fraction(BigInteger.One << Math.Min(bits, 512));
        Fraction x2n = x * x;
        Fraction power = x;         // x^(2n+1)
        Fraction factorial = Fraction.One;
        Fraction sum = Fraction.Zero;
        for (int n = 0; ; n++)
        {
            var term = power / (factorial * new Fraction(2 * n + 1));
            if (n % 2 == 0) sum += term; else sum -= term;
            var nextPower = power * x2n;
            var nextFactorial = factorial * new Fraction(n + 1);
            var next = nextPower / (nextFactorial * new Fraction(2 * n + 3));
            if (new Fraction(n + 1) > x2n && next < tolerance)
            {
                // Alternating with decreasing magnitude from here: the remainder lies between 0 and the next term.
                var series = n % 2 == 0 ? new RationalInterval(sum - next, sum) : new RationalInterval(sum, sum + next);
                return series * twoOverSqrtPi;
            }
            power = nextPower;
            factorial = nextFactorial;
        }
    }
}
