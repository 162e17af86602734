using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// The Poisson log density at log rate f near its count y ≥ 1, in s = f − ln y: the score y − eᶠ = −y·expm1(s) and
/// y·f − eᶠ = −y·φ(s) + y(ln y − 1) with φ(s) = eˢ − 1 − s ≥ 0 (balles-thesis App. D.2.1's log p and ∇ rewritten), so that
/// nothing cancels where the written terms y and λ = eᶠ agree to within a factor 2 (|s| ≤ ln 2): there the written y − λ
/// kept only λ's absolute error (y = 1e15, f = ln y: 1.125 for the exact 1.185).
/// </summary>
/// <remarks>
/// Error counts (u = 2^-53, first order): s within 1.01u relative (<see cref="LogRatio"/>); the polynomials P(s) = expm1(s)/s
/// and Q(s) = φ(s)/s² by Horner from the rounded 1/k!, each step within u of its sum, u of its product and u of its
/// coefficient; where |s| ≤ 0.7 every inner sum is at least 0.7 of its leading coefficient and the inner products are at
/// most 0.3 of it (|s|/(k + 1) ≤ 0.7/3 with a factor e^{0.7}/… ≤ 1.3 from the tail), so an inner step's error δ obeys
/// δ ≤ (u + 1.3u) + 0.3(δ + u), δ ≤ 3.7u, and P's (leading 1, exact; its inner product at most 0.39 of P) within
/// u + 0.39·4.7u ≤ 2.9u, Q's within 3.7u. Then expm1(s) = s·P within 2.9u + u + 1.39·1.01u ≤ 5.3u (expm1's condition
/// number |s·eˢ/expm1(s)| ≤ 1.39 for |s| ≤ 0.7), the score −y·expm1(s) within 6.3u; φ(s) = (s·s)·Q within
/// 3.7u + 2u + 2·1.01u ≤ 7.8u (φ's condition number |s·expm1(s)/φ(s)| ≤ 2.1, times s's 1.01u, is 2.1u ≤ the 2·1.01u
/// counted through s² plus 0.1u), y·φ(s) as (y·s)·(s·Q) within 8.8u; each plus 2^-1074 where a product is subnormal.
/// The truncation after 1/18! leaves below 0.7^18/18! ≤ 2^-70 relative.
/// </remarks>
internal static class PoissonNearLabel
{
    /// <summary>ln 2 rounded: where |f − ln y| ≤ it, λ/y lies in [½, 2] and the written forms cancel.</summary>
    internal const double Radius = 0.69314718055994531;

    /// <summary>The most bits ln y is enclosed to before its midpoint is taken as is (not reached: see <see cref="LogRatio"/>).</summary>
    private const int MaxBits = 1 << 14;

    /// <summary>1/k! rounded, k = 1…18.</summary>
    private static readonly double[] InverseFactorials = BuildInverseFactorials();

    private static double[] BuildInverseFactorials()
    {
        var c = new double[19];
        Fraction factorial = Fraction.One;
        for (int k = 1; k <= 18; k++)
        {
            factorial *= new Fraction(k);
            c[k] = ExactDouble.ToDouble(Fraction.One / factorial);
        }
        return c;
    }

    /// <summary>
    /// True for a finite count y ≥ 1 with a finite f within <see cref="Radius"/> of ln y (as doubles; the forms hold for every
    /// y ≥ 1 and |s| ≤ 0.7, and this picks where the written ones cancel; elsewhere those stay, bit for bit).
    /// </summary>
    internal static bool Applies(double y, double f) =>
        y >= 1 && double.IsFinite(y) && double.IsFinite(f) && Math.Abs(f - Math.Log(y)) <= Radius;

