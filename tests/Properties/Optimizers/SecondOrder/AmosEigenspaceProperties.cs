using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Verification.Numerics.Random;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// AMOS's eigenspace assignment (elmo-amos §4, footnote 2: "we partition model parameters into Hessian eigenspaces, and
/// assign each eigenspace to its respective optimizer") against the diagonal one, on f = Σ_k φ_k(u_kᵀθ) whose Hessian is
/// diagonal in a rotated basis U (<see cref="RotatedSeparableQuartic"/>): n − 1 quadratic eigenspaces (constant
/// eigenvalue a_k) and one quartic eigenspace whose eigenvalue a_q + c_q z_q²/2 moves. The expected runs are derived
/// from Alg. 2's lines applied to each scalar coordinate z_k = u_kᵀθ with the closed forms φ_k', φ_k'' (no
/// eigendecomposition), so they do not share code with <see cref="Amos"/>.
/// </summary>
[Properties(MaxTest = 60, Replay = "(20261123,1)")]
public class AmosEigenspaceProperties
{
    private const int Steps = 6;
    private const double Threshold = 1e-6, Alpha = 0.7, Epsilon2 = 1e-12;
    private const double SgdRate = 0.05, SophiaRate = 0.05, Rho = 1, Beta1 = 0.9, Beta2 = 0.5, SophiaEpsilon = 1e-12;

    /// <summary>
    /// θ_t of the eigenspace run against U·z_t of the per-eigenspace recurrence, relative to max(1, max|θ|): each Hessian
    /// computation leaves eigenvalues within 1e-12‖H‖ (<see cref="Tolerances.EigenRelative"/>, ‖H‖ ≤ 10 here) and
    /// eigenvectors within that over the gap (≥ 0.25): ≈ 4e-11 per step in Vᵀ∇f and in the step. With ρ = 1, β₂ = ½ and
    /// η = 0.05 the step map's Lipschitz constant is ≤ 1 + η·max(‖H‖, 1/(ρ(1 − β₂)λ_min)) ≤ 1.5, so after 6 steps the
    /// difference is ≤ 6·1.5⁶·4e-11 ≈ 3e-9; 1e-8 leaves a factor 3.
    /// </summary>
    private const double RunRelative = 1e-8;

    /// <summary>
    /// L_t^k against the recurrence, absolute: a slope |Δλ|/(ε₂ + d) carries the eigenvalue error 2·1e-12‖H‖ over a
    /// distance d ≥ 1e-3 here (steps of size ~η·|∇f|), and the difference of the runs' d (≤ 2·RunRelative·max|θ| ≤ 4e-8)
    /// relative to d times the slope (≤ ~10/1e-3·4e-8… in practice &lt; 1e-6 relative): |ΔL| ≤ 2e-8 + 1e-5·L.
    /// </summary>
    private const double LipschitzAbsolute = 2e-8, LipschitzRelative = 1e-5;

    /// <summary>A problem: rotation seed, n ∈ 2..4, quadratic curvatures in [0.25, 1] with gaps ≥ 0.25, one quartic eigenspace.</summary>
    public sealed record Problem(int Seed, double[] Quadratic, double QuarticBase, double QuarticCoefficient, double[] Start)
    {
        /// <summary>The objective, eigenspaces in ascending-eigenvalue order (the quartic one last, its eigenvalue ≥ 2 &gt; 1).</summary>
        public RotatedSeparableQuartic Objective => new(
            RandomOrthogonal.Draw(Quadratic.Length + 1, Seed),
            [.. Quadratic, QuarticBase],
            [.. Quadratic.Select(_ => 0.0), QuarticCoefficient]);

        /// <summary>θ₀ = U·z₀.</summary>
        public Vector<double> Theta0 => Objective.Rotation * Vector<double>.Build.DenseOfArray(Start);

        public override string ToString() =>
            $"seed {Seed}, a = [{string.Join(", ", Quadratic.Select(x => x.ToString("R")))}], quartic a = {QuarticBase:R}, c = {QuarticCoefficient:R}, z₀ = [{string.Join(", ", Start.Select(x => x.ToString("R")))}]";
    }

    public static Arbitrary<Problem> Problems() => Arb.From(
        from n in Gen.Choose(2, 4)
        from seed in Gen.Choose(0, 1_000_000)
        from curvatures in Gen.Shuffle(new[] { 0.25, 0.5, 0.75, 1.0 })
        from qa in Gen.Choose(0, 100)
        from qc in Gen.Choose(0, 100)
        from start in Gen.Choose(-150, 150).ArrayOf(n)
        from quarticStart in Gen.Choose(30, 150)
        from sign in Gen.Elements(-1, 1)
        select new Problem(
            seed,
            [.. curvatures.Take(n - 1).Order()],
            2 + qa / 50.0,
            0.5 + qc / 40.0,
            [.. start.Take(n - 1).Select(x => x / 100.0), sign * quarticStart / 100.0]));

