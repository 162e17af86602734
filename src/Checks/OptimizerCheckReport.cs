using Verification.Checks.Results;

namespace Verification.Checks;

/// <summary>Everything <see cref="OptimizerChecks.Run(Optimizers.IOptimizer, CheckOptions?)"/> found for one optimizer.</summary>
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

    /// <summary>
    /// The declared properties that were neither refuted nor shown to hold: inconclusive (e.g. the optimizer rejected
    /// every input, or too few were accepted) or vacuous. Such a declaration is not a pass.
    /// </summary>
    public IReadOnlyList<PropertyResult> UndecidedDeclarations =>
        Properties.Where(p => p.Declared && p.Verdict is not Verification.Engine.Verdict.Holds and not Verification.Engine.Verdict.Refuted).ToList();

    /// <summary>True when every declared property (finite-steps and fresh-runs included) holds.</summary>
    public bool Passed => FailedDeclarations.Count == 0 && UndecidedDeclarations.Count == 0;
}
