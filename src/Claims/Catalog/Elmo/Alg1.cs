using System.Diagnostics.CodeAnalysis;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Alg. 1 (ELMO) as implemented (<see cref="ElmoOptimizer"/>): its outputs replayed exactly against what its
/// lines compute. Line 5's step must be eq. (7) at the eigenpairs and constants of lines 3–4 (within
/// <see cref="ElmoStep.Step"/>'s stated 1 ulp), line 6 must sum it over the eigenvectors, and the step
/// minimizes each eigenspace's pessimistic model, so M_t^i(Δθ_t^i) ≤ 0. Whether f itself decreases depends on what the
/// L_t^i bound: two readings on f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³, whose spectral constant L_H = |c|‖u‖³ is known.
/// </summary>
internal static class Alg1
{
    /// <summary>L_t^i are floored here where L_H = 0 (c = 0): ELMO needs L &gt; 0, and any L &gt; 0 bounds a zero drift.</summary>
    private const double Floor = 1e-6;

    /// <summary>2⁻⁵², the spacing of doubles at 1 (ulp(x) ≤ 2⁻⁵²·|x| for every normal x).</summary>
    private static readonly double Epsilon = Math.ScaleB(1, -52);

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "elmo/alg-1",
            ElmoSources.Of("Algorithm 1 (ELMO)", "(7)", "3.2"),
            "Each ELMO iteration steps Δθ_t^i = (√(λ_i² + 2L_t^i|∇fᵀv_i|) − λ_i)/L_t^i along every eigenvector v_i of H(θ_t), the minimizer of the eigenspace's pessimistic model, so M_t^i(Δθ_t^i) ≤ 0.",
            "As written, with EIGEN = the symmetric eigendecomposition oriented by eq. (1) and LIPSCHITZ = max(L_H, 1e-6) on f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³. Conformance of the implementation: its own double outputs (eigenpairs, constants, per-eigenspace steps, the step vector) are lifted exactly and compared with eq. (7) and line 6 under the implementation's stated error bounds, and M_t^i is evaluated exactly at the step it takes.",
            [new StepFormula(Iterate), new StepAssembly(), new ModelNonPositive()]);
        yield return new Claim(
            "elmo/alg-1/spectral-LH",
            ElmoSources.Of("Algorithm 1 (ELMO)", "(2), (5)", "3.2"),
            "An ELMO iteration does not increase f when every L_t^i equals a Hessian-Lipschitz constant L_H of eq. (2).",
            "Reading \"L bounds the true drift\" as the spectral constant of eq. (2) for every eigenspace: the eigenspace models then charge only L_H·Σ|x_i|³/6 for a drift that can reach L_H‖x‖₂³/6, up to √n times more. Checked on the iterate the implementation returns, with f evaluated exactly there.",
            [new Descent(sqrtN: false)]);
        yield return new Claim(
            "elmo/alg-1/sqrt-n-LH",
            ElmoSources.Of("Algorithm 1 (ELMO)", "(2), (5)", "3.2"),
            "An ELMO iteration does not increase f when every L_t^i equals √n·L_H, with L_H a Hessian-Lipschitz constant of eq. (2).",
            "The charitable reading: √n·L_H·Σ|x_i|³ ≥ L_H‖x‖₂³ (‖x‖₂ ≤ n^(1/6)‖x‖₃), so the eigenspace models bound the true change and M_t^i ≤ 0 carries over to f. Checked on the iterate the implementation returns, with f evaluated exactly there.",
            [new Descent(sqrtN: true)]);
    }

    /// <summary>The implementation under test: lines 3–6 of Alg. 1 at θ with LIPSCHITZ = scale·max(L_H, 10⁻⁶).</summary>
    internal static ElmoIteration Iterate(AlgorithmProblem p) => Iterate(p, 1);

    private static ElmoIteration Iterate(AlgorithmProblem p, double scale) => p.Memo($"alg-1 elmo {scale:R}", () =>
        new ElmoOptimizer(new HessianLipschitzOracle(scale, Floor)).Iterate(p.Objective, p.Start));

    /// <summary>θ_{t+1} as a run of the implementation returns it.</summary>
    private static Vector<double> NextIterate(AlgorithmProblem p, double scale) => p.Memo($"alg-1 next {scale:R}", () =>
    {
        var run = new ElmoOptimizer(new HessianLipschitzOracle(scale, Floor)).Start(p.Objective, p.Start);
        run.Step();
        return run.Theta;
    });

    /// <summary>
    /// Line 5 conformance: each Δθ_t^i the implementation returns is within 2⁻⁵²·x* + 2⁻¹⁰⁷⁴ of x* = eq. (7) evaluated
    /// exactly at the implementation's own λ_i, |∇fᵀv_i| and L_t^i: <see cref="ElmoStep.Step"/>'s stated
    /// 1 ulp over its whole domain (every finite λ, |g| ≥ 0, L &gt; 0), since ulp(x) ≤ 2⁻⁵²·x for a normal x and 2⁻¹⁰⁷⁴ for
    /// a subnormal one. No double-only allowance: where the double evaluation of x* (a few ulps off) doubts, the exact one
    /// decides, so a defect of any size beyond the bound is certified.
    /// </summary>
    internal sealed class StepFormula : Statement<AlgorithmProblem>
    {
        private readonly Func<AlgorithmProblem, ElmoIteration> _implementation;

        /// <summary>The statement about <paramref name="implementation"/> (the catalog passes <see cref="Iterate(AlgorithmProblem)"/>).</summary>
        [SetsRequiredMembers]
        public StepFormula(Func<AlgorithmProblem, ElmoIteration> implementation)
        {
            _implementation = implementation;
            Name = "line-5-step";
            Description = "For every f of the family, θ and eigenspace i: |Δθ_t^i − x*_i| ≤ 2⁻⁵²·x*_i + 2⁻¹⁰⁷⁴, with x*_i = (√(λ_i² + 2L_t^i|∇fᵀv_i|) − λ_i)/L_t^i exact at the implementation's λ_i, ∇fᵀv_i, L_t^i.";
            Tolerance = "The implementation's stated bound (Elmo.Step: within 1 ulp of eq. (7) for every finite λ, |g| ≥ 0 and L > 0; ulp(x) ≤ 2⁻⁵²·x, or 2⁻¹⁰⁷⁴ below the normal range); no double-only allowance: a double-precision doubt is settled exactly.";
            MarginUnit = "relative to x*_i";
            Kind = StatementKind.Conformance;
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            var it = _implementation(input);
            var parts = new List<Relation<T>>();
            for (int i = 0; i < it.Eigen.Dimension; i++)
            {
                var exact = ElmoFormulas.Step(T.Of(it.Eigen.Values[i]), T.Of(Math.Abs(it.Eigen.GradientProjections[i])), T.Of(it.Lipschitz[i]));
                var error = T.Abs(T.Of(it.EigenspaceSteps[i]) - exact);
                parts.Add(Relation.LessOrEqual(error, T.Of(Epsilon) * exact + T.Of(double.Epsilon), Margins.Positive(exact)).Labelled($"eigenspace {i}: Δθ_t^{i} against eq. (7)"));
            }
            return Relation.All(parts);
        }

        public override string Explain(AlgorithmProblem input) =>
            "The step the implementation takes along an eigenvector is not eq. (7) at its own eigenpair and constant, beyond Elmo.Step's stated 1 ulp.";
    }

    /// <summary>
    /// Line 6 conformance: each coordinate of the step vector is Σ_i Δθ_t^i·(v_i)_k of the implementation's own Δθ_t^i and
    /// v_i, up to the rounding of that sum of n products (γ_n·Σ|terms| ≤ n·2⁻⁵²·Σ|terms|).
    /// </summary>
    private sealed class StepAssembly : Statement<AlgorithmProblem>
    {
        [SetsRequiredMembers]
        public StepAssembly()
        {
            Name = "line-6-update";
            Description = "For every f of the family and θ and every coordinate k: |Δθ_k − Σ_i Δθ_t^i·(v_i)_k| ≤ n·2⁻⁵²·Σ_i|Δθ_t^i·(v_i)_k|, with the implementation's own Δθ_t^i and v_i.";
            Tolerance = "The rounding of a recursive sum of n rounded products, γ_n ≤ n·2⁻⁵² of the sum of magnitudes; no double-only allowance.";
            MarginUnit = "relative to Σ_i|Δθ_t^i·(v_i)_k|";
            Kind = StatementKind.Conformance;
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            var it = Iterate(input);
            int n = it.Eigen.Dimension;
            var parts = new List<Relation<T>>();
            for (int k = 0; k < n; k++)
            {
                T sum = T.Of(0), size = T.Of(0);
                for (int i = 0; i < n; i++)
                {
                    var term = T.Of(it.EigenspaceSteps[i]) * T.Of(it.Eigen.Vectors[k, i]);
                    sum += term;
                    size += T.Abs(term);
                }
                var error = T.Abs(T.Of(it.Step[k]) - sum);
                parts.Add(Relation.LessOrEqual(error, T.Of(n * Epsilon) * size, Margins.Positive(size)).Labelled($"coordinate {k}: Δθ_k against Σ_i Δθ_t^i·(v_i)_k"));
            }
            return Relation.All(parts);
        }

        public override string Explain(AlgorithmProblem input) =>
            "The step vector is not the sum of the per-eigenspace steps along the eigenvectors (line 6), beyond the rounding of that sum.";
    }

    /// <summary>M_t^i(Δθ_t^i) ≤ 0 exactly, at the implementation's own g_i = ∇fᵀv_i, λ_i, L_t^i and Δθ_t^i.</summary>
    private sealed class ModelNonPositive : Statement<AlgorithmProblem>
    {
        [SetsRequiredMembers]
        public ModelNonPositive()
        {
            Name = "M-le-0-per-eigenspace";
            Description = "For every f of the family, θ and eigenspace i: M_t^i(Δθ_t^i) ≤ 0 at the step line 5 computes, evaluated exactly at the implementation's (∇fᵀv_i, λ_i, L_t^i, Δθ_t^i).";
            Tolerance = "None: x* minimizes M_t^i with M_t^i(x*) < 0 unless x* = 0, and the step's 4-ulp deviation moves M only by O(ulp²); exact rational arithmetic decides.";
            MarginUnit = "relative to |g_i|x + |λ_i|x²/2 + L_t^i|x|³/6 (the size of the terms of M_t^i)";
            Kind = StatementKind.Conformance;
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            var it = Iterate(input);
            var parts = new List<Relation<T>>();
            for (int i = 0; i < it.Eigen.Dimension; i++)
            {
                T g = T.Of(it.Eigen.GradientProjections[i]), lambda = T.Of(it.Eigen.Values[i]), l = T.Of(it.Lipschitz[i]), x = T.Of(it.EigenspaceSteps[i]);
                parts.Add(Relation.LessOrEqual(ElmoFormulas.Upper(g, lambda, l, x), T.Of(0), Margins.Positive(ElmoFormulas.TermScale(g, lambda, l, x))).Labelled($"eigenspace {i}: M_t^{i}(Δθ_t^{i})"));
            }
            return Relation.All(parts);
        }

        public override string Explain(AlgorithmProblem input) => "Line 5's step is not a minimizer of the eigenspace's upper model M_t^i (eq. 3).";
    }

    /// <summary>
    /// f(θ_{t+1}) − f(θ) ≤ 10⁻¹²·(|f(θ)| + |f(θ_{t+1})| + ‖∇f‖‖Δθ‖ + ‖H‖_F‖Δθ‖² + L_H‖Δθ‖³), θ_{t+1} the iterate the
    /// implementation returns (lifted exactly), f exact; <c>sqrtN</c> scales L_H by √n.
    /// </summary>
    private sealed class Descent : Statement<AlgorithmProblem>
    {
        private readonly bool _sqrtN;

        [SetsRequiredMembers]
        public Descent(bool sqrtN)
        {
            _sqrtN = sqrtN;
            string name = sqrtN ? "sqrt-n-LH" : "spectral-LH";
            Name = $"f-does-not-increase-{name}";
            Description = sqrtN
                ? "For every f of the family and θ: f(θ_{t+1}) ≤ f(θ) (up to the stated tolerance) at the iterate ELMO returns with L_t^i = √n·L_H."
                : "For every f of the family and θ: f(θ_{t+1}) ≤ f(θ) (up to the stated tolerance) at the iterate ELMO returns with L_t^i = L_H.";
            Tolerance = "An increase of f counts only beyond 10⁻¹²·(|f(θ)| + |f(θ_{t+1})| + ‖∇f‖‖Δθ‖ + ‖H‖_F‖Δθ‖² + L_H‖Δθ‖³), part of the relation in both arithmetics: the implementation's step differs from the exact ELMO step by the eigensolver's backward error (≈ nε‖H‖, moving the quadratic term by ε‖H‖‖Δθ‖²) and by rounding; f at the returned iterate is exact.";
            MarginUnit = "relative to |f(θ)| + |f(θ_{t+1})| + ‖∇f‖‖Δθ‖ + ‖H‖_F‖Δθ‖² + L_H‖Δθ‖³";
            Kind = StatementKind.Replay;
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            var f = input.Generic;
            var next = NextIterate(input, _sqrtN ? Math.Sqrt(input.N) : 1);
            var theta = RealVector.Input<T>(input.Theta);
            var after = RealVector.Constant<T>([.. next]);
            var delta = after.Zip(theta, (a, b) => a - b).ToArray();
            T f0 = f.Value(theta), f1 = f.Value(after);
            var step = T.Sqrt(RealVector.Dot(delta, delta));
            var gradient = f.Gradient(theta);
            var h = f.Hessian(theta);
            T frobenius = T.Of(0);
            for (int i = 0; i < h.Rows; i++)
                for (int j = 0; j < h.Columns; j++)
                    frobenius += h[i, j] * h[i, j];
            var size = T.Abs(f0) + T.Abs(f1) + T.Sqrt(RealVector.Dot(gradient, gradient)) * step
                + T.Sqrt(frobenius) * step * step + f.HessianLipschitz<T>() * step * step * step;
            return Relation.LessOrEqual(f1 - f0, T.Of(1e-12) * size, Margins.Positive(size));
        }

        public override string Explain(AlgorithmProblem input) =>
            $"ELMO's step with L_t^i = {(_sqrtN ? "√n·" : "")}L_H increases f: the eigenspace models charge L_t^i·Σ|x_i|³/6 for a third-order change (c/6)(uᵀΔθ)³ that reaches L_H‖Δθ‖₂³/6 when Δθ spreads over n = {input.N} eigenvectors aligned with u.";
    }
}
