using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The residual term of balles-thesis eq. (7.9) for the canonical split, Σ_{n,m} [∇_b a_n]_m ∇²_θ f_n^(m) with
/// ∇_b a_n = −∇_f log p, on the scaled-sum path of <see cref="LikelihoodProblem.ResidualTerm"/> (taken where a J_n entry is
/// outside [2^-100, 2^100]), against its closed form; a survivor of mutation run 24 flipped the sign of that path's
/// weight and no test reached it. And <see cref="LikelihoodProblem.GradientCovariance"/> (eq. 7.22) where a score
/// s_n = J_nᵀ∇_f log p is beyond ±double.MaxValue: the deviations cannot be formed, so it is rejected naming θ (it returned
/// NaN entries, where a run-24 survivor of the old check could not be told apart).
/// </summary>
public class LikelihoodProblemRun24Examples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// tanh MLP D = H = 1, θ = (w, b₁, v, b₂) = (0, 0, 1, 0), x = 1e200, Gaussian identity (σ² = 1), y = 1: a = 0, h = 0,
    /// f = 0, so J = (v·x, v, h, 1) = (1e200, 1, 0, 1) (outside the ordinary range: the scaled sum runs), ∇_f log p = y − f
    /// = 1, and the model Hessian ∇²_θ f has ∂²f/∂w∂v = x(1 − h²) = 1e200, ∂²f/∂b₁∂v = 1 − h² = 1 and every other entry
    /// v·tanh″(0)·(…) = 0. The residual term is −1·∇²_θ f: −1e200 at [0, 2] and [2, 0], −1 at [1, 2] and [2, 1], 0
    /// elsewhere. Each entry is one product of doubles, rounded once in the scaled sum, so it is exact.
    /// </summary>
    [Fact]
    public void ResidualTerm_OnTheScaledPath_IsMinusTheGradientTimesTheModelHessian()
    {
        var p = new LikelihoodProblem(new TanhMlp(1, 1), new GaussianIdentity(), new Dataset([V(1e200)], [1.0]));
        var residual = p.ResidualTerm(V(0, 0, 1, 0));
        var expected = Matrix<double>.Build.Dense(4, 4);
        expected[0, 2] = expected[2, 0] = -1e200;
        expected[1, 2] = expected[2, 1] = -1;
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                Assert.True(expected[i, j] == residual[i, j], $"[{i},{j}]: {residual[i, j]:R}, expected {expected[i, j]:R}");
    }

    /// <summary>
    /// Least squares through 0 (f = θᵀx, σ² = 1) at θ = 0, so s_n = y_n·x_n. One sample x = y = 1e200: s_0 = 1e400 is
    /// beyond the range (its double is +∞); the covariance of one sample is exactly 0, and −N·s − ∇R = −∞ − (−∞) gave NaN.
    /// Two samples x = (1, 1), y = 1 and x = (1e200, 1), y = 1e200: s_0 = (1, 1) is finite, s_1 = (1e400, 1e200) has one
    /// entry beyond the range and one inside it, and that sample is named. An ordinary problem beside them still gives
    /// the covariance: scores 1 and 3, deviations ∓2, covariance (4 + 4)/2 = 4.
    /// </summary>
    [Fact]
    public void GradientCovariance_WithAScoreBeyondTheRange_IsRejectedNamingTheSample()
    {
        var single = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(), new Dataset([V(1e200)], [1e200]));
        ArgumentAssert.Rejects(() => single.GradientCovariance(V(0)), "theta", "s_0 of linear");
        var mixed = new LikelihoodProblem(new LinearModel(2, 1, bias: false), new GaussianIdentity(),
            new Dataset([V(1, 1), V(1e200, 1)], [1.0, 1e200]));
        ArgumentAssert.Rejects(() => mixed.GradientCovariance(V(0, 0)), "theta",
            "s_1 of linear(D=2,M=1,no-bias) with gaussian-identity is beyond ±double.MaxValue at θ = [0, 0]");
        var ordinary = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(), new Dataset([V(1), V(1)], [1.0, 3.0]));
        Assert.Equal(4.0, ordinary.GradientCovariance(V(0))[0, 0]);
    }

    /// <summary>
    /// ∇²_θ log p of one sample where J_n is beyond the range: a tanh MLP (D = H = 1) at x = 1e10, θ = (w, b₁, v, b₂) =
    /// (0, 0, 1e300, 0), so h = 0 and ∂f/∂w = v·x(1 − h²) = 1e310. The whole message is pinned: the sample, the model, θ
    /// and the range. A θ with v = 1 (J = (1e10, 1, 0, 1)) is accepted, and there, with ∇²_f log p = −1 and ∇_f log p =
    /// y − f = 0, ∇²_θ log p = −JᵀJ: −1e20 at [0, 0].
    /// </summary>
    [Fact]
    public void LogDensityHessian_WithAJacobianBeyondTheRange_StatesTheSampleModelAndTheta()
    {
        var p = new LikelihoodProblem(new TanhMlp(1, 1), new GaussianIdentity(), new Dataset([V(1e10)], [0.0]));
        ArgumentAssert.Rejects(() => p.LogDensityHessian(0, V(0, 0, 1e300, 0), 0), "theta",
            "J_0 of tanh-mlp(D=1,H=1,M=1) is beyond ±double.MaxValue at θ = [0, 0, 1E+300, 0], the range of a double result.");
        Assert.Equal(-1e20, p.LogDensityHessian(0, V(0, 0, 1, 0), 0)[0, 0]);
    }

    /// <summary>
    /// ∇R = −Σ_n s_n where scores beyond the range meet with both signs: samples x = 1e200 with y = 1e200 and y = −1e200
    /// of a least-squares line through 0 (σ² = 1) at θ = 0 have scores x·y = ±1e400, +∞ and −∞ as doubles, and the plain
    /// sum was NaN (the exact gradient is 0). Rejected naming θ and the coordinate; scores beyond the range of one sign
    /// still give −∞ (the sum of the computed scores), and ordinary scores 1 and 3 give −4.
    /// </summary>
    [Fact]
    public void RiskGradient_WithScoresBeyondTheRangeOfBothSigns_IsRejected()
    {
        var both = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(), new Dataset([V(1e200), V(1e200)], [1e200, -1e200]));
        ArgumentAssert.Rejects(() => both.RiskGradient(V(0)), "theta", "with both signs in coordinate 0");
        var one = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(), new Dataset([V(1e200), V(1e200)], [1e200, 1e200]));
        Assert.Equal(double.NegativeInfinity, one.RiskGradient(V(0))[0]);
        var ordinary = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(), new Dataset([V(1), V(1)], [1.0, 3.0]));
        Assert.Equal(-4.0, ordinary.RiskGradient(V(0))[0]);
    }
}
