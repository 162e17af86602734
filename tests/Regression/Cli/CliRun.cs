using Verification.Cli;

namespace Verification.Tests.Regression.Cli;

/// <summary>One in-process CLI invocation: exit code and everything written to stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    internal static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Shown when an assertion on this run fails.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
