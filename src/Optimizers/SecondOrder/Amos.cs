using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// What AMOS's index i ranges over, i.e. where the curvatures λ_i^t of Alg. 2 line 4 come from (elmo-amos §4, footnote 2).
/// Footnote 2: a diagonal-Hessian second-order optimizer (Sophia) "associates each model parameter with its respective
/// eigenvalue", so each parameter gets a Lipschitz estimate; "for the remaining second-order optimizers, we partition model
/// parameters into Hessian eigenspaces, and assign each eigenspace to its respective optimizer".
/// </summary>
public enum AmosCurvatureBasis
{
    /// <summary>
    /// i is a model parameter and λ_i^t = H_ii(θ_t), the diagonal-Hessian curvature footnote 2 associates with it. The
    /// default: it is the reading for Sophia, the OPT² of §4's experiment and App. K, and costs one Hessian diagonal.
    /// </summary>
    HessianDiagonal,

    /// <summary>
    /// i is an eigenspace of H(θ_t) and λ_i^t its eigenvalue (ascending, so line 5 pairs the i-th smallest eigenvalue at
    /// t with the i-th smallest at the previous Hessian computation); OPTIM_i steps the coordinate z_i = v_iᵀθ
    /// (footnote 2's partition into eigenspaces, for second-order OPT² that are not diagonal). Costs a full
    /// eigendecomposition per Hessian computation.
    /// </summary>
    HessianEigenspaces,
}

/// <summary>How AMOS assigns coordinates to OPT¹ / OPT² (elmo-amos Alg. 2 lines 6–12 and App. K).</summary>
public enum AmosAssignment
{
    /// <summary>Per scalar: coordinate i goes to OPT¹ iff L_t^i &gt; L_thresh (Alg. 2 as written, footnote 2).</summary>
    PerCoordinate,

    /// <summary>Per tensor: a whole index group goes to OPT¹ iff the mean of its L_t^i exceeds L_thresh (App. K, first run).</summary>
    PerTensorMean,

    /// <summary>Per tensor with the maximum instead of the mean (App. K, the α_L = 0.7 run).</summary>
    PerTensorMax,
}

/// <summary>
/// AMOS's hyperparameters (Alg. 2's Require line): L_thresh, α_L, ε₂, I_hess = {0, k, 2k, …}, the assignment
/// granularity and the curvature basis; <see cref="Tensors"/> partitions the coordinates into "tensors" (null: one
/// coordinate each). ε₁ (the stopping rule of line 2) is left to the caller, which runs a fixed number of steps.
/// <see cref="Basis"/> defaults to <see cref="AmosCurvatureBasis.HessianDiagonal"/>, the reading footnote 2 gives for a
/// diagonal-Hessian OPT² such as the Sophia of §4 and App. K; <see cref="AmosCurvatureBasis.HessianEigenspaces"/>
/// assigns whole eigenspaces and allows only <see cref="AmosAssignment.PerCoordinate"/> (App. K's tensors are groups
/// of parameters, not of eigenspaces).
/// </summary>
public sealed record AmosSettings(
    double LThreshold,
    double AlphaL = 0.99,
    double Epsilon2 = 1e-12,
    int HessianEvery = 1,
    AmosAssignment Assignment = AmosAssignment.PerCoordinate,
    IReadOnlyList<int[]>? Tensors = null,
    AmosCurvatureBasis Basis = AmosCurvatureBasis.HessianDiagonal)
{
    /// <summary>
    /// Checks ranges (L_thresh ≥ 0, α_L ∈ [0, 1), ε₂ &gt; 0, k ≥ 1), that the tensors partition 0..n−1, and that the
    /// eigenspace basis comes with per-coordinate (per-eigenspace) assignment.
    /// </summary>
    public AmosSettings Validated(int? dimension = null)
    {
        if (!Enum.IsDefined(Assignment))
            throw new ArgumentException($"Assignment must be one of {string.Join(", ", Enum.GetNames<AmosAssignment>())}, got {(int)Assignment}.", nameof(Assignment));
        if (!Enum.IsDefined(Basis))
            throw new ArgumentException($"Basis must be one of {string.Join(", ", Enum.GetNames<AmosCurvatureBasis>())}, got {(int)Basis}.", nameof(Basis));
        if (Basis == AmosCurvatureBasis.HessianEigenspaces && Assignment != AmosAssignment.PerCoordinate)
            throw new ArgumentException(
                $"Assignment must be PerCoordinate with Basis = HessianEigenspaces (each eigenspace is assigned on its own, footnote 2), got {Assignment}.",
                nameof(Assignment));
        Require.NonNegative(LThreshold, nameof(LThreshold));
        Require.NonNegative(AlphaL, nameof(AlphaL));
        if (!(AlphaL < 1))
            throw new ArgumentException($"AlphaL must lie in [0, 1), got {Require.Show(AlphaL)}.", nameof(AlphaL));
        Require.Positive(Epsilon2, nameof(Epsilon2));
        if (HessianEvery < 1)
            throw new ArgumentException($"HessianEvery must be ≥ 1, got {HessianEvery}.", nameof(HessianEvery));
        if (Tensors is not null && dimension is int n)
        {
            var seen = new bool[n];
            foreach (var tensor in Tensors)
            {
                if (tensor is null || tensor.Length == 0)
                    throw new ArgumentException("Tensors must not contain an empty or null group.", nameof(Tensors));
                foreach (int i in tensor)
                {
                    if (i < 0 || i >= n)
                        throw new ArgumentException($"Tensors contains index {i}, outside 0..{n - 1}.", nameof(Tensors));
                    if (seen[i])
                        throw new ArgumentException($"Tensors contains index {i} twice.", nameof(Tensors));
                    seen[i] = true;
                }
            }
            int missing = Array.IndexOf(seen, false);
            if (missing >= 0)
                throw new ArgumentException($"Tensors must cover every coordinate; {missing} is missing.", nameof(Tensors));
        }
        return this;
    }
}

