using Fractions;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="LabelLogRatio"/>: ln y's enclosure kept per count gives s = f − ln y within 1.01u relative (u = 2^-53: its
/// doc's count, u + 2^-60) from many threads at once and across its emptying when full (17 000 counts, above its 16 384).
/// </summary>
public class LabelLogRatioExamples
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>|s − (f − ln y)| ≤ 1.01u·|f − ln y|, ln y enclosed to 256 bits (its width below 2^-240·|s| here).</summary>
    private static bool Within(double y, double f, double s)
    {
        var exact = RationalInterval.Exact(f) - ExactLog.Of(ExactDouble.ToFraction(y), 256);
        var c = ExactDouble.ToFraction(s);
        var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
        return error <= ExactDouble.ToFraction(1.01 * Unit) * Fraction.Abs(exact.Lower);
    }

    [Fact]
    public void LogRatio_FromManyThreadsAndPastItsCapacity_IsWithinItsBound()
    {
        const int counts = 17000;
        var first = new double?[counts];
        Parallel.For(0, counts, i => first[i] = LabelLogRatio.TryOf(i + 2, Math.Log(i + 2) + 0.25 * ((i % 7) - 3)));
        for (int i = 0; i < counts; i += 97)
        {
            double y = i + 2, f = Math.Log(y) + 0.25 * ((i % 7) - 3);
            Assert.True(first[i] is double s && Within(y, f, s), $"y = {y}, f = {f:R}: {first[i]:R}");
            Assert.Equal(first[i], LabelLogRatio.TryOf(y, f)); // kept or recomputed, the same double
        }
    }

    /// <summary>
    /// f = Math.Log(y) (s about an ulp of ln y or below) and f far from ln y (−1e300, 2^-1074, 700): the kept enclosure
    /// separates s, within 1.01u; at y = 1e15, f = ln y the s of about 1.9e-15 is what the score's 0.14 ulp rests on.
    /// </summary>
    [Theory]
    [InlineData(2.0, double.NaN)]
    [InlineData(3.0, double.NaN)]
    [InlineData(1e15, double.NaN)]
    [InlineData(1.5e308, double.NaN)]
    [InlineData(7.0, -1e300)]
    [InlineData(7.0, 4.9406564584124654e-324)]
    [InlineData(1e300, 700.0)]
    public void LogRatio_AtTheRoundedLogAndFarFromIt_IsWithinItsBound(double y, double f)
    {
        if (double.IsNaN(f))
            f = Math.Log(y);
        Assert.True(LabelLogRatio.TryOf(y, f) is double s && Within(y, f, s), $"y = {y:R}, f = {f:R}: {LabelLogRatio.TryOf(y, f):R}");
    }
}
