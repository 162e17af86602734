using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;

namespace Verification.Claims.Catalog.Balles;

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
        [new VarianceBoundDescent()]);

    /// <summary>Eq. (3.15).</summary>
    private sealed class VarianceBoundDescent : Statement<SgdStepInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public VarianceBoundDescent()
        {
            Name = "variance-bound-descent";
            Description = "For all L-smooth f, θ, α ≥ 0, m ≥ 1, zero-mean discrete noise and C₀, C₁ ≥ 0 with tr Σ ≤ C₀ + C₁‖∇f‖²: eq. (3.15).";
            Tolerance = Lemma31.AllowanceReason;
            Domain = SgdStepInput.Domain(SgdStepInput.Generator());
            MarginUnit = "relative to the terms of (3.9) plus Lα²(C₀ + C₁‖∇f‖²)";
        }

        public override Relation<T> Evaluate<T>(SgdStepInput input)
        {
            var s = input.Read<T>();
            Assume.NonNegative(s.Gamma, "α < 0");
            Assume.NonNegative(s.C0, "C₀ < 0");
            Assume.NonNegative(s.C1, "C₁ < 0");
            var g2 = s.GradientNormSquared;
            Assume.That(s.TraceSigma <= s.C0 + s.C1 * g2, "Assumption 3.1 fails at θ");
            var a = s.Alpha;
            int m = input.BatchSize;
            var rhs = s.Value - (a - (1 + s.C1 / m) * s.L * a * a / 2) * g2 + s.L * a * a * s.C0 / (2 * m);
            var scale = Lemma31.Scale(s, s.ExpectedGradientNormSquared()) + s.L * a * a * (s.C0 + s.C1 * g2);
            return Relation.LessOrEqual(s.ExpectedNextValue(s.UniformStep()), rhs, scale, Lemma31.Allowance);
        }

        public override string Explain(SgdStepInput input) => "The expected value after the step exceeds the bound of eq. (3.15).";
    }
}
