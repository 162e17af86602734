using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> over the tanh MLP in doubles where the hidden pre-activation a = W₁x̃ cancels between
/// two products beyond the range: x = (2^700, 2^700), W₁ = (2^700, −2^700, 0), W₂ = (2^-700, 0), y = 0, so exactly a = 0,
/// h = 0, s = 1, f = 0 and J = (W₂·s·x₀, W₂·s·x₁, W₂·s, h, 1) = (1, 1, 2^-700, 0, 1). The closed-form model derivatives'
/// plain sum gave a = ∞ − ∞ = NaN, so f, J and ∇²f were NaN and every curvature matrix was rejected as beyond the range.
/// </summary>
public class CurvatureProblemMlpRangeExamples
{
    private static readonly double Big = Math.ScaleB(1, 700), Small = Math.ScaleB(1, -700);

    private static CurvatureProblem<Float64> Problem() => new(
        new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, inputs: 2, hidden: 1),
        Float64.Of(0), [[Float64.Of(Big), Float64.Of(Big)]], [[Float64.Of(0)]],
        [Float64.Of(Big), Float64.Of(-Big), Float64.Of(0), Float64.Of(Small), Float64.Of(0)]);

    [Fact]
    public void ModelPieces_WhereTheHiddenSumCancelsBeyondTheRange_AreExact()
    {
        var e = Problem().Model(0);
        Assert.Equal(0, e.Value[0].Value);
        double[] jacobian = [1, 1, Small, 0, 1];
        for (int a = 0; a < jacobian.Length; a++)
            Assert.Equal(jacobian[a], e.Jacobian[0, a].Value);
        // ∂²f/∂W₂[0,0]∂W₁[0,j] = s·x̃_j = 2^700, 2^700, 1; ∂²f/∂W₁∂W₁ = −2W₂·h·s·x̃x̃' = 0 (h = 0)
        Assert.Equal(Big, e.Hessians[0][3, 0].Value);
        Assert.Equal(Big, e.Hessians[0][1, 3].Value);
        Assert.Equal(1, e.Hessians[0][3, 2].Value);
        Assert.Equal(0, e.Hessians[0][0, 1].Value);
    }

    /// <summary>
    /// GGN = JᵀJ and the Fisher Σ_k ½·g_k²·JᵀJ = JᵀJ (nodes f ∓ 1, g_k = ±1) and E[−∇²] = JᵀJ − (Σ_k ½g_k)∇²f = JᵀJ: every
    /// entry a product of two of (1, 1, 2^-700, 0, 1), exact in doubles (2^-1400 rounds to 0, correctly).
    /// </summary>
    [Fact]
    public void CurvatureMatrices_WhereTheHiddenSumCancelsBeyondTheRange_AreExact()
    {
        var problem = Problem();
        double[] j = [1, 1, Small, 0, 1];
        foreach (var (name, m) in new[]
                 {
                     ("GGN", problem.GeneralizedGaussNewton()), ("Fisher", problem.Fisher()),
                     ("E[−∇²]", problem.ExpectedNegativeHessian()), ("canonical split's GGN", problem.Split(SplitKind.Canonical).Ggn),
                 })
            for (int a = 0; a < 5; a++)
                for (int b = 0; b < 5; b++)
                    Assert.True(j[a] * j[b] == m[a, b].Value, $"{name}[{a}, {b}] = {m[a, b].Value:R}, exact {j[a] * j[b]:R}");
        Assert.Equal(0, problem.Residual().Value);
    }

    /// <summary>
    /// J_n[0, 0] = W₂·s·x = 1e300·sech²(1)·1e100 is beyond the range (D = H = 1, W₁ = 1e-100, x = 1e100, so a = 1 up to
    /// rounding): the Fisher's scaled sum rejected its ∞ factor as "a factor of a scaled sum must be finite" (parameter
    /// "factors"), naming neither θ nor the range; now θ, as every other rejection of a piece beyond the range.
    /// </summary>
    [Fact]
    public void Fisher_WithAJacobianEntryBeyondTheRange_IsRejectedNamingTheta()
    {
        var problem = new CurvatureProblem<Float64>(
            new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, inputs: 1, hidden: 1),
            Float64.Of(0), [[Float64.Of(1e100)]], [[Float64.Of(0)]], [Float64.Of(1e-100), Float64.Of(0), Float64.Of(1e300), Float64.Of(0)]);
        Assert.Equal(double.PositiveInfinity, problem.Model(0).Jacobian[0, 0].Value);
        var e = Assert.Throws<DoubleRangeException>(() => problem.Fisher());
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("F(θ) of gaussian-identity is beyond ±double.MaxValue", e.Message, StringComparison.Ordinal);
    }
}
