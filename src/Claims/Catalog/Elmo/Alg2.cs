using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Optimizers.Reference;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Alg. 2 (AMOS) run as written (<see cref="Amos"/>, OPT¹ = SGD, OPT² = the diagonal Sophia of App. K):
/// line 5's running average estimates the eigenvalues' Lipschitz slope, and lines 6–12 assign by threshold.
/// </summary>
internal static class Alg2
{
    private const int Steps = 4;
    private const double Alpha = 0.5, Epsilon2 = 1e-12;

    internal static Claim Claim() => new(
        "elmo/alg-2",
        ElmoSources.Of("Algorithm 2 (AMOS)", null, "4"),
        "AMOS's line 5 keeps L_t^i = α_L·L_{t−1}^i + (1 − α_L)·|λ_i^t − λ_i^{t−1}|/(ε₂ + ‖θ_t − θ_{t−1}‖₂), an estimate of the Hessian's rate of change; lines 6–12 give coordinate i (App. K: its tensor, by mean or max) to OPT¹ iff L_t^i > L_thresh, else to OPT².",
        "As written with λ_i^t = H_ii(θ_t) (footnote 2's diagonal curvature), L_0 = 0 (App. K), I_hess = every step: the estimate never exceeds the spectral constant L_H of eq. (2) (|H_ii(θ) − H_ii(θ')| ≤ ‖H(θ) − H(θ')‖₂), and the assignment follows the threshold rule in all three granularities.",
        [EstimateBelowSpectral(), AssignmentRule()]);

    private static (List<Vector<double>> Thetas, List<Vector<double>> Lipschitz, List<IReadOnlyList<bool>> Assigned) Run(
        AlgorithmProblem p, AmosAssignment mode, IReadOnlyList<int[]>? tensors) =>
        p.Memo($"alg-2 {mode}", () => ComputeRun(p, mode, tensors));

    private static (List<Vector<double>> Thetas, List<Vector<double>> Lipschitz, List<IReadOnlyList<bool>> Assigned) ComputeRun(
        AlgorithmProblem p, AmosAssignment mode, IReadOnlyList<int[]>? tensors)
    {
        double threshold = (p.Objective.HessianLipschitz ?? 0) / 2;
        var amos = new Amos(new ElementwiseSgd(1e-2), new SophiaDiagonal(1e-2), new AmosSettings(threshold, Alpha, Epsilon2, 1, mode, tensors));
        var run = (Amos.AmosRun)amos.Start(p.Objective, p.Start);
        var thetas = new List<Vector<double>> { run.Theta };
        var ls = new List<Vector<double>>();
        var assigned = new List<IReadOnlyList<bool>>();
        for (int t = 0; t < Steps; t++)
        {
            run.Step();
            ls.Add(run.Lipschitz);
            assigned.Add(run.UsesFirstOrder);
            thetas.Add(run.Theta);
        }
        return (thetas, ls, assigned);
    }

    private static (int T, int I) Worst(List<Vector<double>> ls) =>
        Enumerable.Range(0, ls.Count).SelectMany(t => Enumerable.Range(0, ls[t].Count).Select(i => (t, i)))
            .MaxBy(ti => ls[ti.t][ti.i]);