    private static Amos Build(AmosCurvatureBasis basis) => new(
        new Sgd(SgdRate),
        new SophiaDiagonal(SophiaRate, Rho, Beta1, Beta2, SophiaEpsilon),
        new AmosSettings(Threshold, Alpha, Epsilon2, 1, AmosAssignment.PerCoordinate, null, basis));

    /// <summary>One step of the per-eigenspace recurrence.</summary>
    private sealed record Expected(double[] Z, double[] Lipschitz, bool[] FirstOrder);

    /// <summary>
    /// Alg. 2 on each eigenspace's scalar z_k: λ_k = φ_k''(z_k) (line 4), L_k ← αL_k + (1 − α)|Δλ_k|/(ε₂ + ‖Δz‖) (line 5,
    /// ‖Δz‖ = ‖Δθ‖ as U is orthogonal), OPT¹ iff L_k &gt; L_thresh (lines 7–10), then SGD's −ηφ_k' or Sophia's
    /// −η·clip(m/max(ρh, ε), 1) with m ← β₁m + (1 − β₁)φ_k', h ← β₂h + (1 − β₂)φ_k'' (lines 14–15). Entry t is the state
    /// after step t (its z, and the L and assignment step t used).
    /// </summary>
    private static List<Expected> Recurrence(RotatedSeparableQuartic f, double[] z0, int steps)
    {
        int n = z0.Length;
        var z = (double[])z0.Clone();
        var l = new double[n];
        var m = new double[n];
        var h = new double[n];
        double[]? lambdaBefore = null, zBefore = null;
        var result = new List<Expected>();
        for (int t = 0; t < steps; t++)
        {
            var lambda = Enumerable.Range(0, n).Select(k => f.Second(k, z[k])).ToArray();
            if (lambdaBefore is not null && zBefore is not null)
            {
                double d = Math.Sqrt(Enumerable.Range(0, n).Sum(k => (z[k] - zBefore[k]) * (z[k] - zBefore[k])));
                for (int k = 0; k < n; k++)
                    l[k] = Alpha * l[k] + (1 - Alpha) * (Math.Abs(lambda[k] - lambdaBefore[k]) / (Epsilon2 + d));
            }
            lambdaBefore = lambda;
            zBefore = (double[])z.Clone();
            var first = l.Select(x => x > Threshold).ToArray();
            var next = (double[])z.Clone();
            for (int k = 0; k < n; k++)
            {
                double g = f.First(k, z[k]);
                if (first[k])
                {
                    next[k] = z[k] - SgdRate * g;
                    continue;
                }
                m[k] = Beta1 * m[k] + (1 - Beta1) * g;
                h[k] = Beta2 * h[k] + (1 - Beta2) * lambda[k];
                next[k] = z[k] - SophiaRate * Math.Clamp(m[k] / Math.Max(Rho * h[k], SophiaEpsilon), -1, 1);
            }
            z = next;
            result.Add(new Expected(z, (double[])l.Clone(), first));
        }
        return result;
    }

    /// <summary>
    /// Footnote 2's eigenspace assignment: AMOS with <see cref="AmosCurvatureBasis.HessianEigenspaces"/> gives each
    /// eigenspace its own Lipschitz estimate and optimizer, i.e. it runs Alg. 2 on each z_k = u_kᵀθ separately: the
    /// same L, the same assignment and θ_t = U·z_t. (Assignments within the L tolerance of L_thresh are not compared.)
    /// </summary>
    [Property(Arbitrary = [typeof(AmosEigenspaceProperties)])]
    public Property EigenspaceBasis_RunsAlgorithm2OnEachEigenspace(Problem p)
    {
        var f = p.Objective;
        var run = (Amos.AmosRun)Build(AmosCurvatureBasis.HessianEigenspaces).Start(f, p.Theta0);
        var expected = Recurrence(f, p.Start, Steps);
        int compared = 0;
        for (int t = 0; t < Steps; t++)
        {
            run.Step();
            var e = expected[t];
            var l = run.Lipschitz;
            for (int k = 0; k < p.Start.Length; k++)
            {
                double allowed = LipschitzAbsolute + LipschitzRelative * e.Lipschitz[k];
                if (!(Math.Abs(l[k] - e.Lipschitz[k]) <= allowed))
                    return false.Label($"t = {t}, eigenspace {k}: L = {l[k]:R}, recurrence {e.Lipschitz[k]:R} (allowed ±{allowed:R})");
                if (Math.Abs(e.Lipschitz[k] - Threshold) <= allowed)
                    continue;
                compared++;
                if (run.UsesFirstOrder[k] != e.FirstOrder[k])
                    return false.Label($"t = {t}, eigenspace {k}: OPT¹ = {run.UsesFirstOrder[k]}, recurrence {e.FirstOrder[k]} (L = {e.Lipschitz[k]:R})");
            }
            var theta = run.Theta;
            var want = f.Rotation * Vector<double>.Build.DenseOfArray(e.Z);
            double scale = Math.Max(1, want.AbsoluteMaximum());
            double gap = (theta - want).AbsoluteMaximum();
            if (!(gap <= RunRelative * scale))
                return false.Label($"t = {t}: θ = {theta}, U·z = {want}, max gap {gap:R} > {RunRelative * scale:R}");
        }
        return true.ToProperty()
            .Classify(expected.Any(e => e.FirstOrder[^1]), "the quartic eigenspace reached OPT¹")
            .Classify(compared < Steps * p.Start.Length, "an assignment within tolerance of L_thresh");
    }

