using System.Diagnostics.CodeAnalysis;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Alg. 3 (EigenARC, App. J.1) with ASSESS_LIPSCHITZ as implemented (<see cref="EigenArc"/>): when the
/// constants were overly liberal (line 7), lines 8–16 promise constants that pass the assessment ("raise all L until
/// assessment is passed") and cannot be lowered further ("reduce the L that can be reduced without violating
/// assessment"). The constants the implementation returns are replayed exactly and assessed exactly.
/// </summary>
internal static class Alg3
{
    /// <summary>Overly liberal initial constants, so that line 7's branch is the one exercised.</summary>
    private const double L0 = 1e-3;

    /// <summary>256·2⁻⁵², the rounding bound of the implementation's double ASSESS relative to the magnitudes it cancels.</summary>
    private static readonly double AssessRounding = Math.ScaleB(256, -52);

    private const string AssessTolerance = "The implementation decides with a double ASSESS; the exact one may differ by its rounding, bounded by 256·2⁻⁵²·(‖f‖(θ) + ‖f‖(θ + Δθ*) + Σ_i|terms of M_i|)/(−Σ M_i) with ‖f‖(x) = ½Σ|D_ij x_i x_j| + (|c|/6)(Σ|u_k x_k|)³ the size of f's terms (the cancellation in f(θ) − f(θ + Δθ*), the step's few-ulp deviation, whose first-order effect on f is ≤ 3 times ‖f‖, and the model's rounding), part of the relation in both arithmetics.";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "elmo/alg-3",
            ElmoSources.Of("Algorithm 3 (EigenARC), ASSESS_LIPSCHITZ", null, "J.1"),
            "When ASSESS_LIPSCHITZ((L_t^i)) < η₁ (line 7), lines 8–16 return constants that pass the assessment (ASSESS > η₁) and from which the last constant cannot be lowered by γ₁ without failing it.",
            "As printed: line 8 loops \"while ASSESS > η₁\", which is false on entry (line 7 found ASSESS < η₁); lines 12–15 as printed. Defaults γ₁ = 2, η₁ = 1, η₂ = 1.25, L_0^i = 1e-3, BASE_OPT = ELMO. The constants the implementation returns are assessed exactly (eq. 7's step at the implementation's eigenpairs, f and M exact), against η₁ minus the rounding bound of the implementation's own assessment.",
            [new Passes(asPrinted: true)]);
        yield return new Claim(
            "elmo/alg-3/line-8-raise",
            ElmoSources.Of("Algorithm 3 (EigenARC), ASSESS_LIPSCHITZ", null, "J.1"),
            "When ASSESS_LIPSCHITZ((L_t^i)) < η₁ (line 7), lines 8–16 return constants that pass the assessment (ASSESS > η₁) and from which the last constant cannot be lowered by γ₁ without failing it.",
            "Line 8 read as its comment says (\"raise all L until assessment is passed\": while ASSESS < η₁); the printed condition ASSESS > η₁ never holds on entry. Loops are capped at 64 factor-γ changes; capped passes are outside the statement. The returned constants (and the last one lowered by γ₁) are assessed exactly, as for elmo/alg-3.",
            [new Passes(asPrinted: false), new LastLoweringFails()]);
    }

    private sealed record Pass(EigenSystem Eigen, EigenArcAdjustment Adjustment, EigenArc Arc);

    /// <summary>The implementation under test: lines 3–18 of Alg. 3 at θ from L_0^i = 1e-3.</summary>
    private static Pass Adjust(AlgorithmProblem p, bool asPrinted) => p.Memo($"alg-3 {asPrinted}", () =>
    {
        var f = p.Objective;
        var arc = new EigenArc(new EigenArcSettings(Line8AsPrinted: asPrinted));
        var eigen = SymmetricEigen.Decompose(f.Hessian(p.Start), f.Gradient(p.Start));
        var adjustment = arc.Adjust(f, p.Start, eigen, Vector<double>.Build.Dense(p.N, L0));
        return new Pass(eigen, adjustment, arc);
    });

    /// <summary>Line 7's branch ran, and no loop of lines 8–14 stopped at its cap: the statement's hypotheses.</summary>
    private static void InScope(Pass pass)
    {
        Assume.That(pass.Adjustment.Branch == EigenArcBranch.Liberal, $"line 7's branch is not taken ({pass.Adjustment.Branch})");
        Assume.That(!pass.Adjustment.Capped, "a loop of lines 8–14 reached the 64-change cap");
    }

    /// <summary>
    /// ASSESS_LIPSCHITZ at constants <paramref name="l"/>, exactly: x*_i of eq. (7) at the implementation's eigenpairs
    /// (λ_i, ∇fᵀv_i, v_i) and l_i, Δθ* = Σ_i x*_i v_i, and (f(θ) − f(θ + Δθ*))/(−Σ_i M_i(x*_i)); with the rounding bound
    /// of the implementation's double ASSESS (<see cref="AssessTolerance"/>).
    /// </summary>
    private static (T Ratio, T Rounding) Assess<T>(AlgorithmProblem p, EigenSystem e, Vector<double> l) where T : IReal<T>
    {
        var f = p.Generic;
        var theta = RealVector.Input<T>(p.Theta);
        var step = new T[p.N];
        for (int k = 0; k < p.N; k++)
            step[k] = T.Of(0);
        T promised = T.Of(0), terms = T.Of(0);
        for (int i = 0; i < p.N; i++)
        {
            T g = T.Of(e.GradientProjections[i]), lambda = T.Of(e.Values[i]), li = T.Of(l[i]);
            var x = ElmoFormulas.Step(lambda, T.Abs(g), li);
            promised -= ElmoFormulas.Upper(g, lambda, li, x);
            terms += ElmoFormulas.TermScale(g, lambda, li, x);
            for (int k = 0; k < p.N; k++)
                step[k] += x * T.Of(e.Vectors[k, i]);
        }
        Assume.Positive(promised, "the model promises descent (−Σ_i M_i > 0)");
        var trial = theta.Zip(step, (a, b) => a + b).ToArray();
        var ratio = (f.Value(theta) - f.Value(trial)) / promised;
        var rounding = T.Of(AssessRounding) * (f.TermMagnitude(theta) + f.TermMagnitude(trial) + terms) / promised;
        return (ratio, rounding);
    }

    /// <summary>η₁ − rounding &lt; ASSESS_LIPSCHITZ(returned L), exactly.</summary>
    private sealed class Passes : Statement<AlgorithmProblem>
    {
        private readonly bool _asPrinted;

        [SetsRequiredMembers]
        public Passes(bool asPrinted)
        {
            _asPrinted = asPrinted;
            Name = "returned-L-passes";
            Description = "For every f of the family and θ where line 7's branch runs uncapped from L_0^i = 1e-3: η₁ − rounding < ASSESS_LIPSCHITZ(returned L), ASSESS exact at the implementation's eigenpairs and returned constants.";
            Tolerance = AssessTolerance;
            MarginUnit = "in units of ASSESS (a dimensionless ratio)";
            Kind = StatementKind.Replay;
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            var pass = Adjust(input, _asPrinted);
            InScope(pass);
            var (ratio, rounding) = Assess<T>(input, pass.Eigen, pass.Adjustment.After);
            return Relation.Less(T.Of(pass.Arc.Settings.Eta1) - rounding, ratio);
        }

        public override string Explain(AlgorithmProblem input) => _asPrinted
            ? "As printed, line 8's loop condition (ASSESS > η₁) is false right after line 7 found ASSESS < η₁, so lines 11–16 only multiply each L by γ₁ once and the returned constants still fail the assessment."
            : "The constants returned by lines 8–16 fail the assessment they were adjusted to pass.";
    }

    /// <summary>ASSESS_LIPSCHITZ(returned L with L^n/γ₁) ≤ η₁ + rounding, exactly.</summary>
    private sealed class LastLoweringFails : Statement<AlgorithmProblem>
    {
        [SetsRequiredMembers]
        public LastLoweringFails()
        {
            Name = "last-lowering-fails";
            Description = "For every f of the family and θ where line 7's branch runs uncapped: ASSESS(returned L with L^n/γ₁) ≤ η₁ + rounding, ASSESS exact.";
            Tolerance = AssessTolerance;
            MarginUnit = "in units of ASSESS (a dimensionless ratio)";
            Kind = StatementKind.Replay;
            Domain = AlgorithmProblem.Domain;
        }

        public override Relation<T> Evaluate<T>(AlgorithmProblem input)
        {
            var pass = Adjust(input, asPrinted: false);
            InScope(pass);
            var lowered = pass.Adjustment.After.Clone();
            lowered[^1] /= pass.Arc.Settings.Gamma1;
            var (ratio, rounding) = Assess<T>(input, pass.Eigen, lowered);
            return Relation.LessOrEqual(ratio, T.Of(pass.Arc.Settings.Eta1) + rounding);
        }

        public override string Explain(AlgorithmProblem input) =>
            "The last constant could be lowered by γ₁ and still pass the assessment, so lines 12–15 did not stop at the least passing value.";
    }
}
