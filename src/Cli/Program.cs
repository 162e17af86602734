namespace Verification.Cli;

/// <summary>The <c>verify</c>, <c>list</c> and <c>docs</c> commands (see README.md).</summary>
public static class Program
{
    /// <summary>Entry point: the console's writers; a live progress line when stdout is a terminal.</summary>
    public static int Main(string[] args) =>
        Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);

    /// <summary>
    /// Runs the CLI in-process with plain (non-interactive) progress lines, writing to <paramref name="output"/>
    /// and <paramref name="error"/>. Returns the exit code (<see cref="ExitCodes"/>).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, interactive: false);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, choosing the progress display.</summary>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parse = CliApp.Build(interactive).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line per problem and a pointer to the help, instead of the library's full help text on stdout.
            foreach (var problem in parse.Errors)
                error.WriteLine("error: " + problem.Message);
            error.WriteLine($"Run '{string.Join(' ', [CliApp.Name, .. CommandPath(parse.CommandResult), "--help"])}' for usage.");
            return ExitCodes.UsageError;
        }
        return parse.Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>The subcommand names from the root down to <paramref name="command"/> (the root itself excluded).</summary>
    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult? command)
    {
        var names = new Stack<string>();
        for (var c = command; c?.Parent is System.CommandLine.Parsing.CommandResult parent; c = parent)
            names.Push(c.Command.Name);
        return names;
    }
}
