using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Thesis Lemma 3.1 (eq. 3.9): for L-smooth f, E_t[f(θ_{t+1})] ≤ f_t − α‖∇f_t‖² + (Lα²/2)E_t‖g_t‖², and
/// E_t‖g_t‖² = ‖∇f_t‖² + tr(Σ(θ_t))/m.
/// </summary>
internal static class Lemma31
{
    internal static Claim Claim() => new(
        "balles/lemma-3.1",
        VarianceSources.Of("Lemma 3.1", "(3.9)", "3.2.2"),
        "For L-smooth f, SGD (3.7) satisfies E_t[f(θ_{t+1})] ≤ f_t − α_t‖∇f_t‖² + (Lα_t²/2)E_t[‖g_t‖²] = f_t − α_t‖∇f_t‖² + (Lα_t²/2)(‖∇f_t‖² + tr(Σ(θ_t))/m).",
        "Both the inequality and the equality, for every α ≥ 0, any L-smooth f (quadratics, where Lemma 2.1 is tight, and non-convex separable functions), and minibatches of m iid per-sample gradients ∇f(θ) + ξ with a zero-mean discrete ξ (atoms at zero included); expectations are exact sums over the m-fold product.",
        [DescentInequality(), SecondMoment()]);

    /// <summary>Scale of the margins: the size of the terms on the right-hand side.</summary>
    internal static double Scale(SgdStepInput s) =>
        System.Math.Max(System.Math.Abs(s.F.Value(s.Theta)) + s.ExpectedAbsNextValue(s.Alpha) + s.Alpha * s.GradientNormSquared
            + s.L * s.Alpha * s.Alpha / 2 * s.ExpectedGradientNormSquared(), double.Epsilon);

    private static Inequality<SgdStepInput> DescentInequality() => new()
    {
        Name = "descent-inequality",
        Description = "For all L-smooth f, θ, α ≥ 0, m ≥ 1 and zero-mean discrete noise: E_t[f(θ − αg)] ≤ f(θ) − α‖∇f‖² + (Lα²/2)E_t‖g‖².",
        Tolerance = "Double differences below 1e-12 of the scale are rounding (sums of ≤ 30 rounded terms) and are not candidates; every candidate is decided by exact rational enclosures (√ at 128–2048 bits).",
        Generator = SgdStepInput.Generator(),
        Edges = SgdStepInput.Edges,
        Move = (s, r) => s.Perturb(r),
        Trivially = s => s.ZeroStep(),
        Sides = s => new Sides(
            s.ExpectedNextValue(s.Alpha),
            s.F.Value(s.Theta) - s.Alpha * s.GradientNormSquared + s.L * s.Alpha * s.Alpha / 2 * s.ExpectedGradientNormSquared()
                + SgdStepInput.RoundingAllowance * Scale(s),
            Scale(s)),
        ExactSides = (s, bits) =>
        {
            var alpha = RationalInterval.Exact(s.Alpha);
            var rhs = s.ExactValue(bits) - alpha * s.ExactGradientNormSquared(bits)
                + RationalInterval.Exact(s.L) * alpha * alpha / Interval.Of(2) * s.ExactExpectedGradientNormSquared(bits);
            return new ExactSides(s.ExactExpectedNextValue(alpha, bits), rhs);
        },
        Show = s => s.Describe(),
        Why = _ => "The expected value after the SGD step exceeds the smoothness bound of eq. (3.9).",
    };

    private static Inequality<SgdStepInput> SecondMoment() => new()
    {
        Name = "second-moment",
        Description = "For all θ, m ≥ 1 and zero-mean discrete noise with covariance Σ: E_t‖g‖² = ‖∇f‖² + tr(Σ)/m (eqs. 3.12–3.13).",
        Tolerance = "Relative 1e-12 of E‖g‖² in double precision (a sum of a few dozen rounded squares); exact arithmetic decides.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = SgdStepInput.Generator(),
        Edges = SgdStepInput.Edges,
        Move = (s, r) => s.Perturb(r),
        Sides = s => new Sides(s.ExpectedGradientNormSquared(), s.GradientNormSquared + s.TraceSigma / s.BatchSize,
            System.Math.Max(s.ExpectedGradientNormSquared(), double.Epsilon)),
        ExactSides = (s, bits) => new ExactSides(
            s.ExactExpectedGradientNormSquared(bits),
            s.ExactGradientNormSquared(bits) + s.ExactTraceSigma / Interval.Of(s.BatchSize)),
        Show = s => s.Describe(),
        Why = _ => "The minibatch second moment differs from ‖∇f‖² + tr(Σ)/m.",
    };
}
