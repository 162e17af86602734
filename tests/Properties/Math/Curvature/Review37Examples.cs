using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Review of stop 37's src changes. LikelihoodProblem now evaluates the Gaussian expectation rule at its offsets
/// y_k − μ = 0, ∓√(3v) (ExpectationRule.Offsets), because the nodes μ ± √(3v) round to μ beyond |μ| ≈ 2^53·√(3v).
/// CurvatureProblem&lt;Float64&gt; builds its own rule (CurvatureFormulas.Expectation: nodes f₀, f₀ ∓ √(3v)) and did
/// not get the same change.
/// </summary>
public sealed class Review37Examples
{
    /// <summary>
    /// Fisher (balles-thesis eq. 7.2) of the unit-variance Gaussian, linear model f = θ₀x + θ₁ at x = 1, θ = (0, 1e20):
    /// E_y[(y − f)²] = 1, so F = JᵀJ = [[1, 1], [1, 1]] exactly, whatever f. The nodes 1e20 ∓ √3 are the double 1e20 (its
    /// ulp is 16384), so each node score y_k − f is 0 and the Fisher came out 0. Exact reference; the tolerance is the
    /// plain form's few roundings of w_k·3 (weights 1/6, offsets √3 within 3.01u): 1e-14 relative.
    /// </summary>
    [Fact]
    public void CurvatureProblemFisher_GaussianAtLargeMean_IsJTransposeJ()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianIdentity, 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(1e20)]],
            [Float64.Of(0), Float64.Of(1e20)]);
        var fisher = problem.Fisher();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.InRange(fisher[i, j].Value, 1 - 1e-14, 1 + 1e-14);
    }

    /// <summary>
    /// E[−∇²_θ log p] (eq. 7.4) of the Gaussian mean–variance likelihood, linear model μ = θ₀x + θ₁, v = θ₂x + θ₃ at x = 1,
    /// θ = (0, 1e20, 0, 1): E[−∇²_f] = [[1/v, E[r]/v²], [E[r]/v², (E[r²]/v − ½)/v²]] = [[1, 0], [0, ½]] exactly (E[r] = 0,
    /// E[r²] = v), and JᵀE[−∇²_f]J has [0, 0] = 1, [0, 2] = 0, [2, 2] = ½ (no model curvature). With the nodes collapsed to
    /// μ, r = 0 at every node and the vv entry is −½: the wrong sign. Tolerance as above, 1e-14.
    /// </summary>
    [Fact]
    public void CurvatureProblemExpectedNegativeHessian_MeanVarianceAtLargeMean_IsExact()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        var theta = new[] { 0.0, 1e20, 0.0, 1.0 }.Select(Float64.Of).ToArray();
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(1e20)]], theta);
        var e = problem.ExpectedNegativeHessian();
        Assert.InRange(e[0, 0].Value, 1 - 1e-14, 1 + 1e-14);
        Assert.InRange(e[0, 2].Value, -1e-14, 1e-14);
        Assert.InRange(e[2, 2].Value, 0.5 - 1e-14, 0.5 + 1e-14);
    }

    /// <summary>
    /// TanhMlp.SechSquaredScaled (rewritten in stop 37 onto ScaledDerivative.Exp): m·2^e = sech²a = 4e^{−2|a|}/(1 + e^{−2|a|})²
    /// within the stated 3u, relatively, over the scaled range (350, 2200] (to 2000: ExactExp stops at |x| = 4096), both signs
    /// and both branches of ScaledDerivative.Exp (e^-701 normal, e^-800 below 2^-1022). The reference encloses e^{−2|a|}
    /// (128-bit ExactExp; 2|a| is exact) in rationals, so sech²a ∈ [4r_lo/(1 + r_hi)², 4r_hi]; the mantissa must be in [1, 2).
    /// </summary>
    [Theory]
    [InlineData(350.5)]
    [InlineData(-400.0)]
    [InlineData(709.25)]
    [InlineData(1000.0)]
    [InlineData(-2000.0)]
    public void SechSquaredScaled_IsWithinThreeUnits(double a)
    {
        var (m, e) = TanhMlp.SechSquaredScaled(a);
        Assert.InRange(Math.Abs(m), 1.0, 2.0 - Math.ScaleB(1.0, -52));
        var r = ExactExp.Of(-2 * Math.Abs(a));
        var lower = 4 * r.Lower / ((1 + r.Upper) * (1 + r.Upper));
        var upper = 4 * r.Upper;
        var value = ExactDouble.ToFraction(m) * ExactDouble.Pow2(e);
        var slack = new Fraction(3) * ExactDouble.Pow2(-53);
        Assert.True(value >= lower * (1 - slack) && value <= upper * (1 + slack), $"a = {a:R}: ({m:R}, {e})");
    }
}
