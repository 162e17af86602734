using Verification.Checks.Properties;
using Verification.Checks.Results;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;

namespace Verification.Checks;

/// <summary>
/// The entry point: runs every generic property that applies to an optimizer. finite-steps (over the first steps of
/// a run) and fresh-runs are always required; each
/// <see cref="Guarantee"/> the optimizer declares (<see cref="IDeclaresGuarantees"/>) is checked as a requirement; the
/// parameter-free properties it does not declare (quasi-Newton for an <see cref="IQuasiNewtonOptimizer"/>, concave
/// directions, saddles, invariances) are checked for information, and their failures are not failures of the
/// optimizer. Use the individual checks (<see cref="DescentOnConvexQuadraticsCheck"/>, …) from your own tests.
/// </summary>
public static class OptimizerChecks
{
    /// <summary>Runs all applicable properties on <paramref name="optimizer"/>.</summary>
    /// <exception cref="ArgumentException">a budget below 1, or two declarations with the same ID.</exception>
    public static OptimizerCheckReport Run(IOptimizer optimizer, CheckOptions? options = null) => Run(optimizer, options, null);

    /// <summary>
    /// As <see cref="Run(IOptimizer, CheckOptions?)"/>, calling <paramref name="progress"/> before and after each
    /// property (check-optimizer prints a line per property as it finishes).
    /// </summary>
    public static OptimizerCheckReport Run(IOptimizer optimizer, CheckOptions? options, IOptimizerCheckProgress? progress)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        options = (options ?? new CheckOptions()).Validated();
        var declared = optimizer is IDeclaresGuarantees d ? d.Guarantees ?? [] : [];
        var duplicate = declared.GroupBy(g => g.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"the optimizer declares '{duplicate.Key}' {duplicate.Count()} times; declare each guarantee once.", nameof(optimizer));

        var results = new List<PropertyResult>();
        void Add(string id, Func<PropertyResult> check)
        {
            progress?.Starting(id);
            var result = check();
            results.Add(result);
            progress?.Finished(result);
        }
        var o = options;
        Add(FiniteStepsCheck.Id, () => FiniteStepsCheck.Run(optimizer, o));
        if (!declared.Any(g => g is FreshRuns))
            Add(new FreshRuns().Id, () => FreshRunsCheck.Run(optimizer, o));
        foreach (var guarantee in declared)
            Add(guarantee.Id, () => Check(optimizer, guarantee, o, isDeclared: true));

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
            Add(guarantee.Id, () => Check(optimizer, guarantee, o, isDeclared: false));
        }
        var (rows, notes) = ElmoRegret.Measure(optimizer);
        string typeName = optimizer is IOptimizerProxy proxy ? proxy.TypeName : optimizer.GetType().FullName ?? optimizer.GetType().Name;
        return new OptimizerCheckReport(optimizer.Name, typeName, options, results, rows, notes);
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
            MonotoneDescentOnConvexQuadratics g => TrajectoryChecks.RunMonotoneDescent(optimizer, g, options, isDeclared),
            LinearConvergenceOnQuadratics g => TrajectoryChecks.RunLinearConvergence(optimizer, g, options, isDeclared),
            BoundedStep g => TrajectoryChecks.RunBoundedStep(optimizer, g, options, isDeclared),
            HeavyBallMomentum g => TrajectoryChecks.RunHeavyBall(optimizer, g, options, isDeclared),
            FreshRuns => FreshRunsCheck.Run(optimizer, options),
            _ => throw new ArgumentException($"no check for guarantee '{guarantee.Id}' ({guarantee.GetType().Name}).", nameof(guarantee)),
        };
    }
}

/// <summary>Told before and after each property of <see cref="OptimizerChecks.Run(IOptimizer, CheckOptions?, IOptimizerCheckProgress?)"/>.</summary>
public interface IOptimizerCheckProgress
{
    /// <summary>The property <paramref name="property"/> is about to be checked.</summary>
    void Starting(string property);

    /// <summary>A property has been checked.</summary>
    void Finished(PropertyResult result);
}
