using Verification.Checks.Results;

namespace Verification.Checks;

/// <summary>Everything <see cref="OptimizerChecks.Run"/> found for one optimizer.</summary>
/// <param name="Optimizer">The optimizer's <see cref="Optimizers.IOptimizer.Name"/>.</param>
/// <param name="TypeName">Its type's full name.</param>
/// <param name="Options">Budget and seed.</param>
/// <param name="Properties">One result per property: finite-steps, then the declared ones, then the undeclared informational ones.</param>
/// <param name="Regret">The ELMO regret rows (elmo-amos §3.4).</param>
/// <param name="RegretNotes">Problems where no regret could be measured, and why.</param>
public sealed record OptimizerCheckReport(
    string Optimizer,
    string TypeName,
    CheckOptions Options,
    IReadOnlyList<PropertyResult> Properties,
    IReadOnlyList<RegretRow> Regret,
    IReadOnlyList<string> RegretNotes)
{
    /// <summary>The declared properties that were refuted.</summary>
    public IReadOnlyList<PropertyResult> FailedDeclarations => Properties.Where(p => p.FailsDeclaration).ToList();

    /// <summary>True when no declared property (finite-steps included) was refuted.</summary>
    public bool Passed => FailedDeclarations.Count == 0;
}
