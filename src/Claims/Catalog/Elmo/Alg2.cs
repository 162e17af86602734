using System.Diagnostics.CodeAnalysis;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Alg. 2 (AMOS) as implemented (<see cref="Amos"/>, OPT¹ = SGD, OPT² = the diagonal Sophia of App. K): the
/// run's own curvatures, estimates and assignments replayed exactly against line 5 and lines 6–12 under stated rounding
/// bounds, and the property line 5's formula has along the run's iterates (it never exceeds the spectral L_H).
/// </summary>
internal static class Alg2
{
    private const int Steps = 4;

    /// <summary>α_L and ε₂ of the claim (App. K's ε₂; α_L = ½ so that a few steps already weigh the slopes).</summary>
    internal const double Alpha = 0.5, Epsilon2 = 1e-12;

    /// <summary>2⁻⁵³, the unit roundoff.</summary>
    private static readonly double UnitRoundoff = Math.ScaleB(1, -53);

    internal static Claim Claim() => new(
        "elmo/alg-2",
        ElmoSources.Of("Algorithm 2 (AMOS)", null, "4"),
        "AMOS's line 5 keeps L_t^i = α_L·L_{t−1}^i + (1 − α_L)·|λ_i^t − λ_i^{t−1}|/(ε₂ + ‖θ_t − θ_{t−1}‖₂), an estimate of the Hessian's rate of change; lines 6–12 give coordinate i (App. K: its tensor, by mean or max) to OPT¹ iff L_t^i > L_thresh, else to OPT².",
        $"As written with λ_i^t = H_ii(θ_t) (footnote 2's diagonal curvature), L_0 = 0 (App. K), I_hess = every step, α_L = {Alpha}, ε₂ = {Epsilon2}, L_thresh = L_H/2, over {Steps} steps on f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³. Conformance: each curvature, each running estimate (one step at a time, from the run's own previous state) and each assignment (per coordinate; per tensor by mean; by max, tensors = two halves of θ) is replayed exactly from the run's own double outputs under stated rounding bounds. Property of line 5's formula along the run's iterates: with exact curvatures the estimate never exceeds the spectral constant L_H of eq. (2) (|H_ii(θ) − H_ii(θ')| ≤ ‖H(θ) − H(θ')‖₂).",
        [new RunningEstimate(), new AssignmentRule(), new EstimateBelowSpectral()]);

    /// <summary>What one AMOS run exposes after each step t: θ_{t+1}, (L_t^i), λ^t = the curvatures read at θ_t, and OPTIM_i.</summary>
    internal sealed record AmosReplay(Vector<double>[] Thetas, Vector<double>[] Lipschitz, Vector<double>[] Curvatures, IReadOnlyList<bool>[] Assigned);

    /// <summary>The tensors of the per-tensor modes: the two halves of θ (one tensor for n = 1).</summary>
    private static int[][] Halves(int n) => n == 1 ? [[0]] : [[.. Enumerable.Range(0, n / 2)], [.. Enumerable.Range(n / 2, n - n / 2)]];

    /// <summary>
    /// The implementation under test: <see cref="Steps"/> steps of <see cref="Amos"/> with L_thresh = L_H/2, ε₂ and the
    /// given α_L (the claim's <see cref="Alpha"/> unless a test plants another) and granularity.
    /// </summary>
    internal static AmosReplay Replay(AlgorithmProblem p, AmosAssignment mode, double alpha = Alpha) => p.Memo($"alg-2 {mode} {alpha:R}", () =>
    {
        var tensors = mode == AmosAssignment.PerCoordinate ? null : Halves(p.N);
        double threshold = (p.Objective.HessianLipschitz ?? 0) / 2;
        var amos = new Amos(new Sgd(1e-2), new SophiaDiagonal(1e-2), new AmosSettings(threshold, alpha, Epsilon2, 1, mode, tensors));
        var run = (Amos.AmosRun)amos.Start(p.Objective, p.Start);
        var thetas = new List<Vector<double>> { run.Theta };
        var ls = new List<Vector<double>>();
        var curvatures = new List<Vector<double>>();
        var assigned = new List<IReadOnlyList<bool>>();
        for (int t = 0; t < Steps; t++)
        {
            run.Step();
            ls.Add(run.Lipschitz);
            curvatures.Add(run.Curvatures!);
            assigned.Add(run.UsesFirstOrder);
            thetas.Add(run.Theta);
        }
        return new AmosReplay([.. thetas], [.. ls], [.. curvatures], [.. assigned]);
    });

    /// <summary>‖a − b‖₂ of two double vectors, exactly (√ enclosed).</summary>
    private static T Distance<T>(Vector<double> a, Vector<double> b) where T : IReal<T>
    {
        T sum = T.Of(0);
        for (int k = 0; k < a.Count; k++)
        {
            var d = T.Of(a[k]) - T.Of(b[k]);
            sum += d * d;
        }
        return T.Sqrt(sum);
    }

