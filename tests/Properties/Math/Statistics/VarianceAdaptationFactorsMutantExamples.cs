using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="VarianceAdaptationFactors.Worst"/> (the largest deviation over η, Fig. 5.2's scan) on a deviation whose
/// maximiser is known and lies between the scan's points: −(ln η − ln c)² has its maximum 0 at η = c, so the golden-section
/// refinement must land on c, not on the best of the four log-spaced points 1, 10^{1/3}, 10^{2/3}, 10.
/// </summary>
public class VarianceAdaptationFactorsMutantExamples
{
    [Theory]
    [InlineData(2.5)]
    [InlineData(7.0)]
    public void Worst_RefinesToTheMaximiserBetweenScanPoints(double c)
    {
        double Deviation(double eta) => -Math.Pow(Math.Log(eta) - Math.Log(c), 2);
        var (eta, value) = VarianceAdaptationFactors.Worst(Deviation, 1, 10, 4);
        // ln η − ln c is formed to about 1e-16 absolute, so the refinement can place η to far better than 1e-6 relative;
        // the best scan point is off by over 7 % (10^{1/3} ≈ 2.154 for c = 2.5, 10 for c = 7).
        Assert.InRange(eta, c * (1 - 1e-6), c * (1 + 1e-6));
        Assert.InRange(value, -1e-12, 0);
    }
}
