using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> over the linear model in doubles where f = θ₀x₀ + θ₁x₁ + θ₂ cancels between two
/// products beyond the range: x = (2^700, 2^700), θ = (2^400, −2^400, 0), so exactly f = 0 (J = (2^700, 2^700, 1)). The
/// plain sum of CurvatureFormulas.Output gave f = ∞ − ∞ = NaN, and r(θ) = |y − f| with it; in doubles f is now
/// LinearModel's scaled sum.
/// </summary>
public class CurvatureProblemLinearRangeExamples
{
    [Fact]
    public void OutputAndResidual_WhereTheSumCancelsBeyondTheRange_AreExact()
    {
        double big = Math.ScaleB(1, 700), w = Math.ScaleB(1, 400);
        var problem = new CurvatureProblem<Float64>(new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianIdentity, inputs: 2),
            Float64.Of(0), [[Float64.Of(big), Float64.Of(big)]], [[Float64.Of(0)]], [Float64.Of(w), Float64.Of(-w), Float64.Of(0)]);
        Assert.Equal(0, problem.Output(0)[0].Value);
        Assert.Equal(0, problem.Model(0).Value[0].Value);
        Assert.Equal(0, problem.Residual().Value);
    }
}
