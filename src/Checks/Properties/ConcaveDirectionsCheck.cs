using Verification.Engine;
using Fractions;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Exact;
using Verification.Optimizers.SecondOrder;

using static Verification.Checks.Properties.Shown;

namespace Verification.Checks.Properties;

/// <summary>
/// <see cref="NoAscentInConcaveDirections"/>: on quadratics with a negative eigenvalue and exact eigenvectors u_k
/// (integer columns of the case's basis), for every k with λ_k &lt; 0: (Δθᵀu_k)(∇fᵀu_k) ≤ τ·(Σ|u_iΔθ_i|)(Σ|u_ig_i|).
/// </summary>
public static class ConcaveDirectionsCheck
{
    /// <summary>Runs the check on <paramref name="optimizer"/>.</summary>
    public static PropertyResult Run(IOptimizer optimizer, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        var guarantee = new NoAscentInConcaveDirections();
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Indefinite),
            Edges(),
            q => Evaluate(optimizer, q));
        return search.Run(guarantee.Id, guarantee.Statement, declared, Tolerances.RoundingText, options.Validated());
    }

    /// <summary>
    /// A 1-D concave parabola, a saddle with gradient in both directions, a rotated saddle, and a 4-D Hadamard saddle
    /// whose concave eigenvector u = (1, 1, 1, 1) meets a mixed-sign gradient g = (3, −1, −1, 0): gᵀu = 1 but
    /// sign(g)ᵀu = −1, so a sign method climbs along u (random cases rarely line this up).
    /// </summary>
    public static IEnumerable<QuadraticCase> Edges()
    {
        yield return new QuadraticCase([-1.0], Basis.Identity, [0.0], [1.0]);
        yield return new QuadraticCase([-1.0, 1.0], Basis.Identity, [0.0, 0.0], [1.0, 1.0]);
        yield return new QuadraticCase([-2.0, 1.0], Basis.Hadamard, [1.0, 0.0], [0.5, -0.5]);
        yield return new QuadraticCase([-1.0, 1.0, 1.0, 1.0], Basis.Hadamard, [-3.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0]);
    }

    private static Evaluation Evaluate(IOptimizer optimizer, QuadraticCase q)
    {
        var (s, rejected) = QuadraticStep.TakeWithNegativeEigenvalue(optimizer, q);
        if (s is null)
            return Evaluation.Reject(rejected!);
        Evaluation? worst = null;
        for (int k = 0; k < q.Dimension; k++)
        {
            if (!(q.Eigenvalues[k] < 0))
                continue;
            var u = q.Basis.Column(q.Dimension, k);
            var along = ExactLinearAlgebra.Dot(u, s.Delta);
            var slope = ExactLinearAlgebra.Dot(u, s.Gradient);
            var product = along * slope;
            var scale = ExactLinearAlgebra.AbsDot(u, s.Delta) * ExactLinearAlgebra.AbsDot(u, s.Gradient);
            int index = k;
            var e = Evaluation.LessOrEqual(product, Tolerances.Rounding * scale, scale,
                [.. s.Outputs, NamedValue.Text("u", "[" + string.Join(", ", u.Select(x => x.ToString())) + "]")],
                () => $"along the eigenvector u (λ = {Show(q.Eigenvalues[index])} < 0) the step goes uphill: (Δθᵀu)(∇fᵀu) = {Show(product)} > 0, as a preconditioner with a negative eigenvalue there does (e.g. Newton's H⁻¹)");
            if (worst is null || e.Kind == EvaluationKind.Violated && worst.Value.Kind != EvaluationKind.Violated || e.Margin > worst.Value.Margin && (e.Kind == worst.Value.Kind))
                worst = e;
        }
        return worst!.Value;
    }
}
