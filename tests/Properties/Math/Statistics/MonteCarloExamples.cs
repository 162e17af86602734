using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>Hoeffding intervals at the ends of the double range.</summary>
public class MonteCarloExamples
{
    /// <summary>
    /// Ten draws of double.MaxValue in [−MaxValue, MaxValue]: the plain sum overflowed and the interval became
    /// [∞ − ∞, ∞] = [NaN, ∞]. The mean is MaxValue (to the documented n·2^-53 relative); t = 2·MaxValue·√(ln 40/20) =
    /// 0.859·MaxValue is finite (high − low overflows, so t is formed from the halves; it used to be +∞ and Lower −∞).
    /// Lower = MaxValue·(1 − 2√(ln 40/20)) = 0.14106118330652484·MaxValue, within (10 + 6·0.86 + 1)·2^-53 ≈ 1.8e-15 of
    /// MaxValue (the mean's and t's documented errors and the subtraction's rounding): tolerance 4e-15·MaxValue. Upper =
    /// MaxValue + t is beyond the range: +∞, which contains the mean as it must.
    /// </summary>
    [Fact]
    public void BoundedMean_OfHugeDraws_IsFiniteWithAnUnboundedInterval()
    {
        var ci = MonteCarlo.BoundedMean(_ => double.MaxValue, new System.Random(1), 10, -double.MaxValue, double.MaxValue, 0.05);
        // The documented accuracy of the estimate: n·2^-53·max(|low|, |high|), here 10 draws.
        Assert.InRange(ci.Estimate, double.MaxValue * (1 - 10 * Math.ScaleB(1.0, -53)), double.MaxValue);
        Assert.Equal(0.14106118330652484, ci.Lower / double.MaxValue, 4e-15);
        Assert.Equal(double.PositiveInfinity, ci.Upper);
    }

    /// <summary>Draws of MaxValue/2 in [0, MaxValue]: mean MaxValue/2 exactly (the scaled sum is exact), t finite.</summary>
    [Fact]
    public void BoundedMean_WhoseSumOverflows_HasTheExactMean()
    {
        var ci = MonteCarlo.BoundedMean(_ => double.MaxValue / 2, new System.Random(1), 1000, 0, double.MaxValue, 0.05);
        Assert.Equal(double.MaxValue / 2, ci.Estimate);
        Assert.True(double.IsFinite(ci.Lower) && ci.Lower < ci.Estimate);
    }
}
