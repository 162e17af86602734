using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis Prop. 6.1: 1-smoothness w.r.t. ‖·‖_L (L = diag(l)) implies (Σ l_i)-smoothness w.r.t. ‖·‖∞; and the one-sided reading.</summary>
internal static class Prop61
{
    private const string Statement =
        "If f is 1-smooth w.r.t. ‖·‖_L, L = diag(l_1, …, l_d), then f is (Σ_i l_i)-smooth w.r.t. the maximum norm.";

    /// <summary>As written: the hypothesis is 1-smoothness w.r.t. ‖·‖_L, i.e. −diag(l) ⪯ H ⪯ diag(l) for a quadratic.</summary>
    internal static Claim AsWritten() => new(
        "balles/prop-6.1",
        SignSources.Of("Proposition 6.1", null, "6.3.1"),
        Statement,
        "On quadratics: 1-smoothness w.r.t. ‖·‖_L means ‖H‖ in the induced norm ≤ 1, i.e. −diag(l) ⪯ H ⪯ diag(l) (principal minors, decided exactly); " +
        "(Σl)-smoothness w.r.t. ‖·‖∞ means ‖H‖∞,1 ≤ Σ l_i (Prop. 6.3).",
        [new Bound("two-sided", twoSided: true)]);

    /// <summary>Variant: separable smoothness taken as eq. (6.4), which only bounds H from above.</summary>
    internal static Claim OneSided() => new(
        "balles/prop-6.1/one-sided",
        SignSources.Of("Proposition 6.1 with eq. (6.4)", "(6.4)", "6.3.1"),
        "Separable smoothness (6.4) with constants l_1, …, l_d implies ℓ∞-smoothness with L∞ = Σ_i l_i (statement (i) of §6.3.1).",
        "§6.3.1 states (i) for separable smoothness as eq. (6.4) \"directly defines\" it, then embeds it as 1-smoothness w.r.t. ‖·‖_L; " +
        "the two differ: (6.4) is the one-sided bound H ⪯ diag(l) for a quadratic, 1-smoothness is two-sided. This variant takes (6.4).",
        [new Bound("one-sided", twoSided: false)]);

    /// <summary>‖H‖∞,1 ≤ Σ l_i under the (one- or two-sided) diagonal bound.</summary>
    private sealed class Bound : Statement<SeparableCase>
    {
        private readonly bool _twoSided;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Bound(string name, bool twoSided)
        {
            _twoSided = twoSided;
            Name = name;
            Description = twoSided
                ? "For all symmetric H and l > 0 with −diag(l) ⪯ H ⪯ diag(l): ‖H‖∞,1 ≤ Σ_i l_i."
                : "For all symmetric H and l > 0 with H ⪯ diag(l) (eq. 6.4): ‖H‖∞,1 ≤ Σ_i l_i.";
            Tolerance = "None: both sides are rational in the inputs; exact arithmetic decides every double-precision violation.";
            Domain = SeparableCase.Domain(withStep: false);
            MarginUnit = "relative to ‖H‖∞,1 + Σ l_i";
        }

        public override Relation<T> Evaluate<T>(SeparableCase input)
        {
            var (h, l, _, _, _) = input.Read<T>();
            SeparableCase.AssumeSeparable(h, l, _twoSided);
            var lhs = InfToOne(h);
            var rhs = SeparableCase.LInfinity(l);
            return Relation.LessOrEqual(lhs, rhs, lhs + rhs);
        }

        public override string Explain(SeparableCase input) => _twoSided
            ? "‖H‖∞,1 exceeds Σ l_i although H is two-sidedly bounded by diag(l)."
            : "Eq. (6.4) only bounds H from above: a concave direction (negative eigenvalue) satisfies it with any small l_i > 0, " +
              "yet ‖H(θ'−θ)‖₁ = |λ|·… exceeds Σ l_i·‖θ'−θ‖∞; the proof's step (C.37) needs the lower bound −diag(l) ⪯ H that 1-smoothness w.r.t. ‖·‖_L adds.";
    }
}