    /// <summary>
    /// Conformance of line 4's curvature read and line 5's update, one step at a time. Curvature: the run's λ_i^t against
    /// H_ii(θ_t) exactly at its own θ_t, within (n + 6)·2⁻⁵³·(|D_ii| + |c|u_i²Σ_k|u_kθ_k|) (the rounding of uᵀθ, c·(uᵀθ)·u_i²
    /// and the sum with D_ii). Update: the run's L_t^i against α_L·L_{t−1}^i + (1 − α_L)·|λ_i^t − λ_i^{t−1}|/(ε₂ + ‖θ_t − θ_{t−1}‖)
    /// exactly from its own L_{t−1}^i, λ^t, λ^{t−1}, θ_t, θ_{t−1}, within (n + 10)·2⁻⁵³ of that value (one rounding for the
    /// difference, the quotient, ε₂ + ‖·‖ and the combination, (n + 3) for the norm); L_0 = 0 exactly.
    /// </summary>
    internal sealed class RunningEstimate : Statement<AlgorithmProblem>
    {
        private readonly double _implementationAlpha;

        /// <summary>The statement, run against AMOS configured with <paramref name="implementationAlpha"/> (the claim's α_L in the catalog).</summary>
        [SetsRequiredMembers]
        public RunningEstimate(double implementationAlpha = Alpha)
        {
            _implementationAlpha = implementationAlpha;
            Name = "line-5-running-estimate";
            Description = $"For every f of the family and θ₀, over {Steps} AMOS steps, for every step t and coordinate i: λ_i^t = H_ii(θ_t) and L_t^i = α_L·L_{{t−1}}^i + (1 − α_L)·|λ_i^t − λ_i^{{t−1}}|/(ε₂ + ‖θ_t − θ_{{t−1}}‖₂) (L_0 = 0), each exactly at the run's own previous state, within the rounding of the implementation's arithmetic.";
            Tolerance = "Stated rounding bounds, part of the relation in both arithmetics: (n + 6)·2⁻⁵³·(|D_ii| + |c|u_i²Σ|u_kθ_k|) for λ_i^t, (n + 10)·2⁻⁵³·L_t^i for the update; no double-only allowance.";
            MarginUnit = "relative to |D_ii| + |c|u_i²Σ|u_kθ_k| (curvatures) or to the exact update (estimates)";
            Kind = StatementKind.Conformance;
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            var run = Replay(input, AmosAssignment.PerCoordinate, _implementationAlpha);
            int n = input.N;
            var alpha = T.Of(Alpha);
            var parts = new List<Relation<T>>();
            for (int t = 0; t < Steps; t++)
            {
                var theta = run.Thetas[t];
                var h = input.Generic.Hessian(RealVector.Constant<T>([.. theta]));
                for (int i = 0; i < n; i++)
                {
                    T projection = T.Of(0);
                    for (int k = 0; k < n; k++)
                        projection += T.Abs(T.Of(input.U[k]) * T.Of(theta[k]));
                    var ui = T.Of(input.U[i]);
                    var magnitude = T.Abs(T.Of(input.D[i + i * n])) + T.Abs(T.Of(input.C)) * ui * ui * projection;
                    var curvature = T.Abs(T.Of(run.Curvatures[t][i]) - h[i, i]);
                    parts.Add(Relation.LessOrEqual(curvature, T.Of((n + 6) * UnitRoundoff) * magnitude, Margins.Positive(magnitude))
                        .Labelled($"step {t}, coordinate {i}: λ_i^t against H_ii(θ_t)"));
                    if (t == 0)
                    {
                        parts.Add(Relation.Equal(T.Of(run.Lipschitz[0][i]), T.Of(0)).Labelled($"step 0, coordinate {i}: L_0 = 0"));
                        continue;
                    }
                    var slope = T.Abs(T.Of(run.Curvatures[t][i]) - T.Of(run.Curvatures[t - 1][i])) / (T.Of(Epsilon2) + Distance<T>(theta, run.Thetas[t - 1]));
                    var exact = alpha * T.Of(run.Lipschitz[t - 1][i]) + (1 - alpha) * slope;
                    var error = T.Abs(T.Of(run.Lipschitz[t][i]) - exact);
                    parts.Add(Relation.LessOrEqual(error, T.Of((n + 10) * UnitRoundoff) * exact, Margins.Positive(exact))
                        .Labelled($"step {t}, coordinate {i}: L_t^i against line 5"));
                }
            }
            return Relation.All(parts);
        }

        public override string Explain(AlgorithmProblem input) =>
            "The run's curvature or running estimate is not what line 4–5 compute from its own previous state, beyond the rounding of the implementation's arithmetic.";
    }

