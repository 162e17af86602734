using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// Newton's method (elmo-amos §3.3, App. F.2: Δθ = −H⁻¹∇f, x_N = |g_i|/λ_i along v_i, the pseudo-inverse's 0 where λ_i = 0)
/// on hand-solved quadratics, its two overflow rejections, its own argument checks and its declared guarantees.
/// </summary>
public class NewtonExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// H = diag(−2, 0, 4), b = (1, 1, 2), θ = 0: ∇f = −b, so along e₁, e₂, e₃ (ascending λ) |g| = (1, 1, 2) and
    /// x = |g|/λ = (−½, 0 (pseudo-inverse), ½); saddle-free uses |λ|: (½, 0, ½). All exact in binary.
    /// </summary>
    [Fact]
    public void EigenspaceSteps_AreGOverLambda_WithZeroWhereLambdaIsZero()
    {
        var f = Quadratic.Diagonal(V(-2, 0, 4), V(1, 1, 2));
        var (eigen, plain) = Newton.EigenspaceSteps(f, V(0, 0, 0), absoluteCurvature: false);
        Assert.Equal([-2.0, 0.0, 4.0], eigen.Values);
        Assert.Equal([-0.5, 0.0, 0.5], plain);
        var (_, magnitude) = Newton.EigenspaceSteps(f, V(0, 0, 0), absoluteCurvature: true);
        Assert.Equal([0.5, 0.0, 0.5], magnitude);
        Assert.Equal([-0.5, 0.0, 0.5], new Newton().Update(f, V(0, 0, 0)).ToArray());
    }

    /// <summary>
    /// A rotated Hessian H = [[1, 2], [2, 1]] (λ = −1, 3; v = (1, ∓1)/√2), b = (1, 0), θ = 0: Newton's step is
    /// H⁻¹b = (1/(1 − 4))·[[1, −2], [−2, 1]]·(1, 0) = (−1/3, 2/3), the sum Σ x_i v_i over both eigenvectors.
    /// </summary>
    [Fact]
    public void Update_OnARotatedSaddle_IsMinusHInverseTimesGradient()
    {
        var f = new Quadratic(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 1 } }), V(1, 0));
        var step = new Newton().Update(f, V(0, 0));
        // Tolerance 1e-15: a 2×2 eigendecomposition and two products, each a few ulps of quantities of size 1.
        Assert.Equal(-1.0 / 3, step[0], 1e-15);
        Assert.Equal(2.0 / 3, step[1], 1e-15);
    }

    /// <summary>
    /// λ = 2^-1074 and |g| = 1: x_N = 2^1074 is beyond the double range; EigenspaceSteps says so, naming θ (where the step was
    /// taken) and the eigenvalue, for both signs of the curvature option.
    /// </summary>
    [Fact]
    public void EigenspaceSteps_RejectAnOverflowingStep()
    {
        var f = Quadratic.Diagonal(V(double.Epsilon), V(1));
        ArgumentAssert.Rejects(() => Newton.EigenspaceSteps(f, V(0), absoluteCurvature: false), "theta",
            "theta gives a Newton step that overflows along eigenvalue 5E-324 (|g| = 1)");
        var concave = Quadratic.Diagonal(V(-double.Epsilon), V(1));
        ArgumentAssert.Rejects(() => new SaddleFreeNewton().Update(concave, V(0)), "theta", "overflows along eigenvalue -5E-324");
    }

    /// <summary>
    /// Every x_i finite, their sum not: H = [[3, 1], [1, 3]]·1e-300 (λ = 2e-300, 4e-300 along (1, ∓1)/√2) and b chosen so
    /// that −H⁻¹∇f = (2.2e308, 0). Along each eigenvector x_i = 2.2e308/√2 ≈ 1.56e308 &lt; double.MaxValue, but the first
    /// entry of Σ x_i v_i is 2.2e308 = +∞: rejected naming θ rather than returned.
    /// </summary>
    [Fact]
    public void Update_RejectsAStepWhoseSumOverflows()
    {
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { 3e-300, 1e-300 }, { 1e-300, 3e-300 } });
        var f = new Quadratic(h, V(6.6e8, 2.2e8));
        var (_, x) = Newton.EigenspaceSteps(f, V(0, 0), absoluteCurvature: false);
        Assert.All(x, xi => Assert.True(double.IsFinite(xi) && Math.Abs(xi) > 1e308));
        ArgumentAssert.Rejects(() => new Newton().Update(f, V(0, 0)), "theta", "theta gives a step Σ x_i·v_i whose entries exceed double.MaxValue.");
    }

    /// <summary>
    /// The optimizer's own checks, seen through an objective that does not validate θ itself (so that a missing check
    /// would surface as a different exception or a silent result).
    /// </summary>
    [Fact]
    public void Update_RejectsBadArguments_NamingThem()
    {
        var f = new UncheckedQuadratic(Matrix<double>.Build.DenseIdentity(2), V(1, 1));
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => new Newton().Update(null!, V(0, 0))).ParamName);
        ArgumentAssert.Rejects(() => new Newton().Update(f, V(0, double.NaN)), "theta", "must be finite");
        ArgumentAssert.Rejects(() => new Newton().Update(f, V(0, 0, 0)), "theta", "theta has length 3, expected 2");
        ArgumentAssert.Rejects(() => Newton.EigenspaceSteps(f, V(double.PositiveInfinity, 0), absoluteCurvature: true), "theta", "must be finite");
    }

    /// <summary>The declared guarantees (§3.3: Φ = H⁻¹ need not be PSD, so not quasi-Newton) and the name check-optimizer loads.</summary>
    [Fact]
    public void DeclaresScaleInvarianceAndRotationEquivarianceOnly()
    {
        var newton = new Newton();
        Assert.Equal("newton", newton.Name);
        Assert.Equal(new Guarantee[] { new ObjectiveScaleInvariance(), new RotationEquivariance() }, newton.Guarantees);
    }
}
