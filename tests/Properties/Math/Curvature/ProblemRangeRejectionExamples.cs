using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The inputs where <see cref="LikelihoodProblemRangeProperties"/> and <see cref="CurvatureProblemRangeProperties"/> first
/// failed (issue 15, item 1): a per-sample piece beyond ±double.MaxValue is now rejected naming θ and the double range,
/// where the rejection named no range or an internal parameter, and the GGN no longer falls with the residual term beside it.
/// </summary>
public class ProblemRangeRejectionExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>An <see cref="ArgumentException"/> or subclass (<see cref="Verification.Numerics.DoubleRangeException"/>) naming the parameter, with the message part.</summary>
    private static void RejectsInRange(Action act, string parameter, string messagePart)
    {
        var e = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
    }

    private static CurvatureProblem<Float64> Curved(double kappa, double[][] x, double[] y, double[] theta) =>
        new(new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, theta.Length), Float64.Of(kappa),
            x.Select(xn => xn.Select(Float64.Of).ToArray()).ToArray(), y.Select(v => new[] { Float64.Of(v) }).ToArray(),
            theta.Select(Float64.Of).ToArray());

    /// <summary>
    /// Linear fit, x = (1.7e294, 1), θ = (2e239, 0): f ≈ 3.4e533 is beyond the range. The rejection was the likelihood's
    /// "f(x_0, θ)[0] must be finite, got Infinity" (parameter "f(x_0, θ)").
    /// </summary>
    [Fact]
    public void LikelihoodProblem_WithAnOutputBeyondTheRange_RejectsNamingTheRange()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([V(1.6804817401785652E+294)], [0.0]));
        ArgumentAssert.Rejects(() => p.GeneralizedGaussNewton(V(2e239, 0)), "theta", "f(x_0, θ) of linear(D=1,M=1) is beyond ±double.MaxValue");
    }

    /// <summary>
    /// Linear fit, σ² = 3.5e-10, x = 3.8e71, y = −1.1e278 at θ ≈ 0: s = x·y/σ² ≈ −1e359 is beyond the range (and F̃ = s² with
    /// it). The rejection was the scaled sum's "a factor of a scaled sum must be finite" (parameter "factors").
    /// </summary>
    [Fact]
    public void EmpiricalFisher_WithAScoreBeyondTheRange_RejectsNamingTheRange()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(3.5330136851932E-10), new Dataset([V(3.821102821794975E+71)], [-1.0849715023736866E+278]));
        ArgumentAssert.Rejects(() => p.EmpiricalFisher(V(1.1125021859460726E-256, -6.630505991287693E-254)), "theta", "s_0 of linear(D=1,M=1) with");
    }

    /// <summary>
    /// Curved-linear Gaussian, κ = 0, x₀ = 4.3e238, θ₀ = 2.7e185: f ≈ 1.2e424. ∇²R, the identity split and F̃ were rejected by
    /// the jets' Float64 "±∞·0 is undetermined" (parameter "b").
    /// </summary>
    [Fact]
    public void CurvatureProblemForwardMode_WithAnOutputBeyondTheRange_RejectsNamingTheRange()
    {
        var p = Curved(0, [[4.3222037750067673E+238]], [0], [2.7194265232218475E+185]);
        RejectsInRange(() => p.RiskHessian(), "theta", "f(x_0, θ) of curved-linear(D=1) is beyond ±double.MaxValue");
        RejectsInRange(() => p.EmpiricalFisher(), "theta", "f(x_0, θ) of curved-linear(D=1) is beyond ±double.MaxValue");
        RejectsInRange(() => p.Split(SplitKind.Identity), "theta", "f(x_0, θ) of curved-linear(D=1) is beyond ±double.MaxValue");
    }

    /// <summary>
    /// Curved-linear Gaussian, κ = 0, x = −3.6e31, θ = 3.7e135, y = 0: f ≈ −1.3e167 is finite but ℓ = f²/2 ≈ 9e333 is not.
    /// ∇²R = x² ≈ 1.3e63 is finite; the jets carry ℓ as their value, and the rejection was Float64's "the quotient of
    /// −Infinity by 2" (parameter "b"). Now it names θ and the range.
    /// </summary>
    [Fact]
    public void CurvatureProblemForwardMode_WithALossBeyondTheRange_RejectsNamingTheRange()
    {
        var p = Curved(0, [[-3.5711708369910915E+31]], [0], [3.748754580849153E+135]);
        RejectsInRange(() => p.RiskHessian(), "theta", "(a loss ℓ_n or a derivative part) is beyond ±double.MaxValue");
    }

    /// <summary>
    /// Curved-linear Gaussian, x = 1, θ = 1e-300, κ = 1e10, y = 1e300: the residual term −(y − f)κ ≈ −1e310 is beyond the
    /// range, the GGN (x + κθ)² = 1 is not. <see cref="CurvatureProblem{T}.GeneralizedGaussNewton"/> was rejected with the
    /// residual; <see cref="CurvatureProblem{T}.Split"/>, which returns both, still is.
    /// </summary>
    [Fact]
    public void CurvatureProblemGgn_BesideAResidualTermBeyondTheRange_IsFinite()
    {
        var p = Curved(1e10, [[1]], [1e300], [1e-300]);
        Assert.Equal(1.0, p.GeneralizedGaussNewton()[0, 0].Value);
        RejectsInRange(() => p.Split(SplitKind.Canonical), "theta", "residual term of gaussian-identity is beyond ±double.MaxValue");
    }
}