    private static Inequality<AlgorithmProblem> EstimateBelowSpectral() => new()
    {
        Name = "estimate-le-LH",
        Description = $"For every f of the family and θ₀, over {Steps} AMOS steps: every running estimate L_t^i ≤ L_H = |c|‖u‖³.",
        Tolerance = "None in double precision; the worst L_t^i is recomputed exactly from the run's double iterates (H_ii is a polynomial, ‖Δθ‖ an outward-rounded √).",
        Generator = AlgorithmProblem.Generator,
        Edges = AlgorithmProblem.EdgeCases,
        Move = (p, r) => p.Perturb(r),
        Show = p => p.Describe(),
        Trivially = p => p.C == 0 ? "c = 0: H is constant, every slope and estimate is 0" : null,
        Hypotheses = p => Run(p, AmosAssignment.PerCoordinate, null).Thetas.All(t => t.All(double.IsFinite)) ? null : "the run leaves double range",
        Sides = p =>
        {
            var (_, ls, _) = Run(p, AmosAssignment.PerCoordinate, null);
            var (t, i) = Worst(ls);
            double lh = p.Objective.HessianLipschitz!.Value;
            return new Sides(ls[t][i], lh, lh > 0 ? lh : 1);
        },
        ExactSides = (p, bits) =>
        {
            var (thetas, ls, _) = Run(p, AmosAssignment.PerCoordinate, null);
            var (worstT, i) = Worst(ls);
            var alpha = RationalInterval.Exact(Alpha);
            var oneMinus = RationalInterval.Exact(1.0) - alpha;
            var l = RationalInterval.Zero;
            // L stays 0 at the first Hessian computation (t = 0); step t ≥ 1 uses θ_t and θ_{t−1}.
            for (int t = 1; t <= worstT; t++)
            {
                var diff = (p.ExactDiagonal(thetas[t], i) - p.ExactDiagonal(thetas[t - 1], i)).Abs();
                var sq = RationalInterval.Zero;
                for (int k = 0; k < p.N; k++)
                {
                    var dk = RationalInterval.Exact(thetas[t][k]) - RationalInterval.Exact(thetas[t - 1][k]);
                    sq += dk * dk;
                }
                l = alpha * l + oneMinus * (diff / (RationalInterval.Exact(Epsilon2) + sq.Sqrt(bits)));
            }
            double c = p.C;
            var un = RationalInterval.Zero;
            foreach (double u in p.U) un += RationalInterval.Exact(u) * RationalInterval.Exact(u);
            var lh = RationalInterval.Exact(System.Math.Abs(c)) * un * un.Sqrt(bits);
            return new ExactSides(l, lh);
        },
        Why = _ => "AMOS's running estimate exceeds the spectral Hessian-Lipschitz constant, which bounds every diagonal entry's slope.",
    };

    private static Inequality<AlgorithmProblem> AssignmentRule() => new()
    {
        Name = "assignment-by-threshold",
        Description = $"For every f of the family and θ₀, over {Steps} steps and each granularity (per coordinate; per tensor by mean; by max, tensors = two halves of θ): the number of coordinates whose OPTIM_i contradicts \"OPT¹ iff aggregate L > L_thresh\" is 0.",
        Tolerance = "None: the comparison of a double L with L_thresh is exact.",
        Generator = AlgorithmProblem.Generator,
        Edges = AlgorithmProblem.EdgeCases,
        Move = (p, r) => p.Perturb(r),
        Show = p => p.Describe(),
        Hypotheses = p => Run(p, AmosAssignment.PerCoordinate, null).Thetas.All(t => t.All(double.IsFinite)) ? null : "the run leaves double range",
        Sides = p => new Sides(p.Memo("alg-2 mismatches", () => Mismatches(p)), 0, 1),
        ExactSides = (p, _) => new ExactSides(RationalInterval.Exact((double)Mismatches(p)), RationalInterval.Zero),
        Why = _ => "A coordinate went to the optimizer the threshold rule of lines 6–12 (App. K's aggregation) does not pick.",
    };

    private static int Mismatches(AlgorithmProblem p)
    {
        int n = p.N;
        int[][] halves = n == 1 ? [[0]] : [Enumerable.Range(0, n / 2).ToArray(), Enumerable.Range(n / 2, n - n / 2).ToArray()];
        double threshold = (p.Objective.HessianLipschitz ?? 0) / 2;
        int count = 0;
        foreach (var mode in new[] { AmosAssignment.PerCoordinate, AmosAssignment.PerTensorMean, AmosAssignment.PerTensorMax })
        {
            var tensors = mode == AmosAssignment.PerCoordinate ? Enumerable.Range(0, n).Select(i => new[] { i }).ToArray() : halves;
            var (_, ls, assigned) = Run(p, mode, mode == AmosAssignment.PerCoordinate ? null : halves);
            for (int t = 0; t < ls.Count; t++)
                foreach (var tensor in tensors)
                {
                    double aggregate = mode == AmosAssignment.PerTensorMax ? tensor.Max(i => ls[t][i]) : tensor.Average(i => ls[t][i]);
                    count += tensor.Count(i => assigned[t][i] != aggregate > threshold);
                }
        }
        return count;
    }
}
