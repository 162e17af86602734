using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.SignGeometry;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis Lemma 6.1, eq. (6.8): L-smoothness w.r.t. ‖·‖ gives f(θ') ≤ f(θ) + ⟨∇f(θ), θ'−θ⟩ + (L/2)‖θ'−θ‖².</summary>
internal static class Lemma61
{
    internal static Claim Claim() => new(
        "balles/lemma-6.1",
        SignSources.Of("Lemma 6.1", "(6.8)", "6.2.2"),
        "If f is L-smooth w.r.t. ‖·‖, then f(θ') ≤ f(θ) + ⟨∇f(θ), θ' − θ⟩ + (L/2)‖θ' − θ‖² for all θ, θ'.",
        "On quadratics f = ½θᵀHθ with any symmetric H (indefinite, rank-deficient, zero) and the tight constant of eq. (6.7), " +
        "which for a quadratic is the induced matrix norm (Prop. 6.3): ‖H‖∞,1 for the maximum norm, max|H_ij| for the ℓ1 norm; " +
        "both sides are evaluated literally (f(θ'), f(θ), ∇f(θ) = Hθ).",
        [new Bound(SteepestNorm.Max), new Bound(SteepestNorm.One)]);

    /// <summary>f(θ') ≤ f(θ) + ⟨Hθ, θ' − θ⟩ + (L/2)‖θ' − θ‖².</summary>
    private sealed class Bound : Statement<QuadraticPoints>
    {
        private readonly SteepestNorm _norm;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Bound(SteepestNorm norm)
        {
            _norm = norm;
            Name = Label(norm);
            Description = $"For all symmetric H and θ, θ': f(θ') ≤ f(θ) + ⟨∇f(θ), θ' − θ⟩ + (L/2)‖θ' − θ‖² with L the tight {Label(norm)} constant.";
            Tolerance = "None: every double-precision violation is re-evaluated in exact rationals (all quantities are rational in the inputs), which decide.";
            Domain = QuadraticPoints.Domain(QuadraticPoints.Any);
            MarginUnit = "relative to |f(θ')| + |f(θ)| + |⟨∇f(θ), θ' − θ⟩| + (L/2)‖θ' − θ‖² (the terms of the bound)";
        }

        public override Relation<T> Evaluate<T>(QuadraticPoints input)
        {
            var (h, theta, thetaPrime) = input.Read<T>();
            var delta = Subtract(thetaPrime, theta);
            var f = Quadratic(h, theta) / 2;
            var fPrime = Quadratic(h, thetaPrime) / 2;
            var linear = Verification.Numerics.Arithmetic.RealVector.Dot(h * theta, delta);
            var p = Primal(_norm, delta);
            var quadratic = Constant(_norm, h) * p * p / 2;
            return Relation.LessOrEqual(fPrime, f + linear + quadratic, T.Abs(fPrime) + T.Abs(f) + T.Abs(linear) + quadratic);
        }

        public override string Explain(QuadraticPoints input) => "The quadratic bound (6.8) fails at this pair.";
    }

    internal static string Label(SteepestNorm norm) => norm == SteepestNorm.Max ? "max-norm" : "l1-norm";
}
