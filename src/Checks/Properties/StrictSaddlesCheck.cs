using FsCheck.Fluent;
using Fractions;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Exact;

namespace Verification.Checks.Properties;

/// <summary>
/// <see cref="LeavesStrictSaddles"/>: at θ = 0 of f(θ) = ½θᵀAθ (b = 0, so ∇f = 0 exactly) with a negative eigenvalue,
/// f(Δθ) − f(0) = ½ΔθᵀAΔθ &lt; 0, decided exactly. A zero step meets it with equality and fails.
/// </summary>
public static class StrictSaddlesCheck
{
    /// <summary>Runs the check on <paramref name="optimizer"/>.</summary>
    public static PropertyResult Run(IOptimizer optimizer, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        var guarantee = new LeavesStrictSaddles();
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Indefinite).Select(AtSaddle),
            [new QuadraticCase([-1.0, 1.0], Basis.Identity, [0.0, 0.0], [0.0, 0.0]), new QuadraticCase([-1.0], Basis.Identity, [0.0], [0.0])],
            q => Evaluate(optimizer, q),
            climb: false,
            shrink: c => QuadraticGenerators.Shrink(c).Select(AtSaddle));
        return search.Run(guarantee.Id, guarantee.Statement, declared, "none: strict inequality decided exactly", options.Validated());
    }

    private static QuadraticCase AtSaddle(QuadraticCase c) => c with { Linear = new double[c.Dimension], Theta = new double[c.Dimension] };

    private static Evaluation Evaluate(IOptimizer optimizer, QuadraticCase q)
    {
        var (s, rejected) = QuadraticStep.TakeWithNegativeEigenvalue(optimizer, q);
        if (s is null)
            return Evaluation.Reject(rejected!);
        var change = s.Change;
        var scale = s.ChangeScale;
        return Evaluation.Less(change, Fraction.Zero, scale, s.Outputs, () =>
            s.Delta.All(d => d.IsZero)
                ? "the optimizer does not move at a strict saddle point (∇f = 0, a negative eigenvalue): Δθ = 0"
                : "the step from the strict saddle point does not decrease f");
    }
}
