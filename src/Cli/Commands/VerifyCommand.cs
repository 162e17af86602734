using System.CommandLine;
using System.Diagnostics;
using Verification.Claims.Catalog;
using Verification.Engine;
using Verification.Cli.Output;

namespace Verification.Cli.Commands;

/// <summary>
/// <c>verify [--filter GLOB] [--budget N] [--seed N] [--out DIR]</c>: checks the catalog with a progress line per
/// claim, prints the counts per verdict, and writes DIR/claims.json, DIR/claims.md and the PNG plots.
/// Exits 0 when the run completes, whatever the verdicts (<see cref="ExitCodes"/>).
/// </summary>
internal static class VerifyCommand
{
    internal const string DefaultOut = "out";

    internal static Command Create(bool interactive)
    {
        var filter = CatalogOptions.Filter();
        var budget = CatalogOptions.Budget(CatalogRun.DefaultBudget);
        var seed = CatalogOptions.Seed(CatalogRun.DefaultSeed);
        var outDir = CatalogOptions.Out("claims.json, claims.md and the plots", DefaultOut);
        var command = new Command("verify", "Check the claims, print a verdict per claim, and write the JSON and Markdown reports and plots.")
        {
            filter, budget, seed, outDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var claims = CatalogOptions.Select(parse.GetValue(filter), error);
            if (claims is null)
                return ExitCodes.UsageError;
            var directory = OutputLocation.PrepareDirectory(parse.GetValue(outDir) ?? DefaultOut, "--out", error);
            if (directory is null)
                return ExitCodes.OutputError;

            var progress = new ProgressDisplay(output, claims, interactive);
            var clock = Stopwatch.StartNew();
            var report = ClaimCatalog.Check(claims, parse.GetValue(budget), parse.GetValue(seed), progress.Completed);
            progress.Summary(report, clock.Elapsed);

            var written = ReportWriter.TryWriteAll(directory, report, error);
            if (written is null)
                return ExitCodes.OutputError;
            foreach (var path in written)
                output.WriteLine($"wrote {OutputLocation.Display(path)}");
            return ExitCodes.Completed;
        });
        return command;
    }
}
