using Fractions;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Exact;

using static Verification.Checks.Properties.Shown;

namespace Verification.Checks.Properties;

/// <summary>
/// <see cref="SteepestDescent"/> on quadratics, whose tightest smoothness constant L w.r.t. the norm is computed
/// exactly. Norm-scaled (balles-thesis Lemma 6.2, eq. 6.11), for every A with α·L ≤ 1:
/// f(θ + Δθ) − f(θ) ≤ −(α/2)‖∇f‖_*² + slack. Normalized (eq. C.18 with Lemma 6.1), for every A:
/// f(θ + Δθ) − f(θ) ≤ −α‖∇f‖_* + (L/2)α² + slack (for ℓ₂ with ‖∇f‖₂ replaced by a rational lower bound, so a refutation is
/// rigorous). Any symmetric A: the lemma needs no convexity.
/// </summary>
public static class SteepestDescentCheck
{
    /// <summary>Runs the check of <paramref name="guarantee"/> on <paramref name="optimizer"/>.</summary>
    public static PropertyResult Run(IOptimizer optimizer, SteepestDescent guarantee, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(guarantee);
        ArgumentNullException.ThrowIfNull(options);
        double alpha = guarantee.StepSize;
        // ℓ∞: ‖A‖_{∞,1} ≤ n²·max|λ| for these bases, so aim the spectrum below 1/(36α) as well as below 1/α.
        var exponents = FsCheck.Fluent.Gen.OneOf(
            QuadraticGenerators.ExponentsBelow(1 / alpha),
            QuadraticGenerators.ExponentsBelow(1 / alpha, guarantee.Norm == SteepestDescentNorm.Max ? 36 : 2));
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Any, exponents),
            Edges(alpha),
            q => Evaluate(optimizer, guarantee, q));
        return search.Run(guarantee.Id, guarantee.Statement, declared, Tolerances.RoundingText, options.Validated());
    }

    /// <summary>A = 0 (L = 0) with gradients of several sizes, and A at the smoothness boundary.</summary>
    public static IEnumerable<QuadraticCase> Edges(double alpha)
    {
        yield return new QuadraticCase([0.0, 0.0], Basis.Identity, [3.0, -1.0], [0.0, 0.0]);
        yield return new QuadraticCase([0.0], Basis.Identity, [0.25], [0.0]);
        yield return new QuadraticCase([0.0, 0.0], Basis.Identity, [1e-3, 1e-3], [0.0, 0.0]);
        double top = Math.BitDecrement(1 / alpha);
        yield return new QuadraticCase([top, top], Basis.Identity, [1.0, -2.0], [0.0, 0.0]);
        yield return new QuadraticCase([-top, top / 2], Basis.Identity, [1.0, 1.0], [0.0, 0.0]);
    }

    private static Evaluation Evaluate(IOptimizer optimizer, SteepestDescent guarantee, QuadraticCase q)
    {
        var (s, rejected) = QuadraticStep.Take(optimizer, q);
        if (s is null)
            return Evaluation.Reject(rejected!);
        var alpha = ExactLinearAlgebra.Of([guarantee.StepSize])[0];
        var l = NormSmoothness.Of(guarantee.Norm, s.A, q.Eigenvalues);
        var change = s.Change;
        var slack = Tolerances.Rounding * s.ChangeScale;
        Fraction bound, scale;
        if (guarantee.Scaling == SteepestDescentScaling.NormScaled)
        {
            if ((alpha * l).CompareTo(Fraction.One) > 0)
                return Evaluation.Reject("the quadratic is not L-smooth with L ≤ 1/α");
            var dual2 = NormSmoothness.SquaredDualNorm(guarantee.Norm, s.Gradient);
            bound = -(alpha / 2) * dual2;
            scale = s.ChangeScale + (alpha / 2) * dual2;
        }
        else
        {
            var (lower, _) = NormSmoothness.DualNorm(guarantee.Norm, s.Gradient);
            bound = -alpha * lower + l / 2 * alpha * alpha;
            scale = s.ChangeScale + alpha * lower + l / 2 * alpha * alpha;
        }
        string lText = Show(l);
        return Evaluation.LessOrEqual(change, bound + slack, scale, s.Outputs, () =>
            guarantee.Scaling == SteepestDescentScaling.NormScaled
                ? $"f(θ + Δθ) − f(θ) = {Show(change)} exceeds Lemma 6.2's −(α/2)‖∇f‖_*² = {Show(bound)} on a quadratic that is L-smooth w.r.t. {guarantee.NormName} with L = {lText} ≤ 1/α: the step is not steepest descent w.r.t. {guarantee.NormName} with step size α (eq. 6.9/6.10)"
                : $"f(θ + Δθ) − f(θ) = {Show(change)} exceeds −α‖∇f‖_* + (L/2)α² = {Show(bound)} (L = {lText} w.r.t. {guarantee.NormName}): the step is not a normalized steepest-descent step of length α (eq. C.18)");
    }
}
