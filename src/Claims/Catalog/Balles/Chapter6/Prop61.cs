using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis Prop. 6.1: 1-smoothness w.r.t. ‖·‖_L (L = diag(l)) implies (Σ l_i)-smoothness w.r.t. ‖·‖∞.</summary>
internal static class Prop61
{
    private const string Statement =
        "If f is 1-smooth w.r.t. ‖·‖_L, L = diag(l_1, …, l_d), then f is (Σ_i l_i)-smooth w.r.t. the maximum norm.";

    /// <summary>As written: the hypothesis is 1-smoothness w.r.t. ‖·‖_L, i.e. −diag(l) ⪯ H ⪯ diag(l) for a quadratic.</summary>
    internal static Claim AsWritten() => new(
        "balles/prop-6.1",
        SignSources.Of("Proposition 6.1", null, "6.3.1"),
        Statement,
        "On quadratics: 1-smoothness w.r.t. ‖·‖_L means ‖H‖ in the induced norm ≤ 1, i.e. −diag(l) ⪯ H ⪯ diag(l) (checked exactly); " +
        "(Σl)-smoothness w.r.t. ‖·‖∞ means ‖H‖∞,1 ≤ Σ l_i (Prop. 6.3).",
        [Build("two-sided", twoSided: true)]);

    /// <summary>Variant: separable smoothness taken as eq. (6.4), which only bounds H from above.</summary>
    internal static Claim OneSided() => new(
        "balles/prop-6.1/one-sided",
        SignSources.Of("Proposition 6.1 with eq. (6.4)", "(6.4)", "6.3.1"),
        "Separable smoothness (6.4) with constants l_1, …, l_d implies ℓ∞-smoothness with L∞ = Σ_i l_i (statement (i) of §6.3.1).",
        "§6.3.1 states (i) for separable smoothness as eq. (6.4) \"directly defines\" it, then embeds it as 1-smoothness w.r.t. ‖·‖_L; " +
        "the two differ: (6.4) is the one-sided bound H ⪯ diag(l) for a quadratic, 1-smoothness is two-sided. This variant takes (6.4).",
        [Build("one-sided", twoSided: false)]);

    private static Inequality<SeparableCase> Build(string name, bool twoSided) => new()
    {
        Name = name,
        Description = twoSided
            ? "For all symmetric H and l > 0 with −diag(l) ⪯ H ⪯ diag(l): ‖H‖∞,1 ≤ Σ_i l_i."
            : "For all symmetric H and l > 0 with H ⪯ diag(l) (eq. 6.4): ‖H‖∞,1 ≤ Σ_i l_i.",
        Tolerance = "None: both sides are exact sums of doubles' rationals; exact arithmetic decides.",
        Generator = SeparableCases.Generator,
        Edges = SeparableCases.Edges,
        Move = SeparableCases.Move,
        Show = SeparableCases.Show,
        Hypotheses = c => SeparableCases.Separable(c, twoSided),
        Sides = c =>
        {
            double lhs = SignDouble.InfToOne(c.H);
            double rhs = c.L.Sum();
            return new Sides(lhs, rhs, lhs + rhs);
        },
        ExactSides = (c, _) => new ExactSides(I(InfToOne(F(c.H))), I(F(c.L).Aggregate(Fractions.Fraction.Zero, (s, v) => s + v))),
        Why = c => twoSided
            ? "‖H‖∞,1 exceeds Σ l_i although H is two-sidedly bounded by diag(l)."
            : "Eq. (6.4) only bounds H from above: a concave direction (negative eigenvalue) satisfies it with any small l_i > 0, " +
              "yet ‖H(θ'−θ)‖₁ = |λ|·… exceeds Σ l_i·‖θ'−θ‖∞; the proof's step (C.37) needs the lower bound −diag(l) ⪯ H that 1-smoothness w.r.t. ‖·‖_L adds.",
    };
}
