using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.LogDensity{U}"/> in forward mode where a term's label weight is 0: the Bernoulli probability
/// at y = 0 and q = 2^-1022 has log p = log(1 − q), ∇ = −1/(1 − q) and ∇² = −1/(1 − q)², both −1 in doubles; the written
/// 0·log q was rejected as ∞·0 (log's ε₁ε₂ part −1/q² = −∞), and at q = 2^-1074 (ε₁ part 1/q = ∞) with it CurvatureProblem's Score.
/// </summary>
public class LogDensityForwardModeRangeExamples
{
    private static readonly CurvatureShape Probability = new(ModelFamily.Linear, LikelihoodFamily.BernoulliProbability, 1);

    [Theory]
    [InlineData(2.2250738585072014E-308)]
    [InlineData(1e-200)]
    [InlineData(double.Epsilon)]
    public void BernoulliProbabilityAtLabelZero_WithATinyQ_HasTheClosedFormDerivatives(double q)
    {
        var forward = ForwardModeFormulas.Expand(
            v => [CurvatureFormulas.LogDensity(Probability, [HyperDualReal<Float64>.Constant(Float64.Of(0))], v)], [Float64.Of(q)]);
        Assert.Equal(-1, forward.Jacobian[0, 0].Value);
        Assert.Equal(-1, forward.Hessians[0][0, 0].Value);
    }

    /// <summary>
    /// Linear model f = θ₀x + θ₁ with x = 1, θ = (q, 0), y = 0: the score s = ∇_θ log p = −(x, 1)/(1 − q) = (−1, −1) and
    /// ∇²R = (x, 1)(x, 1)ᵀ/(1 − q)² = [[1, 1], [1, 1]] in doubles. Score runs forward mode on LogDensity (HyperDualReal), so at
    /// q = 2^-1074, where log's ε₁ part 1/q is ∞, the written 0·log q rejected it (the 2^-1022 row held before); ∇²R (HessianJet) held before too and is
    /// kept as a guard that leaving the term out changes nothing there.
    /// </summary>
    [Theory]
    [InlineData(double.Epsilon)]
    [InlineData(2.2250738585072014E-308)]
    public void ScoreAndRiskHessian_OfTheBernoulliProbabilityAtLabelZero_WithATinyQ_AreExact(double q)
    {
        var problem = new CurvatureProblem<Float64>(Probability, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(0)]],
            [Float64.Of(q), Float64.Of(0)]);
        Assert.Equal([-1.0, -1.0], problem.Score(0).Select(s => s.Value));
        var h = problem.RiskHessian();
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                Assert.Equal(1, h[a, b].Value);
    }
}