    /// <summary>
    /// Conformance of lines 6–12 with App. K's granularities: a coordinate given to OPT¹ must have an aggregate (its own
    /// L_t^i, its tensor's mean or max) above L_thresh, one given to OPT² an aggregate at or below it; the aggregate is
    /// exact from the run's own L_t^i, and the mean gets the rounding of its sum and quotient, (k + 1)·2⁻⁵³ of it.
    /// </summary>
    private sealed class AssignmentRule : Statement<AlgorithmProblem>
    {
        [SetsRequiredMembers]
        public AssignmentRule()
        {
            Name = "assignment-by-threshold";
            Description = $"For every f of the family and θ₀, over {Steps} steps and each granularity (per coordinate; per tensor by mean; by max, tensors = two halves of θ): OPTIM_i = OPT¹ iff the aggregate of the run's L_t^i exceeds L_thresh.";
            Tolerance = "None for per-coordinate and max (a comparison of doubles is exact); for the mean, the aggregate may be off by its rounding, (k + 1)·2⁻⁵³ of it for a tensor of k coordinates.";
            MarginUnit = "relative to L_thresh + the aggregate";
            Kind = StatementKind.Conformance;
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            int n = input.N;
            var threshold = T.Of((input.Objective.HessianLipschitz ?? 0) / 2);
            var parts = new List<Relation<T>>();
            foreach (var mode in new[] { AmosAssignment.PerCoordinate, AmosAssignment.PerTensorMean, AmosAssignment.PerTensorMax })
            {
                var run = Replay(input, mode);
                var tensors = mode == AmosAssignment.PerCoordinate ? [.. Enumerable.Range(0, n).Select(i => new[] { i })] : Halves(n);
                for (int t = 0; t < Steps; t++)
                    foreach (var tensor in tensors)
                    {
                        var values = tensor.Select(i => T.Of(run.Lipschitz[t][i])).ToArray();
                        var aggregate = mode switch
                        {
                            AmosAssignment.PerTensorMax => values.Aggregate(T.Max),
                            AmosAssignment.PerTensorMean => values.Aggregate((a, b) => a + b) / tensor.Length,
                            _ => values[0],
                        };
                        var rounding = mode == AmosAssignment.PerTensorMean ? T.Of((tensor.Length + 1) * UnitRoundoff) * aggregate : T.Of(0);
                        var scale = Margins.Positive(threshold + aggregate);
                        foreach (int i in tensor)
                        {
                            string label = $"{mode}, step {t}, coordinate {i}";
                            parts.Add(run.Assigned[t][i]
                                ? Relation.Less(threshold, aggregate + rounding, scale).Labelled(label + ": OPT¹ needs aggregate > L_thresh")
                                : Relation.LessOrEqual(aggregate - rounding, threshold, scale).Labelled(label + ": OPT² needs aggregate ≤ L_thresh"));
                        }
                    }
            }
            return Relation.All(parts);
        }

        public override string Explain(AlgorithmProblem input) =>
            "A coordinate went to the optimizer the threshold rule of lines 6–12 (App. K's aggregation) does not pick.";
    }

    /// <summary>
    /// Line 5's formula along the run's iterates θ_0 … θ_{Steps−1}, with exact curvatures H_ii(θ_t): every L_t^i ≤ L_H. A
    /// property of the paper's estimator (each slope is ≤ L_H by eq. 2 and ε₂ &gt; 0, and the average keeps the bound), not of
    /// the implementation's arithmetic, which <see cref="RunningEstimate"/> pins to the formula.
    /// </summary>
    private sealed class EstimateBelowSpectral : Statement<AlgorithmProblem>
    {
        [SetsRequiredMembers]
        public EstimateBelowSpectral()
        {
            Name = "estimate-le-LH";
            Description = $"For every f of the family and θ₀: line 5's L_t^i, computed with exact curvatures H_ii along the iterates of {Steps} AMOS steps from L_0 = 0, is ≤ L_H = |c|‖u‖³.";
            Tolerance = "None: double-precision violations (cancellation in λ_i^t − λ_i^{t−1} over tiny steps) are settled in exact rational arithmetic.";
            MarginUnit = "relative to L_H";
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            var run = Replay(input, AmosAssignment.PerCoordinate);
            int n = input.N;
            var lh = input.Generic.HessianLipschitz<T>();
            var alpha = T.Of(Alpha);
            var l = new T[n];
            for (int i = 0; i < n; i++)
                l[i] = T.Of(0);
            var previous = input.Generic.Hessian(RealVector.Constant<T>([.. run.Thetas[0]]));
            var parts = new List<Relation<T>>();
            for (int t = 1; t < Steps; t++)
            {
                var h = input.Generic.Hessian(RealVector.Constant<T>([.. run.Thetas[t]]));
                var distance = Distance<T>(run.Thetas[t], run.Thetas[t - 1]);
                for (int i = 0; i < n; i++)
                {
                    l[i] = alpha * l[i] + (1 - alpha) * (T.Abs(h[i, i] - previous[i, i]) / (T.Of(Epsilon2) + distance));
                    parts.Add(Relation.LessOrEqual(l[i], lh, Margins.Positive(lh)).Labelled($"step {t}, coordinate {i}: L_t^i ≤ L_H"));
                }
                previous = h;
            }
            return Relation.All(parts);
        }

        public override string Explain(AlgorithmProblem input) =>
            "Line 5's running estimate exceeds the spectral Hessian-Lipschitz constant, which bounds every diagonal entry's slope.";
    }
}
