using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

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
        [Decrease()]);

    private static Inequality<SgdStepInput> Decrease() => new()
    {
        Name = "expected-decrease",
        Description = "For all L-smooth f, θ, γ ∈ [0, 1], m ≥ 1 and zero-mean discrete noise: f − E f(θ − (γ/L)g) ≥ (2γ − γ²)‖∇f‖²/(2L) − γ²tr(Σ)/(2Lm).",
        Tolerance = "Double differences below 1e-12 of the scale are rounding and are not candidates; exact rational enclosures decide every candidate.",
        Trivially = s => s.ZeroStep(),
        Generator = SgdStepInput.Generator().Select(s => s with { Alpha = System.Math.Min(s.Alpha * s.L, 1) / s.L }),
        Edges = SgdStepInput.Edges,
        Move = (s, r) => s.Perturb(r) is var p && p.Alpha * p.L <= 1 ? p : s,
        Hypotheses = s => s.Alpha * s.L is var g && g >= 0 && g <= 1 ? null : "γ = αL ∉ [0, 1]",
        Sides = s =>
        {
            double gamma = s.Alpha * s.L;
            double rhs = (2 * gamma - gamma * gamma) * s.GradientNormSquared / (2 * s.L) - gamma * gamma * s.TraceSigma / (2 * s.L * s.BatchSize);
            double decrease = s.F.Value(s.Theta) - s.ExpectedNextValue(s.Alpha);
            return new Sides(rhs, decrease + SgdStepInput.RoundingAllowance * Lemma31.Scale(s), Lemma31.Scale(s));
        },
        ExactSides = (s, bits) =>
        {
            var alpha = RationalInterval.Exact(s.Alpha);
            var l = RationalInterval.Exact(s.L);
            var gamma = alpha * l;
            var two = Interval.Of(2);
            var rhs = (two * gamma - gamma * gamma) * s.ExactGradientNormSquared(bits) / (two * l)
                - gamma * gamma * s.ExactTraceSigma / (two * l * Interval.Of(s.BatchSize));
            return new ExactSides(rhs, s.ExactValue(bits) - s.ExactExpectedNextValue(alpha, bits));
        },
        Show = s => s.Describe(),
        Why = _ => "The expected decrease is below the bound of eq. (4.7).",
    };
}
