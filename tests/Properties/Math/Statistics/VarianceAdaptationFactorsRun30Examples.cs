using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="VarianceAdaptationFactors.Worst"/> on a deviation whose largest value is a plateau: min(η, 2) on [1, 8]
/// is largest (2) on all of [2, 8]. The scan keeps the first of equal samples (the smallest η), and the golden-section
/// refinement breaks a tie between its two probes the same way, towards the smaller η, so the reported point is the left
/// end of the plateau, η = 2 (mutation runs 28/29: the refinement's tie rule; with the other rule it drifts to the
/// right end of the bracket, η = 4).
/// </summary>
public sealed class VarianceAdaptationFactorsRun30Examples
{
    [Fact]
    public void Worst_OfAPlateau_ReportsItsLeftEnd()
    {
        var (eta, value) = VarianceAdaptationFactors.Worst(e => Math.Min(e, 2), 1, 8, 4);
        Assert.Equal(2, value);
        // 1e-9: the refinement stops at a log-bracket of 1e-15 around ln 2, and the scan point exp(ln 2) is 2 within
        // a few ulp; either may be returned.
        Assert.True(Math.Abs(eta - 2) <= 1e-9, $"η = {eta:R}, expected the left end 2 of the plateau");
    }
}