    /// <summary>
    /// s = f − ln y rounded to a double, within 1.01u relative plus 2^-1075 where subnormal: f itself for y = 1; else from
    /// ln y's fixed-point enclosure kept per count (<see cref="LabelLogRatio"/>, a few µs where it separates s, i.e. for
    /// |s| above about 2^-125); else the midpoint of f minus an enclosure of ln y (<see cref="ExactLog"/>) once the
    /// enclosure's width is below 2^-61·|s| (from 256 bits, doubled as needed: ln y is irrational for a count y ≥ 2, so
    /// s ≠ 0; beyond <see cref="MaxBits"/> bits the midpoint is taken as is, within 2^-16384·|ln y|).
    /// </summary>
    internal static double LogRatio(double y, double f)
    {
        if (y == 1)
            return f;
        if (LabelLogRatio.TryOf(y, f) is double kept)
            return kept;
        var count = ExactDouble.ToFraction(y);
        var exactF = RationalInterval.Exact(f);
        for (int bits = 256; ; bits *= 2)
        {
            var s = exactF - ExactLog.Of(count, bits);
            bool separated = s.Lower.Sign() == s.Upper.Sign() && s.Lower.Sign() != 0
                && s.Width * ExactDouble.Pow2(61) <= Fraction.Abs(s.Lower.Sign() > 0 ? s.Lower : s.Upper);
            if (separated || bits >= MaxBits)
                return s.Midpoint;
        }
    }

    /// <summary>expm1(s) = eˢ − 1 for |s| ≤ 0.7, as s·P(s): within 3.9u of expm1 of the double s (P's 2.9u and the product's u; 5.3u of expm1 of the exact s, see the remarks).</summary>
    internal static double ExpMinusOne(double s)
    {
        var c = InverseFactorials;
        double p = c[18];
        for (int k = 17; k >= 1; k--)
            p = c[k] + s * p;
        return s * p;
    }

    /// <summary>φ(s) = eˢ − 1 − s ≥ 0 for |s| ≤ 0.7, as (s·s)·Q(s): within 5.7u of φ of the double s (Q's 3.7u and two products; 7.8u of φ of the exact s, see the remarks), plus 2^-1074 where s² is subnormal.</summary>
    internal static double ExpRemainder(double s) => s * s * RemainderQuotient(s);

    /// <summary>y·φ(s) as (y·s)·(s·Q(s)), so that y·s (at most 0.7y, finite) keeps a tiny s² from underflowing first.</summary>
    internal static double ScaledExpRemainder(double y, double s) => y * s * (s * RemainderQuotient(s));

    /// <summary>Q(s) = φ(s)/s² = Σ_{k≥2} s^{k−2}/k!, in [0.40, 0.64] for |s| ≤ 0.7.</summary>
    private static double RemainderQuotient(double s)
    {
        var c = InverseFactorials;
        double q = c[18];
        for (int k = 17; k >= 2; k--)
            q = c[k] + s * q;
        return q;
    }

    /// <summary>Up to this count <see cref="LabelConstant"/> is a table from enclosures; above it Stirling's series.</summary>
    private const int TabulatedCounts = 30;

    /// <summary>y ln y − y − log y! for y = 1…30, each the enclosure's midpoint (80-bit logs: within u).</summary>
    private static readonly Lazy<double[]> SmallLabelConstants = new(() =>
    {
        var table = new double[TabulatedCounts + 1];
        Fraction factorial = Fraction.One;
        for (int y = 1; y <= TabulatedCounts; y++)
        {
            factorial *= new Fraction(y);
            var count = new Fraction(y);
            var c = RationalInterval.Exact(count) * ExactLog.Of(count, 80) - RationalInterval.Exact(count) - ExactLog.Of(factorial, 80);
            table[y] = c.Midpoint;
        }
        return table;
    });

    /// <summary>½ln 2π rounded.</summary>
    private const double HalfLogTwoPi = 0.91893853320467274;

    /// <summary>
    /// c(y) = y ln y − y − log y! = −½ln(2πy) − R(y) &lt; 0 for a count y ≥ 1 (Stirling; R(y) = 1/(12y) − 1/(360y³) +
    /// 1/(1260y⁵) − 1/(1680y⁷) + 1/(1188y⁹) − …, the remainder after the y⁻⁹ term below 691/(360360y¹¹) ≤ 2^-64 for
    /// y ≥ 31, where R ≤ 0.003 and ½ln(2πy) ≥ 2.6): a table from enclosures up to y = 30 (within u), above
    /// −(½ln 2π + ½ln y) − R(y), both terms of one sign, within 4u (ln y's 2u, the sum's u, the last sum's u; R's own
    /// rounding below 0.01u of c).
    /// </summary>
    internal static double LabelConstant(double y)
    {
        if (y <= TabulatedCounts)
            return SmallLabelConstants.Value[(int)y];
        double r = 1 / y, r2 = r * r;
        double remainder = r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
        return -(HalfLogTwoPi + 0.5 * Math.Log(y)) - remainder;
    }

