using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Gaussian mean–variance over the tanh MLP where the variance output is beyond the range: D = H = 1, x = 0,
/// θ = (W₁ = 0, b₁ = 1, W₂[0] = 0, b₂[0] = 0, W₂[1] = b₂[1] = MaxValue), so h = tanh 1 ≈ 0.76 and v = MaxValue·(1 + h) = ∞.
/// The rule's nodes μ ± √(3v) are ±∞ and ∇_v log p there ∞ − ∞; its exact fallback threw ExactDouble's "value must be
/// finite, got -Infinity", which names no range (found by CurvatureProblemMlpLikelihoodsRangeProperties).
/// </summary>
public class CurvatureProblemMlpMeanVarianceRangeExamples
{
    private static CurvatureProblem<Float64> Problem() => new(
        new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianMeanVariance, inputs: 1, hidden: 1),
        Float64.Of(0), [[Float64.Of(0)]], [[Float64.Of(0)]],
        [Float64.Of(0), Float64.Of(1), Float64.Of(0), Float64.Of(0), Float64.Of(double.MaxValue), Float64.Of(double.MaxValue)]);

    [Fact]
    public void ExpectedNegativeHessian_WhereTheVarianceOutputOverflows_IsRejectedNamingTheRange()
    {
        var problem = Problem();
        Assert.Equal(double.PositiveInfinity, problem.Model(0).Value[1].Value);
        var e = Assert.ThrowsAny<ArgumentException>(() => problem.ExpectedNegativeHessian());
        Assert.Contains("double.MaxValue", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fisher_WhereTheVarianceOutputOverflows_IsRejectedNamingTheRange()
    {
        var problem = Problem();
        var e = Assert.ThrowsAny<ArgumentException>(() => problem.Fisher());
        Assert.Contains("double.MaxValue", e.Message, StringComparison.Ordinal);
    }
}
