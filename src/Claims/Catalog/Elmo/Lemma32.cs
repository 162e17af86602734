using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Lemma 3.2: Φ^ELMO = ((H + √(H² + 2V·diag(L_i|g_i|)·Vᵀ))/2)⁻¹ is a quasi-Newton preconditioner
/// (Definition 3: symmetric, PSD) whose step −Φ^ELMO∇f is ELMO's step.
/// </summary>
/// <remarks>
/// Because H² and V·diag·Vᵀ share the eigenbasis V, Φ^ELMO = V·diag(φ_i)·Vᵀ with φ_i = 2/(λ_i + √(λ_i² + 2L_i|g_i|)),
/// and the quasi-Newton step along v_i is −φ_i·g_i = φ_i|g_i| (Definition 3 with α_t = 1; any α_t &gt; 0 scales it).
/// The formalization works in these eigen-coordinates, where everything is exactly certifiable.
/// </remarks>
internal static class Lemma32
{
    internal static Claim Claim() => new(
        "elmo/lemma-3.2",
        ElmoSources.Of("Lemma 3.2", null, "3.3, proof M.1"),
        "The quasi-Newton algorithm equivalent to ELMO (|ΔΔ^iθ_t| = 0) has preconditioner Φ^ELMO = ((H + √(H² + 2V·diag(L_i|∇fᵀv_i|)·Vᵀ))/2)⁻¹.",
        "Φ^ELMO must exist, be symmetric PSD, and −Φ^ELMO∇f must equal ELMO's step in every eigenspace.",
        [new PreconditionerIsPsd(), new StepMatchesElmo()]);

    /// <summary>
    /// φ = 2/(λ + S), S = √(λ² + 2L|g|), the eigenvalue of Φ^ELMO on v_i where λ + S &gt; 0; for λ &lt; 0 written as
    /// (S − λ)/(2L|g|), the same value ((λ + S)(S − λ) = 2L|g|) without the cancellation of λ + S.
    /// </summary>
    private static T Factor<T>(T lambda, T a, T l) where T : IReal<T>
    {
        var s = ElmoFormulas.Root(lambda, a, l);
        return T.Sign(lambda) >= 0 ? 2 / (lambda + s) : (s - lambda) / (l * a);
    }

    /// <summary>φ ≥ 0 wherever the inverse exists.</summary>
    private sealed class PreconditionerIsPsd : Statement<EigenspaceInput>
    {
        [SetsRequiredMembers]
        public PreconditionerIsPsd()
        {
            Name = "phi-psd";
            Description = "For every eigenspace where the inverse exists (λ + √(λ² + 2L|g|) > 0): φ = 2/(λ + √(λ² + 2L|g|)) ≥ 0.";
            Tolerance = "None: exact rational intervals decide.";
            MarginUnit = "relative to φ";
            Domain = EigenspaceInput.Domain;
            Proofs = EigenspaceCharts.All;
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            Assume.Positive(lambda + ElmoFormulas.Root(lambda, a, l), "the inverse does not exist here (λ ≤ 0 and |g| = 0; covered by step-matches-elmo)");
            var phi = Factor(lambda, a, l);
            return Relation.LessOrEqual(T.Of(0), phi, Margins.OrOne(T.Abs(phi)));
        }
    }

    /// <summary>
    /// The quasi-Newton step φ|g| along v_i equals x* of eq. (7). Where the inverse of Lemma 3.2 does not exist (λ ≤ 0,
    /// |g| = 0), a preconditioner of its form V·diag(φ_i)·Vᵀ moves −φ_i·∇fᵀv_i = 0 along v_i whatever φ_i is.
    /// </summary>
    private sealed class StepMatchesElmo : Statement<EigenspaceInput>
    {
        [SetsRequiredMembers]
        public StepMatchesElmo()
        {
            Name = "step-matches-elmo";
            Description = "For all λ, |g| ≥ 0, L > 0: the quasi-Newton step φ·|g| along v_i equals x* of eq. (7); where Φ^ELMO does not exist (∇fᵀv_i = 0, λ ≤ 0) a preconditioner of its form V·diag(φ_i)·Vᵀ moves 0 along v_i.";
            Tolerance = "Double-only rounding allowance 2^-44 ≈ 5.7e-14 of x*: both sides are a few roundings from exact, and an identity between square roots is only confirmed at 2048 bits. Exact rational intervals decide every violation beyond it.";
            MarginUnit = "relative to x*";
            Domain = EigenspaceInput.DomainOver(
                Gen.Frequency(
                    (4, EigenspaceInput.Generator),
                    (1, from l in EdgeDoubles.Signed(1e-6, 1e6) from lip in EdgeDoubles.Positive(1e-6, 1e6) select new EigenspaceInput(l, 0, lip))),
                EigenspaceInput.EdgeCases);
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            var quasiNewton = T.Sign(a) == 0 ? T.Of(0) : Factor(lambda, a, l) * a;
            return Relation.Equal(quasiNewton, x, Margins.OrOne(x), Math.ScaleB(1, -44));
        }

        public override string Explain(EigenspaceInput input) => input.GradMagnitude == 0 && input.Lambda < 0
            ? "With ∇fᵀv_i = 0 and λ_i < 0, ELMO steps 2|λ|/L along v_i (it escapes the saddle), but (H + √(H²))/2 has eigenvalue (λ + |λ|)/2 = 0 on v_i, so the inverse in Lemma 3.2 does not exist, and a preconditioner of its form V·diag(φ)·Vᵀ moves −φ_i∇fᵀv_i = 0 along v_i."
            : "−Φ^ELMO∇f differs from ELMO's step along v_i.";
    }
}
