using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// Thesis Lemma 3.1 (eq. 3.9): for L-smooth f, E_t[f(θ_{t+1})] ≤ f_t − α‖∇f_t‖² + (Lα²/2)E_t‖g_t‖², and
/// E_t‖g_t‖² = ‖∇f_t‖² + tr(Σ(θ_t))/m (eqs. 3.12–3.13).
/// </summary>
internal static class Lemma31
{
    internal static Claim Claim() => new(
        "balles/lemma-3.1",
        VarianceSources.Of("Lemma 3.1", "(3.9)", "3.2.2"),
        "For L-smooth f, SGD (3.7) satisfies E_t[f(θ_{t+1})] ≤ f_t − α_t‖∇f_t‖² + (Lα_t²/2)E_t[‖g_t‖²] = f_t − α_t‖∇f_t‖² + (Lα_t²/2)(‖∇f_t‖² + tr(Σ(θ_t))/m).",
        "Both the inequality and the equality, for every α ≥ 0, any L-smooth f (quadratics, where Lemma 2.1 is tight, and non-convex separable functions; L ≥ sup|f''| is a hypothesis re-checked exactly), and minibatches of m iid per-sample gradients ∇f(θ) + ξ with a zero-mean discrete ξ (atoms at zero included); expectations are exact sums over the m-fold product.",
        [new DescentInequality(), new SecondMoment()]);

    /// <summary>
    /// The double-only allowance of the SGD step statements: both sides are sums of at most ~30 products of rounded terms
    /// (error ≲ 1e-14 of the scale), and the quadratic edge cases are tight (Lemma 2.1 holds with equality), so a double
    /// difference below 1e-12 of the scale is rounding and is not sent to exact arithmetic.
    /// </summary>
    internal const double Allowance = 1e-12;

    internal const string AllowanceReason =
        "Double-only allowance 1e-12 of the scale (sums of ≤ 30 rounded terms, and the quadratic cases are tight); every larger double violation is decided in exact rational intervals (√ at 128–2048 bits).";

    /// <summary>The size of the terms of (3.9): |f(θ)| + E|f(θ⁺)| + α‖∇f‖² + (Lα²/2)E‖g‖², or 1 where all are 0.</summary>
    internal static T Scale<T>(SgdStep<T> s, T expectedGradientNormSquared) where T : Verification.Numerics.Arithmetic.IReal<T>
    {
        var scale = T.Abs(s.Value) + s.ExpectedAbsNextValue(s.UniformStep()) + s.Alpha * s.GradientNormSquared
            + s.L * s.Alpha * s.Alpha / 2 * expectedGradientNormSquared;
        return T.Sign(scale) > 0 ? scale : T.Of(1);
    }

    /// <summary>E_t[f(θ − αg)] ≤ f(θ) − α‖∇f‖² + (Lα²/2)E_t‖g‖².</summary>
    private sealed class DescentInequality : Statement<SgdStepInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public DescentInequality()
        {
            Name = "descent-inequality";
            Description = "For all L-smooth f, θ, α ≥ 0, m ≥ 1 and zero-mean discrete noise: E_t[f(θ − αg)] ≤ f(θ) − α‖∇f‖² + (Lα²/2)E_t‖g‖².";
            Tolerance = AllowanceReason;
            Domain = SgdStepInput.Domain(SgdStepInput.Generator());
            MarginUnit = "relative to |f(θ)| + E|f(θ_{t+1})| + α‖∇f‖² + (Lα²/2)E‖g‖² (the size of the terms of (3.9))";
        }

        public override Relation<T> Evaluate<T>(SgdStepInput input)
        {
            var s = input.Read<T>();
            Assume.NonNegative(s.Gamma, "α < 0");
            var eg2 = s.ExpectedGradientNormSquared();
            var rhs = s.Value - s.Alpha * s.GradientNormSquared + s.L * s.Alpha * s.Alpha / 2 * eg2;
            return Relation.LessOrEqual(s.ExpectedNextValue(s.UniformStep()), rhs, Scale(s, eg2), Allowance);
        }

        public override string Explain(SgdStepInput input) => "The expected value after the SGD step exceeds the smoothness bound of eq. (3.9).";
    }

    /// <summary>E_t‖g‖² = ‖∇f‖² + tr(Σ)/m.</summary>
    private sealed class SecondMoment : Statement<SgdStepInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public SecondMoment()
        {
            Name = "second-moment";
            Description = "For all θ, m ≥ 1 and zero-mean discrete noise with covariance Σ: E_t‖g‖² = ‖∇f‖² + tr(Σ)/m (eqs. 3.12–3.13).";
            Tolerance = "Double-only allowance 1e-12 of E‖g‖² (a sum of a few dozen rounded squares); exact rational intervals decide every larger difference.";
            Domain = SgdStepInput.Domain(SgdStepInput.Generator());
            Kind = StatementKind.Identity;
            MarginUnit = "relative to E‖g‖² (a sum of non-negative terms)";
        }

        public override Relation<T> Evaluate<T>(SgdStepInput input)
        {
            var s = input.Read<T>();
            var lhs = s.ExpectedGradientNormSquared();
            var scale = T.Sign(lhs) > 0 ? lhs : T.Of(1);
            return Relation.Equal(lhs, s.GradientNormSquared + s.TraceSigma / input.BatchSize, scale, Allowance);
        }

        public override string Explain(SgdStepInput input) => "The minibatch second moment differs from ‖∇f‖² + tr(Σ)/m.";
    }
}
