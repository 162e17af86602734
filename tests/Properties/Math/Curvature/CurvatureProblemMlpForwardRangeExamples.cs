using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/>'s forward-mode members over the tanh MLP in doubles where the hidden unit is nearly
/// linear: D = H = 1, x = 1, W₁ = (2^-66, 0), W₂ = (2^66, 0), y = 0. Exactly a = 2^-66, h = tanh a = a(1 − a²/3 + …),
/// f = W₂h = 1 − 2^-132/3 + …, s = 1 − h², J = (W₂s, W₂s, h, 1) ≈ (2^66, 2^66, 2^-66, 1), ∇²f[W₂, W₁] = s·x = s,
/// g = y − f ≈ −1. ∇²R[W₁, W₂] = J_{W₁}J_{W₂} − g·s = W₂sh + s ≈ 2 and s_n = −(f − y)J ≈ −J.
/// </summary>
public class CurvatureProblemMlpForwardRangeExamples
{
    private static readonly double A = Math.ScaleB(1, -66), W = Math.ScaleB(1, 66);

    private static CurvatureProblem<Float64> Problem() => new(
        new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, inputs: 1, hidden: 1),
        Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(0)]],
        [Float64.Of(A), Float64.Of(0), Float64.Of(W), Float64.Of(0)]);

    [Fact]
    public void ForwardModeMembers_WhereTanhIsNearlyLinear_AreAccurate()
    {
        var problem = Problem();
        var hessian = problem.RiskHessian();
        Assert.InRange(hessian[0, 2].Value, 2 - 1e-14, 2 + 1e-14);
        var score = problem.Score(0);
        Assert.InRange(score[0].Value / -W, 1 - 1e-14, 1 + 1e-14);
    }

    /// <summary>
    /// HessianJet and HyperDualReal's tanh over doubles are HyperDual's (the platform tanh, relative also near 0; sech² as
    /// 1 − t² or m·2^e), bit for bit for one variable seeded with 1: at 2^-66 the value is 2^-66 (the written
    /// 1 − 2e^{−2a}/(1 + e^{−2a}) gave 0), the gradient 1 and the Hessian −2^-65.
    /// </summary>
    [Theory]
    [InlineData(1.3552527156068805E-20)] // 2^-66
    [InlineData(-0.3)]
    [InlineData(20.0)]
    [InlineData(400.0)]
    [InlineData(-5e-324)]
    [InlineData(0.0)]
    public void Tanh_OverDoubles_IsHyperDualsTanh(double a)
    {
        var expected = HyperDual.Tanh(new HyperDual(a, 1, 1, 0));
        var (value, gradient, hessian) = HessianJet<Float64>.Evaluate(t => HessianJet<Float64>.Tanh(t[0]), [Float64.Of(a)]);
        Assert.Equal(expected.Value, value.Value);
        Assert.Equal(expected.E1, gradient[0].Value);
        Assert.Equal(expected.E12, hessian[0, 0].Value);
        var dual = HyperDualReal<Float64>.Tanh(HyperDualReal<Float64>.Variable(Float64.Of(a), true, true));
        Assert.Equal(expected.Value, dual.Value.Value);
        Assert.Equal(expected.E1, dual.E1.Value);
        Assert.Equal(expected.E12, dual.E12.Value);
        if (a == Math.ScaleB(1, -66))
            Assert.Equal((a, 1.0, -2 * a), (value.Value, gradient[0].Value, hessian[0, 0].Value));
    }
}
