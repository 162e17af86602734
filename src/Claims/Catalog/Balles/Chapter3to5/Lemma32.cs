using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Thesis Lemma 3.2 (eq. 3.15): under Assumption 3.1, E_t[f_{t+1}] ≤ f_t − (α − (1 + C₁/m)Lα²/2)‖∇f_t‖² + Lα²C₀/(2m).
/// </summary>
internal static class Lemma32
{
    internal static Claim Claim() => new(
        "balles/lemma-3.2",
        VarianceSources.Of("Lemma 3.2", "(3.15)", "3.2.2"),
        "For L-smooth f with tr(Σ(θ)) ≤ C₀ + C₁‖∇f(θ)‖² (Assumption 3.1): E_t[f_{t+1}] ≤ f_t − (α_t − (1 + C₁/m)Lα_t²/2)‖∇f_t‖² + Lα_t²C₀/(2m).",
        "For every α ≥ 0, m ≥ 1, C₀, C₁ ≥ 0 meeting Assumption 3.1 at θ_t (the proof uses it only there, so this is the weaker hypothesis and a counterexample would also refute the lemma).",
        [Bound()]);

    private static double Scale(SgdStepInput s) => Lemma31.Scale(s) + s.L * s.Alpha * s.Alpha * (s.C0 + s.C1 * s.GradientNormSquared);

    private static Inequality<SgdStepInput> Bound() => new()
    {
        Name = "variance-bound-descent",
        Description = "For all L-smooth f, θ, α ≥ 0, m ≥ 1, zero-mean discrete noise and C₀, C₁ ≥ 0 with tr Σ ≤ C₀ + C₁‖∇f‖²: eq. (3.15).",
        Tolerance = "Double differences below 1e-12 of the scale are rounding and are not candidates; exact rational enclosures decide every candidate.",
        Trivially = s => s.ZeroStep(),
        Generator = SgdStepInput.Generator(),
        Edges = SgdStepInput.Edges,
        Move = (s, r) => s.Perturb(r),
        Hypotheses = s => s.TraceSigma <= s.C0 + s.C1 * s.GradientNormSquared ? null : "Assumption 3.1 fails at θ",
        Sides = s => new Sides(
            s.ExpectedNextValue(s.Alpha),
            s.F.Value(s.Theta) - (s.Alpha - (1 + s.C1 / s.BatchSize) * s.L * s.Alpha * s.Alpha / 2) * s.GradientNormSquared
                + s.L * s.Alpha * s.Alpha * s.C0 / (2 * s.BatchSize) + SgdStepInput.RoundingAllowance * Scale(s),
            Scale(s)),
        ExactSides = (s, bits) =>
        {
            var alpha = RationalInterval.Exact(s.Alpha);
            var l = RationalInterval.Exact(s.L);
            var m = Interval.Of(s.BatchSize);
            var rhs = s.ExactValue(bits)
                - (alpha - (Interval.Of(1) + RationalInterval.Exact(s.C1) / m) * l * alpha * alpha / Interval.Of(2)) * s.ExactGradientNormSquared(bits)
                + l * alpha * alpha * RationalInterval.Exact(s.C0) / (Interval.Of(2) * m);
            return new ExactSides(s.ExactExpectedNextValue(alpha, bits), rhs);
        },
        Show = s => s.Describe(),
        Why = _ => "The expected value after the step exceeds the bound of eq. (3.15).",
    };
}
