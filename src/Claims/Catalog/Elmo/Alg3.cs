using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math;
using Verification.Math.Exact;
using Verification.Optimizers.Reference;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Alg. 3 (EigenARC, App. J.1) with ASSESS_LIPSCHITZ: when the constants were overly liberal (line 7), lines
/// 8–16 promise constants that pass the assessment ("raise all L until assessment is passed") and cannot be lowered
/// further ("reduce the L that can be reduced without violating assessment"): a bracket on the γ₁-grid.
/// </summary>
internal static class Alg3
{
    /// <summary>Overly liberal initial constants, so that line 7's branch is the one exercised.</summary>
    private const double L0 = 1e-3;

    /// <summary>2⁻⁵², the spacing of doubles at 1.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "elmo/alg-3",
            ElmoSources.Of("Algorithm 3 (EigenARC), ASSESS_LIPSCHITZ", null, "J.1"),
            "When ASSESS_LIPSCHITZ((L_t^i)) < η₁ (line 7), lines 8–16 return constants that pass the assessment (ASSESS > η₁) and from which the last constant cannot be lowered by γ₁ without failing it.",
            "As printed: line 8 loops \"while ASSESS > η₁\", which is false on entry (line 7 found ASSESS < η₁); lines 12–15 as printed. Defaults γ₁ = 2, η₁ = 1, η₂ = 1.25, L_0^i = 1e-3, BASE_OPT = ELMO.",
            [Passes(asPrinted: true)]);
        yield return new Claim(
            "elmo/alg-3/line-8-raise",
            ElmoSources.Of("Algorithm 3 (EigenARC), ASSESS_LIPSCHITZ", null, "J.1"),
            "When ASSESS_LIPSCHITZ((L_t^i)) < η₁ (line 7), lines 8–16 return constants that pass the assessment (ASSESS > η₁) and from which the last constant cannot be lowered by γ₁ without failing it.",
            "Line 8 read as its comment says (\"raise all L until assessment is passed\": while ASSESS < η₁); the printed condition ASSESS > η₁ never holds on entry. Loops are capped at 64 factor-γ changes; capped passes are outside the statement.",
            [Passes(asPrinted: false), LastLoweringFails()]);
    }

    private sealed record Pass(EigenSystem Eigen, EigenArcAdjustment Adjustment, EigenArc Arc);

    private static Pass Adjust(AlgorithmProblem p, bool asPrinted) => p.Memo($"alg-3 {asPrinted}", () => ComputeAdjust(p, asPrinted));

    private static Pass ComputeAdjust(AlgorithmProblem p, bool asPrinted)
    {
        var f = p.Objective;
        var arc = new EigenArc(new EigenArcSettings(Line8AsPrinted: asPrinted));
        var eigen = SymmetricEigen.Decompose(f.Hessian(p.Start), f.Gradient(p.Start));
        var adj = arc.Adjust(f, p.Start, eigen, Vector<double>.Build.Dense(p.N, L0));
        return new Pass(eigen, adj, arc);
    }

    private static string? InScope(Pass pass) =>
        pass.Adjustment.Branch != EigenArcBranch.Liberal ? $"line 7's branch is not taken (ASSESS = {Require.Show(pass.Adjustment.AssessBefore)}: {pass.Adjustment.Branch})"
        : pass.Adjustment.Capped ? "a loop of lines 8–14 reached the 64-change cap"
        : null;

    /// <summary>
    /// ASSESS at <paramref name="l"/> in double precision and its rounding allowance: the numerator f(θ) − f(θ + Δθ*)
    /// loses up to ~ε(|f(θ)| + |f(θ + Δθ*)|) to cancellation, and the denominator's three terms ~ε each; the allowance
    /// is 16ε times their sum over the promised descent.
    /// </summary>
    private static (double Ratio, double Allowance) Assess(AlgorithmProblem p, EigenSystem e, Vector<double> l)
    {
        var f = p.Objective;
        double ratio = AssessLipschitz.Ratio(f, p.Start, e, l);
        var it = ElmoOptimizer.StepFor(e, l);
        double promised = 0, size = 0;
        for (int i = 0; i < p.N; i++)
        {
            double g = e.GradientProjections[i], lam = e.Values[i], x = it.EigenspaceSteps[i];
            promised -= CubicUpperModel.Evaluate(g, lam, l[i], x);
            size += System.Math.Abs(g * x) + System.Math.Abs(lam) * x * x / 2 + l[i] * x * x * x / 6;
        }
        double fsize = System.Math.Abs(f.Value(p.Start)) + System.Math.Abs(f.Value(p.Start + it.Step));
        double allowance = promised > 0 ? 16 * MachineEpsilon * (fsize + size) / promised : 0;
        return (ratio, allowance);
    }

    /// <summary>ASSESS exactly: f at the double points θ and θ + Δθ* (exact polynomial values) over −Σ M_i at the double x*_i.</summary>
    private static RationalInterval ExactAssess(AlgorithmProblem p, EigenSystem e, Vector<double> l)
    {
        var it = ElmoOptimizer.StepFor(e, l);
        var promised = RationalInterval.Zero;
        for (int i = 0; i < p.N; i++)
            promised -= ExactElmo.Upper(RationalInterval.Exact(e.GradientProjections[i]), RationalInterval.Exact(e.Values[i]),
                RationalInterval.Exact(l[i]), RationalInterval.Exact(it.EigenspaceSteps[i]));
        return (p.ExactValue(p.Start) - p.ExactValue(p.Start + it.Step)) / promised;
    }

    private static Inequality<AlgorithmProblem> Passes(bool asPrinted) => new()
    {
        Name = "returned-L-passes",
        Description = "For every f of the family and θ where line 7's branch runs uncapped from L_0^i = 1e-3: η₁ − allowance < ASSESS_LIPSCHITZ(returned L).",
        Tolerance = "ASSESS is compared with η₁ minus 16ε·(|f(θ)| + |f(θ+Δθ*)| + Σ|terms of M|)/(−Σ M), the rounding of its numerator's cancellation; certification evaluates ASSESS exactly at the double step.",
        Relation = Relation.Less,
        Generator = AlgorithmProblem.Generator,
        Edges = AlgorithmProblem.EdgeCases,
        Move = (p, r) => p.Perturb(r),
        Show = p => p.Describe(),
        Hypotheses = p => InScope(Adjust(p, asPrinted)),
        Sides = p =>
        {
            var pass = Adjust(p, asPrinted);
            var (ratio, allowance) = Assess(p, pass.Eigen, pass.Adjustment.After);
            return new Sides(pass.Arc.Settings.Eta1 - allowance, ratio, 1);
        },
        ExactSides = (p, _) =>
        {
            var pass = Adjust(p, asPrinted);
            var (_, allowance) = Assess(p, pass.Eigen, pass.Adjustment.After);
            return new ExactSides(RationalInterval.Exact(pass.Arc.Settings.Eta1) - RationalInterval.Exact(allowance),
                ExactAssess(p, pass.Eigen, pass.Adjustment.After));
        },
        Why = _ => asPrinted
            ? "As printed, line 8's loop condition (ASSESS > η₁) is false right after line 7 found ASSESS < η₁, so lines 11–16 only multiply each L by γ₁ once and the returned constants still fail the assessment."
            : "The constants returned by lines 8–16 fail the assessment they were adjusted to pass.",
    };

    private static Inequality<AlgorithmProblem> LastLoweringFails() => new()
    {
        Name = "last-lowering-fails",
        Description = "For every f of the family and θ where line 7's branch runs uncapped: ASSESS(returned L with L^n/γ₁) ≤ η₁ + allowance.",
        Tolerance = "As for returned-L-passes, with the allowance added to η₁.",
        Generator = AlgorithmProblem.Generator,
        Edges = AlgorithmProblem.EdgeCases,
        Move = (p, r) => p.Perturb(r),
        Show = p => p.Describe(),
        Hypotheses = p => InScope(Adjust(p, false)),
        Sides = p =>
        {
            var pass = Adjust(p, false);
            var lower = Lowered(pass);
            var (ratio, allowance) = Assess(p, pass.Eigen, lower);
            return new Sides(ratio, pass.Arc.Settings.Eta1 + allowance, 1);
        },
        ExactSides = (p, _) =>
        {
            var pass = Adjust(p, false);
            var lower = Lowered(pass);
            var (_, allowance) = Assess(p, pass.Eigen, lower);
            return new ExactSides(ExactAssess(p, pass.Eigen, lower),
                RationalInterval.Exact(pass.Arc.Settings.Eta1) + RationalInterval.Exact(allowance));
        },
        Why = _ => "The last constant could be lowered by γ₁ and still pass the assessment, so lines 12–15 did not stop at the least passing value.",
    };

    private static Vector<double> Lowered(Pass pass)
    {
        var l = pass.Adjustment.After.Clone();
        l[^1] /= pass.Arc.Settings.Gamma1;
        return l;
    }
}
