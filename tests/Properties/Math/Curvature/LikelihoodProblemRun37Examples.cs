using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Two survivors of mutation run 35 in <see cref="LikelihoodProblem"/>:
/// the gradient ∇R(θ) = −Σ_n s_n of balles-thesis eq. (7.4) where one coordinate's running sum overflows while another's
/// does not (the scaled sum must still run for it: an "any coordinate finite" test returned −∞), and the re-thrown
/// likelihood error of <see cref="LikelihoodProblem.NamingTheta"/>, whose message must drop the inner "(Parameter 'f')" and
/// nothing else.
/// </summary>
public sealed class LikelihoodProblemRun37Examples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    /// <summary>
    /// A line f = w·x + b with the identity Gaussian (σ² = 1) at θ = 0: s_n = y_n·(x_n, 1). Samples x = 1e154 with
    /// y = 1e154, 1e154, −1e154 give slope scores s, s, −s with s = 1e154·1e154 ≈ 1e308, whose running sum overflows
    /// (−s − s = −∞), exact sum of the scores −s; the bias scores 1e154, 1e154, −1e154 sum to −1e154 exactly.
    /// </summary>
    [Fact]
    public void RiskGradient_WithOneCoordinateOverflowingInTheRunningSum_IsTheExactSumOfTheScores()
    {
        var problem = new LikelihoodProblem(new LinearModel(1, 1, bias: true), new GaussianIdentity(),
            new Dataset([V(1e154), V(1e154), V(1e154)], [1e154, 1e154, -1e154]));
        var g = problem.RiskGradient(V(0, 0));
        double s = 1e154 * 1e154;
        // Documented bound: within N·u·Σ_n|s_na| = 3·2^-53·3s of the exact sum −s of the computed scores; each computed score
        // y·x is within u of s (one rounding), so 2^-48·s covers both.
        Assert.True(Math.Abs(g[0] - -s) <= Math.ScaleB(s, -48), $"∂R/∂w = {g[0]:R}, expected ≈ {-s:R}");
        Assert.Equal(-1e154, g[1]); // the bias coordinate: ordinary scores, their sum exact in doubles
    }

    /// <summary>The likelihood's reason is kept word for word, prefixed by θ, its parameter name replaced by θ's.</summary>
    [Fact]
    public void NamingTheta_KeepsTheReasonAndNamesTheta()
    {
        const string reason = "∇ of some-likelihood is beyond the double range at f = [0]; the range says why.";
        var inner = new ArgumentException(reason, "f");
        var e = ArgumentAssert.Rejects(() => LikelihoodProblem.NamingTheta<int>(() => throw inner, V(1, 2)), "theta", reason);
        Assert.Equal($"at θ = [1, 2]: {reason} (Parameter 'theta')", e.Message);
        Assert.Same(inner, e.InnerException);
    }
}
