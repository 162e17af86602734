using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>The input contract of <see cref="CoordinatewiseOptimizer.StartCoordinates"/>.</summary>
public class CoordinatewiseOptimizerInputExamples
{
    [Fact]
    public void StartCoordinates_ZeroDimension_IsRejectedSayingTheRange()
    {
        var e = Assert.Throws<ArgumentException>(() => new Sgd(0.1).StartCoordinates(0));
        Assert.Equal("dimension", e.ParamName);
        Assert.Contains("dimension must be ≥ 1, got 0", e.Message);
    }
}
