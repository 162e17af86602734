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
/// <see cref="DescentOnConvexQuadratics"/>: for A ⪰ 0 with λ_max(A) &lt; c and ∇f(θ) ≠ 0,
/// f(θ + Δθ) − f(θ) &lt; τ·(Σ|g_iΔθ_i| + Σ|Δθ_iA_ijΔθ_j|) (exact; τ = <see cref="Tolerances.Rounding"/>).
/// A zero step at ∇f ≠ 0 meets it with equality and fails.
/// </summary>
public static class DescentOnConvexQuadraticsCheck
{
    /// <summary>Runs the check of <paramref name="guarantee"/> on <paramref name="optimizer"/>.</summary>
    public static PropertyResult Run(IOptimizer optimizer, DescentOnConvexQuadratics guarantee, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(guarantee);
        ArgumentNullException.ThrowIfNull(options);
        double c = guarantee.MaxCurvature;
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Convex, QuadraticGenerators.ExponentsBelow(c)),
            Edges(c),
            q => Evaluate(optimizer, q, c));
        return search.Run(guarantee.Id, guarantee.Statement, declared, Tolerances.RoundingText, options.Validated());
    }

    /// <summary>The boundary spectra: λ = 0, λ just below c, c/2, λ = 2⁻⁹⁹⁰, on the coordinate axes.</summary>
    public static IEnumerable<QuadraticCase> Edges(double maxCurvature)
    {
        double below = double.IsPositiveInfinity(maxCurvature) ? 1e300 : Math.BitDecrement(maxCurvature);
        double half = double.IsPositiveInfinity(maxCurvature) ? 1.0 : maxCurvature / 2;
        yield return new QuadraticCase([below], Basis.Identity, [0.0], [1.0]);
        yield return new QuadraticCase([half], Basis.Identity, [0.0], [1.0]);
        yield return new QuadraticCase([0.0], Basis.Identity, [1.0], [0.0]);
        yield return new QuadraticCase([Math.ScaleB(1.0, -990)], Basis.Identity, [0.0], [1.0]);
        yield return new QuadraticCase([0.0, below], Basis.Identity, [1.0, 0.0], [0.0, 1.0]);
        yield return new QuadraticCase([below, below], Basis.Identity, [0.0, 0.0], [1.0, -1.0]);
    }

    /// <summary>
    /// Null where A ⪰ 0 with λ_max(A) below the declared <paramref name="maxCurvature"/> (the hypothesis of descent on
    /// convex quadratics, one step or a whole run), else the reason the case is outside it.
    /// </summary>
    internal static string? OutsideDeclaredCurvature(QuadraticCase q, double maxCurvature) =>
        q.Eigenvalues.Any(l => !(l >= 0)) ? "A is not positive semi-definite"
        : !(q.Eigenvalues.Max() < maxCurvature) ? "λ_max(A) is not below the declared bound"
        : null;

    private static Evaluation Evaluate(IOptimizer optimizer, QuadraticCase q, double c)
    {
        if (OutsideDeclaredCurvature(q, c) is { } outside)
            return Evaluation.Reject(outside);
        double top = q.Eigenvalues.Max();
        var (s, rejected) = QuadraticStep.Take(optimizer, q);
        if (s is null)
            return Evaluation.Reject(rejected!);
        if (s.Gradient.All(g => g.IsZero))
            return Evaluation.Reject("∇f(θ) = 0");
        var change = s.Change;
        var scale = s.ChangeScale;
        return Evaluation.Less(change, Tolerances.Rounding * scale, scale, s.Outputs, () =>
            change.IsZero
                ? $"the step leaves f unchanged (f(θ + Δθ) = f(θ)) although ∇f(θ) ≠ 0 and A ⪰ 0 with λ_max = {Show(top)} < {Show(c)}: no descent inside the declared curvature range"
                : $"f rises by {Show(change)} although A ⪰ 0 with λ_max = {Show(top)} < {Show(c)}: the step is not a descent step inside the declared curvature range");
    }
}