    /// <summary>
    /// What footnote 2's partition is for: an eigenspace whose eigenvalue never changes (Lipschitz rate 0) keeps the
    /// second-order OPT² at every step, whatever the other eigenspaces do; the quartic eigenspace goes to OPT¹ exactly
    /// when its estimate exceeds L_thresh.
    /// </summary>
    [Property(Arbitrary = [typeof(AmosEigenspaceProperties)])]
    public Property EigenspaceBasis_ConstantEigenspacesKeepSecondOrder(Problem p)
    {
        var run = (Amos.AmosRun)Build(AmosCurvatureBasis.HessianEigenspaces).Start(p.Objective, p.Theta0);
        for (int t = 0; t < Steps; t++)
        {
            run.Step();
            for (int k = 0; k < p.Quadratic.Length; k++)
                if (run.UsesFirstOrder[k])
                    return false.Label($"t = {t}: constant eigenspace {k} (a = {p.Quadratic[k]:R}) went to OPT¹ with L = {run.Lipschitz[k]:R}");
            int q = p.Quadratic.Length;
            if (run.UsesFirstOrder[q] != run.Lipschitz[q] > Threshold)
                return false.Label($"t = {t}: quartic eigenspace OPT¹ = {run.UsesFirstOrder[q]} with L = {run.Lipschitz[q]:R}");
        }
        return true.ToProperty().Classify(run.UsesFirstOrder[^1], "quartic eigenspace on OPT¹ at the end");
    }

    /// <summary>
    /// The diagonal assignment on the same f does not see eigenspaces: H_jj = Σ_k U_jk²λ_k, so only the quartic eigenvalue
    /// moves it and coordinate j inherits L_t^j = U_jq²·Λ_t, Λ_t the running average of |Δλ_q|/(ε₂ + ‖Δθ‖) along the
    /// diagonal run's own path (λ_q from the closed form at u_qᵀθ_t). A coordinate goes to OPT¹ iff U_jq²Λ_t &gt; L_thresh,
    /// so the constant eigen-directions get no optimizer of their own.
    /// </summary>
    [Property(Arbitrary = [typeof(AmosEigenspaceProperties)])]
    public Property DiagonalBasis_SpreadsTheMovingEigenvalueOverCoordinates(Problem p)
    {
        var f = p.Objective;
        int n = p.Start.Length, q = n - 1;
        var run = (Amos.AmosRun)Build(AmosCurvatureBasis.HessianDiagonal).Start(f, p.Theta0);
        var theta = p.Theta0;
        double lambdaQ = f.Second(q, f.Coordinates(theta)[q]), rate = 0;
        bool spread = false;
        for (int t = 0; t < Steps; t++)
        {
            run.Step();
            var next = run.Theta;
            var l = run.Lipschitz;
            for (int j = 0; j < n; j++)
            {
                double weight = f.Rotation[j, q] * f.Rotation[j, q];
                double want = weight * rate;
                // H_jj sums n terms of size ≤ ‖H‖ ≤ 10: its rounding (≤ 2nε‖H‖ ≈ 2e-14) over d ≥ 1e-3 bounds the extra slope.
                double allowed = 1e-10 + 1e-9 * want;
                if (!(Math.Abs(l[j] - want) <= allowed))
                    return false.Label($"t = {t}, coordinate {j}: L = {l[j]:R}, U_jq²·Λ = {weight:R}·{rate:R} = {want:R}");
                if (Math.Abs(want - Threshold) > allowed && run.UsesFirstOrder[j] != want > Threshold)
                    return false.Label($"t = {t}, coordinate {j}: OPT¹ = {run.UsesFirstOrder[j]}, U_jq²·Λ = {want:R}");
                spread |= run.UsesFirstOrder[j] && weight < 1;
            }
            // Λ for the next Hessian computation, from the closed form at θ_{t+1}.
            double lambdaNext = f.Second(q, f.Coordinates(next)[q]);
            rate = Alpha * rate + (1 - Alpha) * (Math.Abs(lambdaNext - lambdaQ) / (Epsilon2 + (next - theta).L2Norm()));
            lambdaQ = lambdaNext;
            theta = next;
        }
        return true.ToProperty().Classify(spread, "a coordinate mixing constant eigen-directions went to OPT¹");
    }
}
