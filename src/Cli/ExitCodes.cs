namespace Verification.Cli;

/// <summary>
/// Exit codes. A run that completes exits 0 whatever the verdicts: refuted claims are findings the report
/// records, not failures of the run.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command ran to the end (for <c>verify</c>: every claim checked and every report written).</summary>
    public const int Completed = 0;

    /// <summary>Bad arguments: unparsable or out-of-range options, or a filter that matches no claim.</summary>
    public const int UsageError = 1;

    /// <summary>An output location could not be created or written.</summary>
    public const int OutputError = 2;

    /// <summary><c>check-optimizer</c>: a property the optimizer declares (or finite-steps / fresh-runs, always required) was refuted.</summary>
    public const int DeclaredPropertyRefuted = 3;

    /// <summary>
    /// <c>check-optimizer</c>: none was refuted, but a declared property (or finite-steps / fresh-runs) was not shown to
    /// hold: inconclusive, e.g. the optimizer rejected every input with an ArgumentException, or too few were accepted.
    /// </summary>
    public const int DeclaredPropertyUndecided = 4;

    /// <summary>
    /// <c>check-optimizer</c>: the optimizer's own code stopped the check: a call did not return within --timeout, its
    /// process died (a stack overflow aborts it with exit code 134), or its Name or Guarantees getter threw.
    /// </summary>
    public const int OptimizerFault = 5;
}
