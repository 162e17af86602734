using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The forward-mode members of <see cref="CurvatureProblem{T}"/> (<see cref="CurvatureProblem{T}.Score"/>,
/// <see cref="CurvatureProblem{T}.RiskHessian"/>) for the Gaussian mean–variance likelihood where v > double.MaxValue/2:
/// the written form −(y − μ)²/(2v) − ½log v has 2v beyond the range (CurvatureFormulas.LogDensity), so they reject naming
/// θ and the range though the exact s and ∇²R are in range (linear model, x = 1, θ = (0, 0, 0, 1e308), y = 0.5:
/// s = (a, a, ∇_v, ∇_v) with a = 5e-309). Found in review at stop 40; the rejection was the documented behaviour of
/// LogDensity, not yet of these members.
/// </summary>
public class CurvatureProblemMeanVarianceForwardModeRangeExamples
{
    private static CurvatureProblem<Float64> Problem(double variance)
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        return new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(0.5)]],
            new[] { 0.0, 0.0, 0.0, variance }.Select(Float64.Of).ToArray());
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(1.7976931348623157e308)]
    public void ScoreAndRiskHessian_WhereTwoVOverflows_RejectNamingTheta(double variance)
    {
        var score = Assert.Throws<DoubleRangeException>(() => Problem(variance).Score(0));
        Assert.Equal("theta", score.ParamName);
        Assert.Contains("±double.MaxValue", score.Message);
        var hessian = Assert.Throws<DoubleRangeException>(() => Problem(variance).RiskHessian());
        Assert.Equal("theta", hessian.ParamName);
        Assert.Contains("±double.MaxValue", hessian.Message);
    }
}
