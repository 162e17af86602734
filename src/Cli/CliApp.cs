using System.CommandLine;
using Verification.Cli.Commands;

namespace Verification.Cli;

/// <summary>The command tree.</summary>
internal static class CliApp
{
    /// <summary>How the help text names the program: the documented way to run it.</summary>
    internal const string Name = "dotnet run --project src/Cli --";

    internal static RootCommand Build(bool interactive)
    {
        var root = new RootCommand(
            "Property-based verification of optimization-paper claims: computed verdicts (holds, refuted, vacuous, inconclusive) with certified counterexamples.");
        root.Subcommands.Add(VerifyCommand.Create(interactive));
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(DocsCommand.Create());
        root.Subcommands.Add(CheckOptimizerCommand.Create());
        root.Subcommands.Add(Checking.Isolation.OptimizerWorker.Create());
        root.Subcommands.Add(LodoBowlCommand.Create());
        return root;
    }
}
