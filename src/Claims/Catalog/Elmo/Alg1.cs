using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math;
using Verification.Math.Exact;
using Verification.Optimizers.Reference;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Alg. 1 (ELMO) run as written (<see cref="ElmoOptimizer"/>): what its lines guarantee. Line 5's step
/// minimizes each eigenspace's pessimistic model, so M_t^i(Δθ_t^i) ≤ 0; whether f itself decreases depends on what
/// the L_t^i bound — two readings for f with a known spectral constant L_H (eq. 2), the cubic-perturbed quadratic.
/// </summary>
internal static class Alg1
{
    /// <summary>L_t^i are floored here where L_H = 0 (c = 0): ELMO needs L &gt; 0, and any L &gt; 0 bounds a zero drift.</summary>
    private const double Floor = 1e-6;

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "elmo/alg-1",
            ElmoSources.Of("Algorithm 1 (ELMO)", "(7)", "3.2"),
            "Each ELMO iteration steps Δθ_t^i = (√(λ_i² + 2L_t^i|∇fᵀv_i|) − λ_i)/L_t^i along every eigenvector v_i of H(θ_t), the minimizer of the eigenspace's pessimistic model, so M_t^i(Δθ_t^i) ≤ 0.",
            "As written, with EIGEN = the symmetric eigendecomposition oriented by eq. (1) and LIPSCHITZ = max(L_H, 1e-6) on f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³; the guarantee is checked on the step the optimizer takes, eigenspace by eigenspace.",
            [ModelNonPositive()]);
        yield return new Claim(
            "elmo/alg-1/spectral-LH",
            ElmoSources.Of("Algorithm 1 (ELMO)", "(2), (5)", "3.2"),
            "An ELMO iteration does not increase f when every L_t^i equals a Hessian-Lipschitz constant L_H of eq. (2).",
            "Reading \"L bounds the true drift\" as the spectral constant of eq. (2) for every eigenspace: the eigenspace models then charge only L_H·Σ|x_i|³/6 for a drift that can reach L_H‖x‖₂³/6, up to √n times more.",
            [Descent(0, "spectral-LH")]);
        yield return new Claim(
            "elmo/alg-1/sqrt-n-LH",
            ElmoSources.Of("Algorithm 1 (ELMO)", "(2), (5)", "3.2"),
            "An ELMO iteration does not increase f when every L_t^i equals √n·L_H, with L_H a Hessian-Lipschitz constant of eq. (2).",
            "The charitable reading: √n·L_H·Σ|x_i|³ ≥ L_H‖x‖₂³ (‖x‖₂ ≤ n^(1/6)‖x‖₃), so the eigenspace models bound the true change and M_t^i ≤ 0 carries over to f.",
            [Descent(1, "sqrt-n-LH")]);
    }

    private static ElmoIteration Iterate(AlgorithmProblem p, double scale = 1) => p.Memo($"alg-1 elmo {scale:R}", () =>
        new ElmoOptimizer(new HessianLipschitzOracle(scale, Floor)).Iterate(p.Objective, p.Start));

    private static (int Index, double Model, double Scale) Worst(ElmoIteration it)
    {
        int worst = 0;
        double worstRatio = double.NegativeInfinity, worstModel = 0, worstScale = 1;
        for (int i = 0; i < it.Eigen.Dimension; i++)
        {
            double g = it.Eigen.GradientProjections[i], l = it.Eigen.Values[i], lip = it.Lipschitz[i], x = it.EigenspaceSteps[i];
            double m = CubicUpperModel.Evaluate(g, l, lip, x);
            double s = System.Math.Abs(g * x) + System.Math.Abs(l) * x * x / 2 + lip * x * x * x / 6;
            s = s > 0 && double.IsFinite(s) ? s : 1;
            if (m / s > worstRatio)
                (worst, worstRatio, worstModel, worstScale) = (i, m / s, m, s);
        }
        return (worst, worstModel, worstScale);
    }

    private static Inequality<AlgorithmProblem> ModelNonPositive() => new()
    {
        Name = "M-le-0-per-eigenspace",
        Description = "For every f of the family, θ and eigenspace i: M_t^i(Δθ_t^i) ≤ 0 at the step line 5 computes (the worst eigenspace is reported).",
        Tolerance = "None in double precision; M at the computed (λ_i, ∇fᵀv_i, L_t^i, Δθ_t^i) is re-evaluated in exact rational arithmetic.",
        Generator = AlgorithmProblem.Generator,
        Edges = AlgorithmProblem.EdgeCases,
        Move = (p, r) => p.Perturb(r),
        Show = p => p.Describe(),
        Sides = p =>
        {
            var (_, m, s) = Worst(Iterate(p));
            return new Sides(m, 0, s);
        },
        ExactSides = (p, _) =>
        {
            var it = Iterate(p);
            int i = Worst(it).Index;
            var m = ExactElmo.Upper(RationalInterval.Exact(it.Eigen.GradientProjections[i]), RationalInterval.Exact(it.Eigen.Values[i]),
                RationalInterval.Exact(it.Lipschitz[i]), RationalInterval.Exact(it.EigenspaceSteps[i]));
            return new ExactSides(m, RationalInterval.Zero);
        },
        Why = _ => "Line 5's step is not a minimizer of the eigenspace's upper model M_t^i (eq. 3).",
    };

    /// <summary>
    /// f(θ + Δθ) − f(θ) ≤ allowance, where the allowance 1e-12·(|f(θ)| + |f(θ + Δθ)| + ‖∇f‖‖Δθ‖ + ‖H‖‖Δθ‖² + L_H‖Δθ‖³)
    /// covers the eigensolver's backward error (≈ ε‖H‖ moves the quadratic term by ε‖H‖‖Δθ‖²) and the evaluation of f,
    /// so that only an increase the algorithm causes counts. <paramref name="sqrtN"/> = 1 scales L_H by √n.
    /// </summary>
    private static Inequality<AlgorithmProblem> Descent(int sqrtN, string name) => new()
    {
        Name = $"f-does-not-increase-{name}",
        Description = sqrtN == 1
            ? "For every f of the family and θ: f(θ + Δθ_ELMO) ≤ f(θ) with L_t^i = √n·L_H (up to the stated rounding allowance)."
            : "For every f of the family and θ: f(θ + Δθ_ELMO) ≤ f(θ) with L_t^i = L_H (up to the stated rounding allowance).",
        Tolerance = "An increase of f counts only beyond 1e-12·(|f(θ)| + |f(θ+Δθ)| + ‖∇f‖‖Δθ‖ + ‖H‖‖Δθ‖² + L_H‖Δθ‖³): the eigensolver's backward error and the rounding of f; f at the double iterates is then exact in rational arithmetic.",
        Generator = AlgorithmProblem.Generator,
        Edges = AlgorithmProblem.EdgeCases,
        Move = (p, r) => p.Perturb(r),
        Show = p => p.Describe(),
        Sides = p =>
        {
            var (change, allowance, scale) = Change(p, sqrtN);
            return new Sides(change, allowance, scale);
        },
        ExactSides = (p, _) =>
        {
            double scale = sqrtN == 1 ? System.Math.Sqrt(p.N) : 1;
            var next = p.Start + Iterate(p, scale).Step;
            var (_, allowance, _) = Change(p, sqrtN);
            return new ExactSides(p.ExactValue(next) - p.ExactValue(p.Start), RationalInterval.Exact(allowance));
        },
        Hypotheses = p => double.IsFinite(Change(p, sqrtN).Change) ? null : "f at the new iterate overflows double precision",
        Why = p => $"ELMO's step with L_t^i = {(sqrtN == 1 ? "√n·" : "")}L_H increases f: the eigenspace models charge L_t^i·Σ|x_i|³/6 for a third-order change (c/6)(uᵀΔθ)³ that reaches L_H‖Δθ‖₂³/6 when Δθ spreads over n = {p.N} eigenvectors aligned with u.",
    };

    private static (double Change, double Allowance, double Scale) Change(AlgorithmProblem p, int sqrtN) =>
        p.Memo($"alg-1 change {sqrtN}", () => ComputeChange(p, sqrtN));

    private static (double Change, double Allowance, double Scale) ComputeChange(AlgorithmProblem p, int sqrtN)
    {
        var f = p.Objective;
        double scale = sqrtN == 1 ? System.Math.Sqrt(p.N) : 1;
        var step = Iterate(p, scale).Step;
        var next = p.Start + step;
        double before = f.Value(p.Start), after = f.Value(next);
        double d = step.L2Norm();
        double size = System.Math.Abs(before) + System.Math.Abs(after) + f.Gradient(p.Start).L2Norm() * d
            + f.Hessian(p.Start).L2Norm() * d * d + f.HessianLipschitz!.Value * d * d * d;
        return (after - before, 1e-12 * size, size > 0 && double.IsFinite(size) ? size : 1);
    }
}
