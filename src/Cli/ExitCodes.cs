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

    /// <summary><c>check-optimizer</c>: a property the optimizer declares (or finite-steps, always required) was refuted.</summary>
    public const int DeclaredPropertyRefuted = 3;
}
