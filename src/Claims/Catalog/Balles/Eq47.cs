using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// Thesis eq. (4.7): f(θ) − E[f(θ − (γ/L)g^(m))] ≥ (‖∇f‖²/2L)(2γ − γ² − η²γ²/m), η² = tr(Σ)/‖∇f‖² (eq. 4.9).
/// </summary>
internal static class Eq47
{
    internal static Claim Claim() => new(
        "balles/eq-4.7",
        VarianceSources.Of("eq. (4.7)", null, "4.2"),
        "f(θ) − E[f(θ − (γ/L)g^(m))] ≥ (‖∇f‖²/(2L))(2γ − γ² − (tr(Σ)/‖∇f‖²)·γ²/m).",
        "For every L-smooth f, γ ∈ [0, 1] (eq. 4.5), m ≥ 1 and zero-mean discrete per-sample noise. Where ∇f = 0 the ratio η² is undefined; the product ‖∇f‖²·η² = tr(Σ) is used, which is the only value that makes (4.7) meaningful there.",
        [new ExpectedDecrease()]);

    /// <summary>Eq. (4.7) with ‖∇f‖²·η² = tr Σ.</summary>
    private sealed class ExpectedDecrease : Statement<SgdStepInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ExpectedDecrease()
        {
            Name = "expected-decrease";
            Description = "For all L-smooth f, θ, γ ∈ [0, 1], m ≥ 1 and zero-mean discrete noise: f − E f(θ − (γ/L)g) ≥ (2γ − γ²)‖∇f‖²/(2L) − γ²tr(Σ)/(2Lm).";
            Tolerance = Lemma31.AllowanceReason;
            Domain = SgdStepInput.Domain(SgdStepInput.Generator(maxGamma: 1));
            MarginUnit = "relative to |f(θ)| + E|f(θ_{t+1})| + α‖∇f‖² + (Lα²/2)E‖g‖² (the size of the terms of (3.9))";
        }

        public override Relation<T> Evaluate<T>(SgdStepInput input)
        {
            var s = input.Read<T>();
            var gamma = s.Gamma;
            Assume.That(gamma >= 0 && gamma <= 1, "γ ∉ [0, 1] (eq. 4.5)");
            var lower = (2 * gamma - gamma * gamma) * s.GradientNormSquared / (2 * s.L) - gamma * gamma * s.TraceSigma / (2 * s.L * input.BatchSize);
            var decrease = s.Value - s.ExpectedNextValue(s.UniformStep());
            return Relation.LessOrEqual(lower, decrease, Lemma31.Scale(s, s.ExpectedGradientNormSquared()), Lemma31.Allowance);
        }

        public override string Explain(SgdStepInput input) => "The expected decrease is below the bound of eq. (4.7).";
    }
}
