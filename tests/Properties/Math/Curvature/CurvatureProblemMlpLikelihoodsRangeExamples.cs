using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}.TermScale"/> over the tanh MLP with the Bernoulli logit where J_n is beyond the range:
/// D = H = 1, x = 1e300, θ = (W₁ = 0, b₁ = 0, W₂ = 1e300, b₂ = 800), so a = 0, h = 0, s = 1, f = 800 and
/// J = (W₂·s·x, W₂·s, h, 1) = (1e600, 1e300, 0, 1): the exact scale Σ‖J‖²(1 + G² + H) + G·K ≥ 1e1200 is beyond
/// double.MaxValue. At f = 800 the double ∇²_f log p = −σ(f)σ(−f) is 0, and the scaled form's J·(J·H) = ∞·(∞·0) made the
/// scale NaN (found by CurvatureProblemMlpLikelihoodsRangeProperties). The exact term where factors overflow
/// (ExactTermWhereFactorsOverflow) returned +∞ where a J_n or ∇²f_n entry is not finite only for the likelihoods whose G or
/// H may overflow; logit and softmax skipped it. Since stop 36 that check comes first, for every likelihood.
/// </summary>
public class CurvatureProblemMlpLikelihoodsRangeExamples
{
    [Fact]
    public void BernoulliLogitTermScale_WhereTheJacobianOverflowsAndTheLogitSaturates_IsInfinityNotNaN()
    {
        var problem = new CurvatureProblem<Float64>(
            new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.BernoulliLogit, inputs: 1, hidden: 1),
            Float64.Of(0), [[Float64.Of(1e300)]], [[Float64.Of(1)]],
            [Float64.Of(0), Float64.Of(0), Float64.Of(1e300), Float64.Of(800)]);
        Assert.False(double.IsFinite(problem.Model(0).Jacobian[0, 0].Value)); // the piece itself is beyond the range
        Assert.Equal(double.PositiveInfinity, problem.TermScale().Value);
    }
}