    /// <summary>Up to this f − ln y log p is c(y) − y·φ(s); beyond it λ outweighs the cancelling y·f and log y! (see <see cref="LogDensityApplies"/>).</summary>
    internal const double WrittenLogDensityFrom = 10;

    /// <summary>
    /// True for a finite count y ≥ 1 and a finite f with f − ln y ≤ 10 (as doubles, so the exact s within 2^-42 of it):
    /// there log p is <see cref="LogDensity"/>. Beyond, the written y·f − λ − log y!, within 7u·(|y·f| + λ + log y!)
    /// + 2^-1073 (<see cref="PoissonLog"/>), is within 7.5u relative: |y·f| + λ + log y! ≤ y(2 ln y + s + eˢ) (log y! ≤ y ln y)
    /// and |log p| ≥ y·φ(s) = y(eˢ − 1 − s), whose ratio at s = 10 and ln y ≤ 709.8 is below 1.066 and falls with s.
    /// Below s = −ln 2 the written form cancels y·f against log y! (relative error up to about 5u·ln y/φ(s)).
    /// </summary>
    internal static bool LogDensityApplies(double y, double f) =>
        y >= 1 && double.IsFinite(y) && double.IsFinite(f) && f - Math.Log(y) <= WrittenLogDensityFrom;

    /// <summary>
    /// φ(s) = eˢ − 1 − s for a double s with |s| &gt; 0.7 from one exp (within 1 ulp, 2u): (−1 − s) + eˢ below −0.7 (−1 − s
    /// exact for s ≥ −1 by Sterbenz, the sum's terms ≥ 0 below −1), within 2u·eˢ/φ + u ≤ 6.1u of φ of the double s
    /// (eˢ/φ(s) ≤ 2.53 at s = −0.7); (eˢ − 1) − s above 0.7, within (2eˢ + (eˢ − 1))u/φ + u ≤ 17.1u (at s = 0.7).
    /// </summary>
    internal static double ExpRemainderAway(double s) => s < 0 ? (-1 - s) + Math.Exp(s) : (Math.Exp(s) - 1) - s;

    /// <summary>
    /// log p = y·f − eᶠ − log y! as c(y) − y·φ(f − ln y) (<see cref="LabelConstant"/>, φ as <see cref="ScaledExpRemainder"/>
    /// for |s| ≤ 0.7, else <see cref="ExpRemainderAway"/>), for a count y ≥ 1 and s = f − ln y ≤ 10: two terms ≤ 0, so
    /// within 9.8u relative for |s| ≤ 0.7 (y·φ's 8.8u, c's 4u, the sum's u), plus 2^-1074 where y·φ is subnormal; within 10u
    /// for s &lt; −0.7 (φ's 6.1u and its condition number |s·expm1(s)/φ(s)| ≤ 1.79 times s's 1.01u: 7.9u, the product and the
    /// sum 2u); within 22u for 0.7 &lt; s ≤ 10 (φ's rounding (2eˢ + (eˢ − 1))u/φ + u plus its condition number
    /// s·expm1(s)/φ(s) times 1.01u, together at most 19.4u over [0.7, 10], largest at 0.7; the product and the sum 2u). The
    /// written form cancelled there (y = 1e15, f = ln y: terms near 3.4e16, log p ≈ −18.9; measured 1199 ulp off at
    /// y = 1e100, f = ln y − 0.7 and 2276 at y = 1e300, f = ln y − 0.75, where this form is within 1 ulp).
    /// </summary>
    internal static double LogDensity(double y, double f)
    {
        double s = LogRatio(y, f);
        double scaledRemainder = Math.Abs(s) <= 0.7 ? ScaledExpRemainder(y, s) : y * ExpRemainderAway(s);
        return LabelConstant(y) - scaledRemainder;
    }

    /// <summary>
    /// The score y − eᶠ as 0 − y·expm1(f − ln y) where <see cref="Applies"/>, within 6.3u relative (plus 2^-1074 where
    /// subnormal; the exact 0 at y = 1, f = ±0 as +0, like the written 1 − e⁰, not the −0 a negation gave); else y − eᶠ as written.
    /// </summary>
    internal static double Score(double y, double f) =>
        Applies(y, f) ? 0.0 - y * ExpMinusOne(LogRatio(y, f)) : y - Math.Exp(f);
}
