using Verification.Checks.Properties;
using Verification.Checks.Results;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;

namespace Verification.Checks;

/// <summary>
/// The entry point: runs every generic property that applies to an optimizer. finite-steps is always required; each
/// <see cref="Guarantee"/> the optimizer declares (<see cref="IDeclaresGuarantees"/>) is checked as a requirement; the
/// parameter-free properties it does not declare (quasi-Newton for an <see cref="IQuasiNewtonOptimizer"/>, concave
/// directions, saddles, invariances) are checked for information, and their failures are not failures of the
/// optimizer. Use the individual checks (<see cref="DescentOnConvexQuadraticsCheck"/>, …) from your own tests.
/// </summary>
public static class OptimizerChecks
{
    /// <summary>Runs all applicable properties on <paramref name="optimizer"/>.</summary>
    /// <exception cref="ArgumentException">a budget below 1, or two declarations with the same ID.</exception>
    public static OptimizerCheckReport Run(IOptimizer optimizer, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        options = (options ?? new CheckOptions()).Validated();
        var declared = optimizer is IDeclaresGuarantees d ? d.Guarantees ?? [] : [];
        var duplicate = declared.GroupBy(g => g.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"the optimizer declares '{duplicate.Key}' {duplicate.Count()} times; declare each guarantee once.", nameof(optimizer));

        var results = new List<PropertyResult> { FiniteStepsCheck.Run(optimizer, options) };
        foreach (var guarantee in declared)
            results.Add(Check(optimizer, guarantee, options, isDeclared: true));

        var ids = declared.Select(g => g.Id).ToHashSet();
        Guarantee[] informational =
        [
            new QuasiNewton(), new NoAscentInConcaveDirections(), new LeavesStrictSaddles(),
            new ObjectiveScaleInvariance(), new RotationEquivariance(),
        ];
        foreach (var guarantee in informational)
        {
            if (ids.Contains(guarantee.Id) || guarantee is QuasiNewton && optimizer is not IQuasiNewtonOptimizer)
                continue;
            results.Add(Check(optimizer, guarantee, options, isDeclared: false));
        }
        var (rows, notes) = ElmoRegret.Measure(optimizer);
        return new OptimizerCheckReport(optimizer.Name, optimizer.GetType().FullName ?? optimizer.GetType().Name, options, results, rows, notes);
    }

    /// <summary>Checks one guarantee (declared or not) on <paramref name="optimizer"/>.</summary>
    public static PropertyResult Check(IOptimizer optimizer, Guarantee guarantee, CheckOptions options, bool isDeclared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(guarantee);
        ArgumentNullException.ThrowIfNull(options);
        return guarantee switch
        {
            DescentOnConvexQuadratics g => DescentOnConvexQuadraticsCheck.Run(optimizer, g, options, isDeclared),
            QuasiNewton => QuasiNewtonCheck.Run(optimizer, options, isDeclared),
            SteepestDescent g => SteepestDescentCheck.Run(optimizer, g, options, isDeclared),
            NoAscentInConcaveDirections => ConcaveDirectionsCheck.Run(optimizer, options, isDeclared),
            LeavesStrictSaddles => StrictSaddlesCheck.Run(optimizer, options, isDeclared),
            ObjectiveScaleInvariance => InvarianceChecks.RunScale(optimizer, options, isDeclared),
            RotationEquivariance => InvarianceChecks.RunRotation(optimizer, options, isDeclared),
            _ => throw new ArgumentException($"no check for guarantee '{guarantee.Id}' ({guarantee.GetType().Name}).", nameof(guarantee)),
        };
    }
}
