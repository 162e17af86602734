using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The terms of the Gaussian log-densities (balles-thesis eq. D.8 with variance v, and the mean–variance form) in
/// <see cref="GaussianTerms"/> over the whole double range (issue 15, item 1): (y − μ)²/(2v) and (y − μ)/v against exact
/// rationals, ½log(2πv) against a rigorous log enclosure (200 bits where 2πv is near 1, so that the enclosure's width stays
/// far below the value), each within the accuracy its doc comment states, and +∞ only where the exact value is beyond
/// double.MaxValue (a band of relative width <see cref="Band"/> around that threshold may go either way: the computed value
/// carries a few u).
/// </summary>
[Properties(MaxTest = 300)] // rationals and one log enclosure a case: well under a millisecond each
public class GaussianTermsRangeProperties
{
    /// <summary>Relative width of the undecided band around the overflow threshold.</summary>
    private const double Band = 1e-12;

    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static readonly Fraction Threshold = ExactDouble.Pow2(1024) - ExactDouble.Pow2(970);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>A double in the top seven binades, [2^1017, double.MaxValue]: y − μ or 2v may overflow there.</summary>
    private static Gen<double> Top { get; } =
        from e in Gen.Choose(2040, 2046)
        from m in FullRangeDoubles.MantissaBits
        select BitConverter.Int64BitsToDouble(((long)e << 52) | m);

    /// <summary>Variances from the whole range, from the top binades (2v overflows above 2^1023), and near 1/(2π), where log(2πv) is near 0.</summary>
    internal static Gen<double> Variances { get; } = Gen.Frequency(
        (4, FullRangeDoubles.Positive),
        (1, Top),
        (1, Gen.Choose(-(1 << 20), 1 << 20).Select(n => 0.15915494309189535 * (1 + Math.ScaleB(n, -40)))),
        (1, Gen.Choose(-1 << 16, 1 << 16).Select(n => 0.15915494309189535 * (1 + n / 262144.0))));

    /// <summary>(y, μ, v) independently over the range, or y and μ of opposite signs in the top binades, where y − μ overflows.</summary>
    private static Gen<(double Y, double Mu, double V)> Triples { get; } = Gen.Frequency(
        (3, from y in FullRangeDoubles.Signed from mu in FullRangeDoubles.Signed from v in Variances select (y, mu, v)),
        (1, from a in Top from b in Top from sign in Gen.Elements(1.0, -1.0) from v in Variances select (sign * a, -sign * b, v)));

    /// <summary>(y − μ)²/(2v) within 7u of the exact rational plus 2^-1074, or +∞ exactly where that is beyond double.MaxValue.</summary>
    [Property]
    public Property HalfSquareOver_IsWithinSevenUOrOverflowsOnlyBeyondTheRange() => Prop.ForAll(
        Triples.ToArbitrary(),
        x =>
        {
            var (y, mu, v) = x;
            var r = F(y) - F(mu);
            return Check(GaussianTerms.HalfSquareOver(y, mu, v), r * r / (2 * F(v)), 7, $"(y − μ)²/(2v) at y = {y:R}, μ = {mu:R}, v = {v:R}");
        });

    /// <summary>(y − μ)/v within 2u of the exact rational plus 2^-1074, or ±∞ exactly where that is beyond ±double.MaxValue.</summary>
    [Property]
    public Property ResidualOver_IsWithinTwoUOrOverflowsOnlyBeyondTheRange() => Prop.ForAll(
        Triples.ToArbitrary(),
        x =>
        {
            var (y, mu, v) = x;
            return Check(GaussianTerms.ResidualOver(y, mu, v), (F(y) - F(mu)) / F(v), 2, $"(y − μ)/v at y = {y:R}, μ = {mu:R}, v = {v:R}");
        });

    /// <summary>½log(2πv) within 10u of the enclosure, relative, for every v &gt; 0 (always finite: |½log(2πv)| ≤ 372).</summary>
    [Property]
    public Property HalfLogTwoPiVariance_IsWithinTenURelative() => Prop.ForAll(
        Variances.ToArbitrary(),
        v =>
        {
            double computed = GaussianTerms.HalfLogTwoPiVariance(v);
            var exact = HalfLogTwoPiVariance(v);
            return WithinRelative(computed, exact, 10, $"½log(2πv) at v = {v:R}");
        });

    /// <summary>½log(2πv) enclosed: log of an enclosure of 2πv, at 200 bits where |2πv − 1| &lt; ½ (there it is near 0).</summary>
    internal static RationalInterval HalfLogTwoPiVariance(double v)
    {
        int bits = Math.Abs(2 * Math.PI * v - 1) < 0.5 ? 200 : 96;
        var twoPiV = ExactConstants.Pi(bits) * RationalInterval.Exact(2.0) * RationalInterval.Exact(v);
        return RationalInterval.Exact(new Fraction(1, 2)) * ExactLog.Of(twoPiV, bits);
    }

    /// <summary>|computed − exact| ≤ k·u·|exact| (both ends of the enclosure), with a label showing both.</summary>
    internal static Property WithinRelative(double computed, RationalInterval exact, int k, string what)
    {
        if (!double.IsFinite(computed))
            return false.Label($"{what}: {computed:R}");
        var c = F(computed);
        var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
        var size = FractionExtensions.Max(Fraction.Abs(exact.Lower), Fraction.Abs(exact.Upper));
        var bound = k * Unit * size;
        return (error <= bound).Label($"{what}: {computed:R} vs exact {exact.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R} ({k}u relative)");
    }

    /// <summary>
    /// |computed − exact| ≤ k·u·|exact| + 2^-1074 where |exact| &lt; double.MaxValue + ½ulp by more than the band; ±∞ with the
    /// exact value's sign where |exact| is beyond it by more than the band; either in the band.
    /// </summary>
    private static Property Check(double computed, Fraction exact, int k, string what)
    {
        var magnitude = Fraction.Abs(exact);
        if (double.IsNaN(computed))
            return false.Label($"{what}: NaN");
        if (magnitude > Threshold * F(1 + Band))
            return (double.IsInfinity(computed) && Math.Sign(computed) == exact.Sign()).Label($"{what}: {computed:R}, but the exact value is beyond ±double.MaxValue");
        if (magnitude >= Threshold * F(1 - Band))
            return true.ToProperty();
        if (double.IsInfinity(computed))
            return false.Label($"{what}: {computed:R}, but the exact {ExactDouble.ToDouble(exact):R} is in range");
        var error = Fraction.Abs(F(computed) - exact);
        var bound = k * Unit * magnitude + Tiny;
        return (error <= bound).Label($"{what}: {computed:R} vs exact {ExactDouble.ToDouble(exact):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }
}
