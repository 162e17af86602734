using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis Prop. 6.2, eq. (6.12): both smoothness notions give f(θ + αδ) ≤ f(θ) + α⟨∇f(θ), δ⟩ + (α²/2)Σ l_i.</summary>
internal static class Prop62
{
    internal static Claim Claim() => new(
        "balles/prop-6.2",
        SignSources.Of("Proposition 6.2", "(6.12)", "6.3.1"),
        "For θ ∈ ℝ^d, δ ∈ {−1, 1}^d, α > 0, both separable smoothness with l_1…l_d and ℓ∞-smoothness with L∞ = Σ l_i imply " +
        "f(θ + αδ) ≤ f(θ) + α⟨∇f(θ), δ⟩ + (α²/2)Σ_i l_i.",
        "On quadratics. Two hypotheses, one formalization each: separable smoothness as eq. (6.4) (H ⪯ diag(l), principal minors) and " +
        "ℓ∞-smoothness with constant Σ l_i (‖H‖∞,1 ≤ Σ l_i, Prop. 6.3). (The proof's (C.41) drops the factor α on ⟨∇f, δ⟩; the statement keeps it.)",
        [new SignStep("separable", separable: true), new SignStep("max-norm", separable: false)]);

    /// <summary>f(θ + αδ) ≤ f(θ) + α⟨Hθ, δ⟩ + (α²/2)Σ l_i.</summary>
    private sealed class SignStep : Statement<SeparableCase>
    {
        private readonly bool _separable;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public SignStep(string name, bool separable)
        {
            _separable = separable;
            Name = name;
            Description = separable
                ? "For all H ⪯ diag(l) with l > 0, θ, δ ∈ {±1}^d, α > 0: f(θ + αδ) ≤ f(θ) + α⟨∇f(θ), δ⟩ + (α²/2)Σ l_i (eq. 6.12)."
                : "For all H with ‖H‖∞,1 ≤ Σ l_i, θ, δ ∈ {±1}^d, α > 0: eq. (6.12).";
            Tolerance = "None: every double-precision violation is re-evaluated in exact rationals, which decide.";
            Domain = SeparableCase.Domain(withStep: true);
            MarginUnit = "relative to |f(θ + αδ)| + |f(θ)| + α|⟨∇f(θ), δ⟩| + (α²/2)Σ l_i";
        }

        public override Relation<T> Evaluate<T>(SeparableCase input)
        {
            var (h, l, theta, delta, alpha) = input.Read<T>();
            var sum = SeparableCase.LInfinity(l);
            if (_separable)
                SeparableCase.AssumeSeparable(h, l, twoSided: false);
            else
            {
                Assume.That(l.All(v => T.Sign(v) > 0), "some l_i ≤ 0");
                Assume.That(InfToOne(h) <= sum, "‖H‖∞,1 > Σ l_i (not Σl-smooth w.r.t. ‖·‖∞)");
            }
            Assume.Positive(alpha, "α ≤ 0");
            var moved = Add(theta, delta.Select(s => alpha * s).ToArray());
            var lhs = Quadratic(h, moved) / 2;
            var f = Quadratic(h, theta) / 2;
            var linear = alpha * RealVector.Dot(h * theta, delta);
            var quadratic = alpha * alpha * sum / 2;
            return Relation.LessOrEqual(lhs, f + linear + quadratic, T.Abs(lhs) + T.Abs(f) + T.Abs(linear) + quadratic);
        }

        public override string Explain(SeparableCase input) => "The bound (6.12) fails at this sign step.";
    }
}