/// <summary>
/// AMOS, elmo-amos Alg. 2: at every t ∈ I_hess the curvatures λ_i^t are read, the per-coordinate Lipschitz estimates
/// move as L_t^i = α_L·L_{t−1}^i + (1 − α_L)·|λ_i^t − λ_i^{t−1}|/(ε₂ + ‖θ_t − θ_{t−1}‖₂) (line 5), and coordinate i
/// (or its tensor) is given to OPT¹ when L_t^i &gt; L_thresh and to OPT² otherwise (lines 6–12); each optimizer then
/// steps its own coordinates (lines 14–15). OPT¹ and OPT² are ordinary <see cref="CoordinatewiseOptimizer"/>s (App. K's
/// pair is <see cref="Sgd"/> and <see cref="SophiaDiagonal"/>, each also runnable on its own), fed the exact ∇f(θ_t).
/// Readings: with <see cref="AmosCurvatureBasis.HessianDiagonal"/> (the default) λ_i^t is H_ii(θ_t), the
/// diagonal-Hessian curvature of coordinate i that footnote 2 associates with a parameter for Sophia-like OPT²; with
/// <see cref="AmosCurvatureBasis.HessianEigenspaces"/> i is the i-th eigenspace of H(θ_t) (ascending eigenvalues), and
/// OPT¹/OPT² step the eigenbasis coordinates z = Vᵀθ of f̃(z) = f(θ_t + V(z − Vᵀθ_t)) — their gradient is Vᵀ∇f and
/// their Hessian diagonal v_iᵀH(θ)v_i, the curvature eq. (3) gives eigenspace i — and Δθ = V·Δz. V is kept until the
/// next Hessian computation; the optimizers' per-coordinate state follows the eigenspace index, and each new v_i is
/// oriented to continue the previous one (v_i^tᵀv_i^{t−1} ≥ 0; the first V by eq. (1)) so that a momentum keeps its sign.
/// "t − 1" is the previous Hessian computation (the same as t − 1 when k = 1); L starts at 0 (App. K's
/// "initialization to 0"), so the first Hessian computation only records λ and θ.
/// </summary>
public sealed class Amos : IOptimizer
{
    /// <summary>Creates AMOS with first-order OPT¹, second-order OPT² and <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">settings out of range, or an OPT that is not a slot (<see cref="RequireSlot"/>).</exception>
    public Amos(CoordinatewiseOptimizer firstOrder, CoordinatewiseOptimizer secondOrder, AmosSettings settings)
    {
        FirstOrder = RequireSlot(firstOrder, nameof(firstOrder));
        SecondOrder = RequireSlot(secondOrder, nameof(secondOrder));
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validated();
    }

    /// <summary>OPT¹.</summary>
    public CoordinatewiseOptimizer FirstOrder { get; }

    /// <summary>OPT².</summary>
    public CoordinatewiseOptimizer SecondOrder { get; }

