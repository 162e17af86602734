using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// balles-thesis Lemma 6.2, eq. (6.11): a steepest-descent step (6.9) decreases f by at least ‖∇f(θ)‖²_*/(2L);
/// for the maximum norm the step is the norm-scaled sign-GD step of eq. (6.10).
/// </summary>
internal static class Lemma62
{
    internal static Claim Claim() => new(
        "balles/lemma-6.2",
        SignSources.Of("Lemma 6.2", "(6.11), (6.10)", "6.2.3"),
        "If f is L-smooth w.r.t. ‖·‖, steepest descent (6.9) satisfies f(θ_{t+1}) ≤ f(θ_t) − ‖∇f(θ_t)‖²_*/(2L); for ‖·‖∞ the step is θ_t − (‖∇f_t‖₁/L∞)·sign(∇f_t) (6.10).",
        "On quadratics with any symmetric H ≠ 0 (L > 0 is needed to take the step) and the tight constant. Three steps: eq. (6.10) with " +
        "sign(0) = 0; eq. (6.10) with sign(0) = +1, a reading some implementations use (it is still a minimizer of (6.9) since it keeps " +
        "‖Δ‖∞); and the ℓ1 steepest step (coordinate descent, eq. C.2). (The proof in C.5.1 writes θ⁺ = θ + ∇f^‖·‖/L with a plus sign; " +
        "the statement's step is the minus one, which is what is checked.)",
        [new Decrease(SteepestNorm.Max, 0, "sign-gd"), new Decrease(SteepestNorm.Max, 1, "sign-gd/sign0-plus"), new Decrease(SteepestNorm.One, 0, "coordinate")]);

    /// <summary>f(θ⁺) ≤ f(θ) − ‖∇f(θ)‖²_*/(2L) at the steepest step θ⁺.</summary>
    private sealed class Decrease : Statement<QuadraticPoints>
    {
        private readonly SteepestNorm _norm;
        private readonly int _signOfZero;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Decrease(SteepestNorm norm, int signOfZero, string name)
        {
            _norm = norm;
            _signOfZero = signOfZero;
            Name = name;
            Description = $"For all symmetric H ≠ 0 and θ: f(θ⁺) ≤ f(θ) − ‖∇f(θ)‖²_*/(2L) at the {Lemma61.Label(norm)} steepest step θ⁺.";
            Tolerance = "None: every double-precision violation is re-evaluated in exact rationals (the step and both sides are rational), which decide.";
            Domain = QuadraticPoints.Domain(QuadraticPoints.Any, withThetaPrime: false);
            MarginUnit = "relative to |f(θ⁺)| + |f(θ)| + ‖∇f(θ)‖²_*/(2L)";
        }

        public override Relation<T> Evaluate<T>(QuadraticPoints input)
        {
            var (h, theta, _) = input.Read<T>();
            var l = Assume.Positive(Constant(_norm, h), "H = 0: L = 0 and the step (1/L)·… is undefined");
            var g = h * theta;
            var next = Add(theta, Step(_norm, g, l, _signOfZero));
            var dual = Dual(_norm, g);
            var decrease = dual * dual / (2 * l);
            var before = Quadratic(h, theta) / 2;
            var after = Quadratic(h, next) / 2;
            return Relation.LessOrEqual(after, before - decrease, T.Abs(after) + T.Abs(before) + decrease);
        }

        public override string Explain(QuadraticPoints input) => "The steepest-descent step decreases f by less than ‖∇f‖²_*/(2L) here.";
    }
}
