using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// AMOS (elmo-amos Alg. 2) by hand: the hyperparameters' ranges (Require line), line 5's running estimate, lines 6–12's
/// assignment per coordinate and per tensor (App. K), and the first steps of a run whose curvatures, slopes and
/// SGD steps have closed forms, with a Hessian every step and every second step (I_hess = {0, 2, 4, …}).
/// </summary>
/// <remarks>
/// The run's objective: f(θ) = (θ₁²/2 + θ₁³) + θ₂²/2, so ∇f = (θ₁ + 3θ₁², θ₂) and diag H = (1 + 6θ₁, 1). OPT¹ is SGD with
/// step 0.1 and OPT² SGD with step 0.01, so a step shows which optimizer owned each coordinate.
/// </remarks>
public class AmosStepExamples
{
    /// <summary>A handful of roundings on values of order 1: 1e-12 relative.</summary>
    private const double Relative = 1e-12;

    private static Vector<double> Of(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    private static readonly SeparableObjective Bend = new([new CubicTerm(1, 6), new CubicTerm(1, 0)]);

    private static double Curvature(double x) => 1 + 6 * x;

    private static Vector<double> Gradient(Vector<double> theta) => Of(theta[0] + 3 * theta[0] * theta[0], theta[1]);

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static Amos Build(AmosSettings settings) => new(new Sgd(0.1), new Sgd(0.01), settings);

    [Fact]
    public void Settings_RejectEachOutOfRangeHyperparameter_NamingIt()
    {
        ArgumentAssert.Rejects(() => new AmosSettings(1, Assignment: (AmosAssignment)7).Validated(), "Assignment",
            "Assignment must be one of PerCoordinate, PerTensorMean, PerTensorMax, got 7.");
        ArgumentAssert.Rejects(() => new AmosSettings(1, Basis: (AmosCurvatureBasis)5).Validated(), "Basis",
            "Basis must be one of HessianDiagonal, HessianEigenspaces, got 5.");
        ArgumentAssert.Rejects(() => new AmosSettings(1, Assignment: AmosAssignment.PerTensorMax, Basis: AmosCurvatureBasis.HessianEigenspaces).Validated(),
            "Assignment", "Assignment must be PerCoordinate with Basis = HessianEigenspaces");
        ArgumentAssert.Rejects(() => new AmosSettings(-1).Validated(), "LThreshold", "LThreshold must be ≥ 0");
        ArgumentAssert.Rejects(() => new AmosSettings(1, AlphaL: -0.5).Validated(), "AlphaL", "AlphaL must be ≥ 0");
        ArgumentAssert.Rejects(() => new AmosSettings(1, AlphaL: 1).Validated(), "AlphaL", "AlphaL must lie in [0, 1), got 1.");
        ArgumentAssert.Rejects(() => new AmosSettings(1, Epsilon2: 0).Validated(), "Epsilon2", "Epsilon2 must be > 0");
        ArgumentAssert.Rejects(() => new AmosSettings(1, HessianEvery: 0).Validated(), "HessianEvery", "HessianEvery must be ≥ 1, got 0.");
        // The constructor validates too, and needs settings.
        ArgumentAssert.Rejects(() => Build(new AmosSettings(1, HessianEvery: -3)), "HessianEvery", "HessianEvery must be ≥ 1, got -3.");
        Assert.Equal("settings", Assert.Throws<ArgumentNullException>(() => new Amos(new Sgd(1), new Sgd(1), null!)).ParamName);
    }

    /// <summary>The closed ends: L_thresh = 0, α_L = 0, k = 1, and the eigenspace basis with per-coordinate assignment.</summary>
    [Fact]
    public void Settings_AcceptTheClosedEnds()
    {
        var settings = new AmosSettings(0, AlphaL: 0, Epsilon2: double.Epsilon, HessianEvery: 1, Basis: AmosCurvatureBasis.HessianEigenspaces);
        Assert.Same(settings, settings.Validated(3));
        var mean = new AmosSettings(0, Assignment: AmosAssignment.PerTensorMean, Tensors: [[2, 0], [1]]);
        Assert.Same(mean, mean.Validated(3));
        // Without a dimension the tensors cannot be checked yet (Start checks them).
        var unchecked_ = new AmosSettings(0, Tensors: [[5]]);
        Assert.Same(unchecked_, unchecked_.Validated());
    }

    /// <summary>App. K's tensors must partition 0..n−1: each rejection names Tensors and the offending index.</summary>
    [Fact]
    public void Tensors_MustPartitionTheCoordinates()
    {
        ArgumentAssert.Rejects(() => new AmosSettings(0, Tensors: [[0, 1], []]).Validated(2), "Tensors", "Tensors must not contain an empty or null group.");
        ArgumentAssert.Rejects(() => new AmosSettings(0, Tensors: [[0, 1], null!]).Validated(2), "Tensors", "Tensors must not contain an empty or null group.");
        ArgumentAssert.Rejects(() => new AmosSettings(0, Tensors: [[0, 2]]).Validated(2), "Tensors", "Tensors contains index 2, outside 0..1.");
        ArgumentAssert.Rejects(() => new AmosSettings(0, Tensors: [[-1, 0, 1]]).Validated(2), "Tensors", "Tensors contains index -1, outside 0..1.");
        ArgumentAssert.Rejects(() => new AmosSettings(0, Tensors: [[0], [1, 0]]).Validated(2), "Tensors", "Tensors contains index 0 twice.");
        ArgumentAssert.Rejects(() => new AmosSettings(0, Tensors: [[1]]).Validated(3), "Tensors", "Tensors must cover every coordinate; 0 is missing.");
        ArgumentAssert.Rejects(() => Build(new AmosSettings(0, Tensors: [[0]])).Start(Bend, Of(1, 1)), "Tensors", "Tensors must cover every coordinate; 1 is missing.");
    }

    /// <summary>A slot takes an optimizer of batch size 1 only (AMOS feeds the exact gradient); the message names the optimizer.</summary>
    [Fact]
    public void Slots_RequireBatchSizeOne()
    {
        ArgumentAssert.Rejects(() => new Amos(new Sgd(0.1, batchSize: 2), new Sgd(0.1), new AmosSettings(1)), "firstOrder",
            "firstOrder must have batch size 1 (AMOS steps its OPTs on the exact gradient), got 2 for 'sgd(α=0.1, m=2)'.");
        ArgumentAssert.Rejects(() => new Amos(new Sgd(0.1), new Sgd(0.1, batchSize: 3), new AmosSettings(1)), "secondOrder", "got 3 for");
        Assert.Equal("firstOrder", Assert.Throws<ArgumentNullException>(() => new Amos(null!, new Sgd(0.1), new AmosSettings(1))).ParamName);
        var sgd = new Sgd(0.1);
        Assert.Same(sgd, Amos.RequireSlot(sgd, "x"));
    }

    [Fact]
    public void Name_ShowsBothOptimizersAndTheSettings()
    {
        var first = new Sgd(0.1);
        var second = new SophiaDiagonal(0.01);
        Assert.Equal($"amos({first.Name}|{second.Name}, L_thresh=0.5, α_L=0.25, PerTensorMax)",
            new Amos(first, second, new AmosSettings(0.5, AlphaL: 0.25, Assignment: AmosAssignment.PerTensorMax)).Name);
        Assert.Equal($"amos({first.Name}|{second.Name}, L_thresh=0, α_L=0.99, PerCoordinate, eigenspaces)",
            new Amos(first, second, new AmosSettings(0, Basis: AmosCurvatureBasis.HessianEigenspaces)).Name);
    }

    /// <summary>
    /// Line 5: L ← α·L + (1 − α)·|λ_t − λ_{t−1}|/(ε₂ + ‖θ_t − θ_{t−1}‖). With L = 2, α = ½, λ: 1 → 3, ε₂ = ½, distance 3/2:
    /// ½·2 + ½·2/2 = 3/2 (and ¼·2/2 = ¼ from L = 0 with α = ¾). A running +∞ stays +∞ when α &gt; 0 and is forgotten when α = 0 (the slope alone: 1).
    /// </summary>
    [Fact]
    public void RunningLipschitz_IsLine5()
    {
        Assert.Equal(1.5, Amos.RunningLipschitz(2, 0.5, 3, 1, 0.5, 1.5));
        Assert.Equal(1.5, Amos.RunningLipschitz(2, 0.5, 1, 3, 0.5, 1.5));
        Assert.Equal(0.25, Amos.RunningLipschitz(0, 0.75, 3, 1, 0.5, 1.5));
        Assert.Equal(double.PositiveInfinity, Amos.RunningLipschitz(double.PositiveInfinity, 0.5, 3, 1, 0.5, 1.5));
        Assert.Equal(1, Amos.RunningLipschitz(double.PositiveInfinity, 0, 3, 1, 0.5, 1.5));
    }

    [Fact]
    public void RunningLipschitz_RejectsEachOutOfRangeInput_NamingIt()
    {
        ArgumentAssert.Rejects(() => Amos.RunningLipschitz(-1, 0.5, 1, 1, 1, 1), "previous", "previous must be ≥ 0 (or +∞), got -1.");
        ArgumentAssert.Rejects(() => Amos.RunningLipschitz(double.NaN, 0.5, 1, 1, 1, 1), "previous", "previous must be ≥ 0 (or +∞), got NaN.");
        ArgumentAssert.Rejects(() => Amos.RunningLipschitz(1, -0.5, 1, 1, 1, 1), "alpha", "alpha must be ≥ 0");
        ArgumentAssert.Rejects(() => Amos.RunningLipschitz(1, 1, 1, 1, 1, 1), "alpha", "alpha must lie in [0, 1), got 1.");
        ArgumentAssert.Rejects(() => Amos.RunningLipschitz(1, 0.5, double.NaN, 1, 1, 1), "lambdaNow", "lambdaNow must be finite");
        ArgumentAssert.Rejects(() => Amos.RunningLipschitz(1, 0.5, 1, double.PositiveInfinity, 1, 1), "lambdaBefore", "lambdaBefore must be finite");
        ArgumentAssert.Rejects(() => Amos.RunningLipschitz(1, 0.5, 1, 1, 0, 1), "epsilon2", "epsilon2 must be > 0");
        ArgumentAssert.Rejects(() => Amos.RunningLipschitz(1, 0.5, 1, 1, 1, -1), "distance", "distance must be ≥ 0");
    }

    /// <summary>
    /// Lines 6–12 with L = (½, 1, 2, 1): per coordinate, OPT¹ exactly where L &gt; L_thresh = 1 (equal goes to OPT²);
    /// per tensor {0, 2}, {1, 3}: the mean of {½, 2} is 5/4 &gt; 1 and of {1, 1} is 1, the max 2 and 1; with L_thresh = 3/2
    /// the mean no longer exceeds it but the max does.
    /// </summary>
    [Fact]
    public void Assign_ByCoordinate_ByTensorMean_ByTensorMax()
    {
        var l = Of(0.5, 1, 2, 1);
        int[][] tensors = [[0, 2], [1, 3]];
        Assert.Equal(new[] { false, false, true, false }, Amos.Assign(l, 1, AmosAssignment.PerCoordinate, tensors));
        Assert.Equal(new[] { true, false, true, false }, Amos.Assign(l, 1, AmosAssignment.PerTensorMean, tensors));
        Assert.Equal(new[] { true, false, true, false }, Amos.Assign(l, 1, AmosAssignment.PerTensorMax, tensors));
        Assert.Equal(new[] { false, false, false, false }, Amos.Assign(l, 1.5, AmosAssignment.PerTensorMean, tensors));
        Assert.Equal(new[] { true, false, true, false }, Amos.Assign(l, 1.5, AmosAssignment.PerTensorMax, tensors));
        Assert.Equal(new[] { false, false, false, false }, Amos.Assign(l, 2, AmosAssignment.PerTensorMax, tensors));
        // Without tensors every coordinate is its own tensor.
        Assert.Equal(new[] { false, false, true, false }, Amos.Assign(l, 1, AmosAssignment.PerTensorMean, null));
        ArgumentAssert.Rejects(() => Amos.Assign(Of(1, -1), 1, AmosAssignment.PerCoordinate, null), "lipschitz", "lipschitz[1] must be ≥ 0");
        ArgumentAssert.Rejects(() => Amos.Assign(Of(1, 1), -1, AmosAssignment.PerCoordinate, null), "threshold", "threshold must be ≥ 0");
        Assert.Equal("lipschitz", Assert.Throws<ArgumentNullException>(() => Amos.Assign(null!, 1, AmosAssignment.PerCoordinate, null)).ParamName);
    }

    /// <summary>
    /// A Hessian every step (k = 1), L_thresh = ½, α_L = ½, ε₂ = 1/100, from θ₀ = (1, 1): step 0 records λ⁰ = (7, 1) with
    /// L = 0, so both coordinates are OPT²'s (Δθ = −0.01·∇f = (−0.04, −0.01)). Step 1: λ¹ = (1 + 6·0.96, 1), slopes
    /// (0.24, 0)/(ε₂ + ‖Δθ‖) with ‖Δθ‖ = √0.0017, L = ½·slopes, so coordinate 1 (L ≈ 2.34 &gt; ½) moves by −0.1·∂₁f and
    /// coordinate 2 (L = 0) by −0.01·∂₂f.
    /// </summary>
    [Fact]
    public void Run_EveryStep_FollowsLines4To15()
    {
        var run = (Amos.AmosRun)Build(new AmosSettings(0.5, AlphaL: 0.5, Epsilon2: 0.01)).Start(Bend, Of(1, 1));
        Assert.Null(run.Curvatures);
        Assert.Null(run.LastSlopes);
        Assert.Null(run.Eigenvectors);
        Assert.Equal(Of(0, 0), run.Lipschitz);
        var first = run.Step();
        Assert.Equal(1, run.Iteration);
        Assert.Equal(Of(7, 1), run.Curvatures);
        Assert.Null(run.LastSlopes);
        Assert.Equal(new[] { false, false }, run.UsesFirstOrder);
        AssertClose(-0.04, first[0]);
        AssertClose(-0.01, first[1]);
        var theta1 = Of(1, 1) + first;
        Assert.Equal(theta1, run.Theta);

        var second = run.Step();
        double slope = (Curvature(1) - Curvature(theta1[0])) / (0.01 + first.L2Norm());
        AssertClose(0.24 / (0.01 + Math.Sqrt(0.0017)), slope);
        AssertClose(Curvature(0.96), run.Curvatures![0]);
        AssertClose(slope, run.LastSlopes![0]);
        Assert.Equal(0, run.LastSlopes[1]);
        AssertClose(slope / 2, run.Lipschitz[0]);
        Assert.Equal(0, run.Lipschitz[1]);
        Assert.Equal(new[] { true, false }, run.UsesFirstOrder);
        var g = Gradient(theta1);
        AssertClose(-0.1 * g[0], second[0]);
        AssertClose(-0.01 * g[1], second[1]);
        Assert.Equal(2, run.Iteration);
    }

    /// <summary>
    /// A Hessian every second step (k = 2, I_hess = {0, 2, …}): step 1 reads no curvature, so the assignment of step 0
    /// (both OPT²) holds and L stays 0; step 2 compares λ² with λ⁰ over ‖θ₂ − θ₀‖ (the previous Hessian computation).
    /// </summary>
    [Fact]
    public void Run_EverySecondStep_ComparesWithThePreviousHessianComputation()
    {
        var run = (Amos.AmosRun)Build(new AmosSettings(0.5, AlphaL: 0.5, Epsilon2: 0.01, HessianEvery: 2)).Start(Bend, Of(1, 1));
        var theta0 = Of(1, 1);
        var first = run.Step();
        var theta1 = theta0 + first;
        var second = run.Step();
        Assert.Null(run.LastSlopes);
        Assert.Equal(Of(7, 1), run.Curvatures);
        Assert.Equal(Of(0, 0), run.Lipschitz);
        Assert.Equal(new[] { false, false }, run.UsesFirstOrder);
        var g1 = Gradient(theta1);
        AssertClose(-0.01 * g1[0], second[0]);
        AssertClose(-0.01 * g1[1], second[1]);
        var theta2 = theta1 + second;
        var third = run.Step();
        double distance = (theta2 - theta0).L2Norm();
        double slope = (Curvature(1) - Curvature(theta2[0])) / (0.01 + distance);
        AssertClose(Curvature(theta2[0]), run.Curvatures![0]);
        AssertClose(slope, run.LastSlopes![0]);
        AssertClose(slope / 2, run.Lipschitz[0]);
        Assert.Equal(new[] { true, false }, run.UsesFirstOrder);
        var g2 = Gradient(theta2);
        AssertClose(-0.1 * g2[0], third[0]);
        AssertClose(-0.01 * g2[1], third[1]);
    }
}