    /// <summary>
    /// Checks that <paramref name="optimizer"/> can fill an AMOS slot: not null, and batch size 1, since AMOS feeds its
    /// OPTs the exact gradient ∇f(θ_t) (a minibatch size would be silently ignored).
    /// </summary>
    public static CoordinatewiseOptimizer RequireSlot(CoordinatewiseOptimizer? optimizer, string name)
    {
        ArgumentNullException.ThrowIfNull(optimizer, name);
        if (optimizer.BatchSize != 1)
            throw new ArgumentException(
                $"{name} must have batch size 1 (AMOS steps its OPTs on the exact gradient), got {optimizer.BatchSize} for '{optimizer.Name}'.", name);
        return optimizer;
    }

    /// <summary>The hyperparameters.</summary>
    public AmosSettings Settings { get; }

    /// <inheritdoc />
    public string Name => $"amos({FirstOrder.Name}|{SecondOrder.Name}, L_thresh={Require.Show(Settings.LThreshold)}, α_L={Require.Show(Settings.AlphaL)}, {Settings.Assignment}"
        + (Settings.Basis == AmosCurvatureBasis.HessianEigenspaces ? ", eigenspaces)" : ")");

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) => new AmosRun(this, objective, theta0);

    /// <summary>Line 5 for one coordinate: L ← α·L + (1 − α)·|λ_t − λ_{t−1}|/(ε₂ + ‖θ_t − θ_{t−1}‖).</summary>
    /// <remarks>
    /// Range: previous ∈ [0, +∞] (a running estimate that has overflowed stays +∞), α ∈ [0, 1), finite λ's, ε₂ &gt; 0 and
    /// distance ≥ 0 finite. Where every input is 0 or within [2^-100, 2^100] the plain formula (bit for bit as before);
    /// elsewhere |λ_t − λ_{t−1}| and ε₂ + distance are halved exactly where they overflow and the two terms are one
    /// <see cref="ScaledSum"/>, so the result is +∞ only where the exact value is beyond double.MaxValue (λ = ±1e308 with
    /// ε₂ + distance = 1e10 gave +∞, exact 2e298·(1 − α)), and a subnormal quotient keeps its digits. Accuracy (u = 2^-53):
    /// both terms are non-negative, each with at most five roundings, so within 6 ulp of the exact value, plus 2^-1074 where
    /// it is subnormal.
    /// </remarks>
    /// <exception cref="ArgumentException">An input outside the range above (named).</exception>
    public static double RunningLipschitz(double previous, double alpha, double lambdaNow, double lambdaBefore, double epsilon2, double distance)
    {
        if (!(previous >= 0))
            throw new ArgumentException($"previous must be ≥ 0 (or +∞), got {Require.Show(previous)}.", nameof(previous));
        Require.NonNegative(alpha, nameof(alpha));
        if (!(alpha < 1))
            throw new ArgumentException($"alpha must lie in [0, 1), got {Require.Show(alpha)}.", nameof(alpha));
        Require.Finite(lambdaNow, nameof(lambdaNow));
        Require.Finite(lambdaBefore, nameof(lambdaBefore));
        Require.Positive(epsilon2, nameof(epsilon2));
        Require.NonNegative(distance, nameof(distance));
        if (double.IsPositiveInfinity(previous))
            return alpha > 0 ? previous : Slope(lambdaNow, lambdaBefore, epsilon2, distance);
        if (ScaledSum.Ordinary(previous, alpha, lambdaNow, lambdaBefore, epsilon2, distance))
            return alpha * previous + (1 - alpha) * (Math.Abs(lambdaNow - lambdaBefore) / (epsilon2 + distance));
        var sum = new ScaledSum();
        sum.Add(alpha, previous);
        var (change, changeHalved) = HalvedWhereInfinite(Math.Abs(lambdaNow - lambdaBefore), Math.Abs(lambdaNow / 2 - lambdaBefore / 2));
        var (gap, gapHalved) = HalvedWhereInfinite(epsilon2 + distance, epsilon2 / 2 + distance / 2);
        sum.AddQuotient(gap, 1 - alpha, change, changeHalved == gapHalved ? 1 : changeHalved ? 2 : 0.5);
        return sum.Value;
    }

    /// <summary>The plain slope |λ_t − λ_{t−1}|/(ε₂ + distance) (α = 0 of <see cref="RunningLipschitz"/>) over the same range.</summary>
    private static double Slope(double lambdaNow, double lambdaBefore, double epsilon2, double distance) =>
        RunningLipschitz(0, 0, lambdaNow, lambdaBefore, epsilon2, distance);

    /// <summary>The value, or its exactly halved form (flagged) where the value overflowed; halving a sum of doubles beyond 2^1023 is exact.</summary>
    private static (double Value, bool Halved) HalvedWhereInfinite(double value, double halved) =>
        double.IsInfinity(value) ? (halved, true) : (value, false);

    /// <summary>
    /// Lines 6–12 with App. K's granularity: for each coordinate, whether it goes to OPT¹ (true) or OPT² (false).
    /// Each L^i is in [0, +∞]: a running estimate that overflowed (<see cref="RunningLipschitz"/>) is +∞ and above every
    /// threshold (until stop 42 it was rejected as not finite, so a step whose slope overflowed threw naming lipschitz).
    /// </summary>
    public static bool[] Assign(Vector<double> lipschitz, double threshold, AmosAssignment assignment, IReadOnlyList<int[]>? tensors)
    {
        ArgumentNullException.ThrowIfNull(lipschitz);
        for (int i = 0; i < lipschitz.Count; i++)
            if (!(lipschitz[i] >= 0))
                throw new ArgumentException($"lipschitz[{i}] must be ≥ 0 (or +∞), got {Require.Show(lipschitz[i])}.", nameof(lipschitz));
        Require.NonNegative(threshold, nameof(threshold));
        int n = lipschitz.Count;
        var first = new bool[n];
        if (assignment == AmosAssignment.PerCoordinate || tensors is null)
        {
            for (int i = 0; i < n; i++)
                first[i] = lipschitz[i] > threshold;
            return first;
        }
        foreach (var tensor in tensors)
        {
            double aggregate = assignment == AmosAssignment.PerTensorMax
                ? tensor.Max(i => lipschitz[i])
                : tensor.Sum(i => lipschitz[i]) / tensor.Length;
            foreach (int i in tensor)
                first[i] = aggregate > threshold;
        }
        return first;
    }

    /// <summary>A run of AMOS, exposing the state lines 4–12 keep.</summary>
    public sealed class AmosRun : IOptimizerRun
    {
        private readonly Amos amos;
        private readonly IObjective objective;
        private readonly ICoordinatewiseRule first;
        private readonly ICoordinatewiseRule second;
        private Vector<double> theta;
        private Vector<double> lipschitz;
        private Vector<double>? lambdaBefore;
        private Vector<double>? thetaBefore;
        private bool[] usesFirstOrder;
        private Matrix<double>? eigenvectors;

        internal AmosRun(Amos amos, IObjective objective, Vector<double> theta0)
        {
            theta = OptimizerArguments.StartingPoint(objective, theta0);
            amos.Settings.Validated(objective.Dimension);
            this.amos = amos;
            this.objective = objective;
            lipschitz = Vector<double>.Build.Dense(theta0.Count);
            usesFirstOrder = new bool[theta0.Count];
            first = amos.FirstOrder.StartCoordinates(theta0.Count);
            second = amos.SecondOrder.StartCoordinates(theta0.Count);
        }

        /// <inheritdoc />
        public Vector<double> Theta => theta.Clone();

        /// <inheritdoc />
        public int Iteration { get; private set; }

        /// <summary>(L_t^i) after the last Hessian computation (i a coordinate, or an eigenspace in ascending order).</summary>
        public Vector<double> Lipschitz => lipschitz.Clone();

        /// <summary>(λ_i) of the last Hessian computation (null before the first step).</summary>
        public Vector<double>? Curvatures => lambdaBefore?.Clone();

        /// <summary>
        /// V of the last Hessian computation (column i is v_i) with <see cref="AmosCurvatureBasis.HessianEigenspaces"/>;
        /// null with the diagonal basis or before the first step.
        /// </summary>
        public Matrix<double>? Eigenvectors => eigenvectors?.Clone();

        /// <summary>OPTIM_i = OPT¹ (true) or OPT² (false), as last assigned (i a coordinate, or an eigenspace).</summary>
        public IReadOnlyList<bool> UsesFirstOrder => usesFirstOrder.ToArray();

        /// <summary>The eigenvalue slopes |Δλ_i|/(ε₂ + ‖Δθ‖) of the last Hessian computation (null when it had no predecessor).</summary>
        public Vector<double>? LastSlopes { get; private set; }

        /// <summary>One step of Alg. 2 (lines 4–15).</summary>
        /// <remarks>
        /// Accuracy, diagonal basis (u = 2^-53): λ_i = H_ii(θ_t) as the objective returns them; the distance
        /// d̂ = ‖θ_t − θ_{t−k}‖₂ is within γ_{4n}·d + n·2^-1075 of the exact distance d of the stored iterates (one rounding
        /// of each difference, then n − 1 hypotenuses of at most 3.25u each), and is carried halved where it overflows
        /// (θ_{t−2} = −1e308, θ_t = 1e308 gave an ArgumentException naming distance, a parameter Step has not); each L_t^i and
        /// slope is line 5 of those doubles within RunningLipschitz's 6 ulp (+ 2^-1074), and the distance's error moves the
        /// quotient by at most γ_{4n+1} of it; each coordinate then goes to the OPT whose side of L_thresh the computed L_t^i
        /// is on, and Δθ_i is that rule's step on (∇f(θ_t)_i, H_ii(θ_t)), bit for bit the rule on its own (its accuracy is
        /// the rule's: Sgd ½ ulp, SophiaDiagonal 3 ulp). Eigenspace basis: λ_i and V are SymmetricEigen's (normwise
        /// accuracy), Vᵀ∇f and VᵀHV as EigenbasisObjective states, and Δθ = V·Δz adds γ_n·|V||Δz|. The run's θ_{t+1} = θ_t + Δθ
        /// is one more rounding, as for every optimizer's run.
        /// </remarks>
        public Vector<double> Step()
        {
            var s = amos.Settings;
            if (Iteration % s.HessianEvery == 0)
            {
                var lambda = s.Basis == AmosCurvatureBasis.HessianEigenspaces ? Eigenspaces() : objective.Hessian(theta).Diagonal();
                if (lambdaBefore is not null && thetaBefore is not null)
                {
                    var (distance, halved) = Distance(theta, thetaBefore);
                    // Beyond the range the distance is carried halved, and line 5's quotient is taken with its numerator
                    // and ε₂ halved too: the same value, the halvings' subnormal losses below 2^-1075/2^1022 of it.
                    double Half(double x) => halved ? x / 2 : x;
                    double epsilon2 = halved ? Math.Max(s.Epsilon2 / 2, double.Epsilon) : s.Epsilon2;
                    var slopes = Vector<double>.Build.Dense(theta.Count);
                    for (int i = 0; i < theta.Count; i++)
                    {
                        slopes[i] = Slope(Half(lambda[i]), Half(lambdaBefore[i]), epsilon2, distance);
                        lipschitz[i] = RunningLipschitz(lipschitz[i], s.AlphaL, Half(lambda[i]), Half(lambdaBefore[i]), epsilon2, distance);
                    }
                    LastSlopes = slopes;
                }
                lambdaBefore = lambda;
                thetaBefore = theta.Clone();
                usesFirstOrder = Assign(lipschitz, s.LThreshold, s.Assignment, s.Tensors);
            }
            var now = theta;
            var gradient = objective.Gradient(now);
            var delta = Vector<double>.Build.Dense(now.Count);
            var ones = Enumerable.Range(0, now.Count).Where(i => usesFirstOrder[i]).ToArray();
            var twos = Enumerable.Range(0, now.Count).Where(i => !usesFirstOrder[i]).ToArray();
            if (eigenvectors is null)
            {
                Vector<double> Diagonal() => objective.Hessian(now).Diagonal();
                first.Step(gradient, Diagonal, ones, delta);
                second.Step(gradient, Diagonal, twos, delta);
            }
            else
            {
                var frame = new EigenbasisObjective(objective, eigenvectors, now);
                var z = frame.Origin;
                var gz = eigenvectors.TransposeThisAndMultiply(gradient);
                Vector<double> Diagonal() => frame.Hessian(z).Diagonal();
                first.Step(gz, Diagonal, ones, delta);
                second.Step(gz, Diagonal, twos, delta);
                delta = eigenvectors * delta;
            }
            theta = theta + delta;
            Iteration++;
            return delta;
        }

        /// <summary>
        /// ‖θ_t − θ_{t−k}‖₂ (MathNet's L2Norm, a chain of scaled hypotenuses), or half of it (flagged) where the difference
        /// or the norm overflows: then from θ_t/2 − θ_{t−k}/2, whose halvings lose at most 2^-1075 an entry.
        /// </summary>
        private static (double Distance, bool Halved) Distance(Vector<double> now, Vector<double> before)
        {
            double distance = (now - before).L2Norm();
            return double.IsFinite(distance) ? (distance, false) : ((now / 2 - before / 2).L2Norm(), true);
        }

        /// <summary>Line 4 in the eigenspace basis: the ascending eigenvalues of H(θ_t); keeps V, each v_i oriented to continue v_i^{t−1}.</summary>
        private Vector<double> Eigenspaces()
        {
            var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
            var v = eigen.Vectors;
            if (eigenvectors is not null)
                for (int i = 0; i < v.ColumnCount; i++)
                    if (v.Column(i).DotProduct(eigenvectors.Column(i)) < 0)
                        v.SetColumn(i, -v.Column(i));
            eigenvectors = v;
            return Vector<double>.Build.DenseOfArray(eigen.Values);
        }
    }
}
