using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="VarianceAdaptationFactors.Worst"/> (the scan behind balles-thesis Fig. 5.2) stays inside [from, to]: for an
/// increasing deviation η ↦ η the largest value over [1, 2] is 2, at η = 2, and no point beyond the right end may be
/// sampled or returned.
/// </summary>
public class VarianceAdaptationFactorsRun26Examples
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(17)]
    public void Worst_OfAnIncreasingDeviation_IsAtTheRightEnd(int points)
    {
        const double from = 1, to = 2;
        var sampled = new List<double>();
        var (eta, value) = VarianceAdaptationFactors.Worst(x => { sampled.Add(x); return x; }, from, to, points);
        // Tolerance: the scan's points are exp(ln from + (ln to − ln from)·k/(points − 1)); exp∘ln and the product round
        // a few times, so a point meant to be `to` may be off by a few ulps (8 ulps allowed); any point past the end is
        // at least to^(1/(points − 1)) − 1 ≥ 4% beyond it here.
        double slack = 8 * Math.Pow(2, -52) * to;
        Assert.All(sampled, x => Assert.True(from - slack <= x && x <= to + slack, $"sampled η = {x:R} outside [{from}, {to}]"));
        Assert.True(Math.Abs(eta - to) <= slack, $"arg max η = {eta:R}, expected {to}");
        Assert.True(Math.Abs(value - to) <= slack, $"max = {value:R}, expected {to}");
    }
}
