using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// What the forward-mode range examples share (HyperDual's probe points; HyperDualReal's and HessianJet's part check, erf'
/// enclosure and the end of erf's plain range).
/// </summary>
internal static class ForwardModeRange
{
    /// <summary>The examples' bound for one part, derived in HessianJetRangeExamples' summary.</summary>
    private const double Ulps = 12;

    private static readonly Fraction Overflow = ExactDouble.Pow2(1024);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static RationalInterval I(Fraction x) => RationalInterval.Exact(x);

    /// <summary>
    /// ±2^k and ±1.5·2^k for k = −1074, −1074 + <paramref name="step"/>, … up to 1023 (the finite, non-zero ones),
    /// ±double.MaxValue, ±2^-1074 and the signed zeros.
    /// </summary>
    public static IEnumerable<double> Points(int step)
    {
        yield return 0.0;
        yield return -0.0;
        for (int k = -1074; k <= 1023; k += step)
            foreach (double m in new[] { 1.0, 1.5 })
            {
                double x = Math.ScaleB(m, k);
                if (double.IsFinite(x) && x != 0)
                {
                    yield return x;
                    yield return -x;
                }
            }
        yield return double.MaxValue;
        yield return -double.MaxValue;
        yield return double.Epsilon;
        yield return -double.Epsilon;
    }

    /// <summary>
    /// A computed part against its exact enclosure: never NaN; ±∞ where the exact value is beyond ±2^1024; within
    /// <paramref name="ulps"/> ulp (<see cref="ExactDouble.UlpError"/>) where it is a double's; free between MaxValue and 2^1024.
    /// </summary>
    public static void AssertPart(string what, double computed, RationalInterval exact, double ulps = Ulps)
    {
        Assert.False(double.IsNaN(computed), $"{what}: NaN");
        if (exact.Lower >= Overflow || exact.Upper <= -Overflow)
        {
            Assert.True(double.IsInfinity(computed) && Math.Sign(computed) == exact.Lower.Sign(), $"{what}: {computed:R}, exact beyond the range");
            return;
        }
        if (Fraction.Abs(exact.Lower) > Q(double.MaxValue) || Fraction.Abs(exact.Upper) > Q(double.MaxValue))
            return; // between MaxValue and 2^1024 either rounding is correct
        Assert.True(double.IsFinite(computed), $"{what}: {computed:R}, exact finite");
        double err = ExactDouble.UlpError(computed, exact);
        Assert.True(err <= ulps, $"{what}: {computed:R} is {err:G3} ulp off");
    }

    public static void AssertPart(string what, double computed, Fraction exact, double ulps = Ulps) =>
        AssertPart(what, computed, I(exact), ulps);

    /// <summary>(2/√π)·e^{−x²} as a 128-bit enclosure for |x| ≤ 64.</summary>
    public static RationalInterval ErfDerivative(double x) =>
        I(new Fraction(2)) * ExactExp.Of(-(Q(x) * Q(x)), 128) / ExactConstants.Pi(128).Sqrt(256);

    /// <summary>x² up to which the plain erf formula may run: 1022·ln 2 + ln(2/√π) ≈ 708.517, rounded up (beyond it, up to
    /// 708.52, the scaled form runs and the wider tolerance only loosens the check there).</summary>
    public const double PlainErfSquareLimit = 708.52;

    /// <summary>Points about the end of erf's plain range (|x| ≈ 26.618), on both sides of it.</summary>
    public static readonly double[] PlainErfEnd = [26.5, 26.6, 26.61, 26.615, 26.617, 26.618, 26.62, 26.7, 27, 28.5, -26.615];
}
