using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Torch;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Torch;

/// <summary>
/// TorchSharp's own torch.optim.SGD (momentum, dampening 0) and Adam, through <see cref="TorchOptimOptimizer"/>,
/// agree with this suite's reference implementations (<see cref="MomentumSgd"/> in its heavy-ball form, and
/// <see cref="Verification.Optimizers.Stochastic.Adam"/>, thesis eqs. 5.1–5.4) over <see cref="Steps"/> steps on a strongly convex quadratic.
/// </summary>
public class TorchOptimAgreementExamples
{
    /// <summary>T: long enough for momentum and both moment estimates to build up and the bias corrections to fade.</summary>
    private const int Steps = 200;

    /// <summary>
    /// τ_traj = 2⁻³⁰ ≈ 9.3e-10, relative to max(‖θ_t‖∞, ‖θ₀‖∞): the two implementations order the same operations
    /// differently (PyTorch folds the bias corrections into the step size and the denominator, may fuse multiply-adds),
    /// so each step differs by a few ulps; on a contraction (spectrum in [0.5, 2], the steps below are stable) those
    /// differences do not grow beyond ~T·few·2⁻⁵³ ≪ 2⁻³⁰ of the iterate's scale. A wrong sign, a missing bias
    /// correction or an off-by-one in t changes θ_t by O(1) of that scale.
    /// </summary>
    private static readonly double TrajectoryTolerance = Math.ScaleB(1.0, -30);

    private static Quadratic Problem()
    {
        // A = Q diag(0.5, 1, 1.5, 2) Qᵀ with Q a normalized 4×4 Hadamard matrix, b = (1, −2, 0.5, 3).
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1, 1, 1 }, { 1, -1, 1, -1 }, { 1, 1, -1, -1 }, { 1, -1, -1, 1 } }) / 2;
        var a = h * Matrix<double>.Build.DiagonalOfDiagonalArray([0.5, 1, 1.5, 2]) * h.Transpose();
        return new Quadratic(a, Vector<double>.Build.DenseOfArray([1, -2, 0.5, 3]), "agreement-quadratic");
    }

    private static readonly Vector<double> Start = Vector<double>.Build.DenseOfArray([3, -1, 2, 0.25]);

    [Fact]
    public void SgdWithMomentum_AgreesWithTheHeavyBallReference()
    {
        AssertSameTrajectory(new TorchSgdMomentum(), new MomentumSgd(0.1, 0.9, dampened: false));
    }

    [Fact]
    public void Adam_AgreesWithTheReferenceAdam()
    {
        AssertSameTrajectory(new TorchAdam(), new Verification.Optimizers.Stochastic.Adam(0.01, 0.9, 0.999, 1e-8));
    }

    [Fact]
    public void FlippedMomentumSign_WouldBeCaught()
    {
        // The comparison can fail: heavy ball with β = 0.9 against one with β = 0.8 differs by O(1) of the scale.
        var f = Problem();
        var a = Trajectory.Record(new MomentumSgd(0.1, 0.9, dampened: false), f, Start, Steps).Points;
        var b = Trajectory.Record(new MomentumSgd(0.1, 0.8, dampened: false), f, Start, Steps).Points;
        Assert.True(MaxRelativeGap(a, b) > 1e-3);
    }

    private static void AssertSameTrajectory(IOptimizer torch, IOptimizer reference)
    {
        var f = Problem();
        var a = Trajectory.Record(torch, f, Start, Steps).Points;
        var b = Trajectory.Record(reference, f, Start, Steps).Points;
        Assert.Equal(b.Count, a.Count);
        double gap = MaxRelativeGap(a, b);
        Assert.True(gap <= TrajectoryTolerance, $"{torch.Name} vs {reference.Name}: max |θ_torch − θ_ref| / scale = {gap:R} > 2⁻³⁰");
    }

    private static double MaxRelativeGap(IReadOnlyList<Vector<double>> a, IReadOnlyList<Vector<double>> b)
    {
        double scale0 = Start.AbsoluteMaximum(), worst = 0;
        for (int t = 0; t < Math.Min(a.Count, b.Count); t++)
        {
            double scale = Math.Max(scale0, b[t].AbsoluteMaximum());
            worst = Math.Max(worst, (a[t] - b[t]).AbsoluteMaximum() / scale);
        }
        return worst;
    }
}
