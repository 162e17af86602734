using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math;
using Verification.Math.Exact;

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
        [PreconditionerIsPsd(), StepMatchesElmo()]);

    private static string? Representable(EigenspaceInput e) => EigenspaceSides.Representable(e);

    private static Inequality<EigenspaceInput> PreconditionerIsPsd() => new()
    {
        Name = "phi-psd",
        Description = "For every eigenspace where the inverse exists (λ + √(λ² + 2L|g|) > 0): φ = 2/(λ + √(λ² + 2L|g|)) ≥ 0.",
        Tolerance = "None; exact rational intervals decide.",
        Generator = EigenspaceInput.Generator,
        Edges = EigenspaceInput.EdgeCases,
        Move = (e, r) => e.Perturb(r),
        Hypotheses = e => e.GradMagnitude == 0 && e.Lambda <= 0 ? "the inverse does not exist here (covered by step-matches-elmo)" : Representable(e),
        Sides = e => new Sides(0, ElmoPreconditioner.Factor(e.Lambda, e.GradMagnitude, e.Lipschitz), 1),
        ExactSides = (e, bits) => new ExactSides(RationalInterval.Zero, ExactFactor(e, bits)),
        Show = e => e.Describe(),
    };

    private static RationalInterval ExactFactor(EigenspaceInput e, int bits)
    {
        var s = ExactElmo.Root(e.Lambda, e.GradMagnitude, e.Lipschitz, bits);
        return RationalInterval.Exact(2.0) / (RationalInterval.Exact(e.Lambda) + s);
    }

    /// <summary>
    /// The relative gap |x* − φ|g|| / x* in each eigenspace. Where the inverse of Lemma 3.2 does not exist
    /// (λ ≤ 0, g = 0) no preconditioner can move along v_i at all, since ∇fᵀv_i = 0: the quasi-Newton step there is 0.
    /// </summary>
    private static Inequality<EigenspaceInput> StepMatchesElmo() => new()
    {
        Name = "step-matches-elmo",
        Description = "For all λ, |g| ≥ 0, L > 0: the quasi-Newton step φ·|g| along v_i equals x* of eq. (7); where Φ^ELMO does not exist the quasi-Newton step along v_i is 0 for every Φ.",
        Tolerance = "Relative 1e-13 in double precision (x* and φ each carry a few ulp); certification is exact.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-13,
        Generator = Gen.Frequency(
            (4, EigenspaceInput.Generator),
            (1, from l in EdgeDoubles.Signed(1e-6, 1e6) from lip in EdgeDoubles.Positive(1e-6, 1e6) select new EigenspaceInput(l, 0, lip))),
        Edges = EigenspaceInput.EdgeCases,
        Move = (e, r) => e.Perturb(r),
        Hypotheses = Representable,
        Sides = e =>
        {
            double x = EigenspaceSides.Step(e);
            double qn = e.GradMagnitude == 0 ? 0 : ElmoPreconditioner.Factor(e.Lambda, e.GradMagnitude, e.Lipschitz) * e.GradMagnitude;
            return new Sides(qn, x, System.Math.Max(System.Math.Abs(x), double.Epsilon));
        },
        ExactSides = (e, bits) =>
        {
            var x = EigenspaceSides.ExactStep(e, bits);
            var qn = e.GradMagnitude == 0 ? RationalInterval.Zero : ExactFactor(e, bits) * RationalInterval.Exact(e.GradMagnitude);
            return new ExactSides(qn, x);
        },
        Show = e => e.Describe(),
        Why = e => e.GradMagnitude == 0 && e.Lambda < 0
            ? "With ∇fᵀv_i = 0 and λ_i < 0, ELMO steps 2|λ|/L along v_i (it escapes the saddle), but every quasi-Newton step −αΦ∇f has zero component along v_i, and the inverse in Lemma 3.2 does not exist."
            : "−Φ^ELMO∇f differs from ELMO's step along v_i.",
    };
}
