using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Verification.Claims.Catalog;
using Verification.Engine.Reporting;
using Verification.Claims.Reporting;
using Verification.Cli.Output;

namespace Verification.Cli.Commands;

/// <summary>
/// <c>docs [--out FILE]</c>: regenerates docs/claims.md from the registry with the fixed seed and budget of
/// <see cref="CatalogDocument"/>, the same run the staleness test compares against.
/// </summary>
internal static class DocsCommand
{
    internal static Command Create()
    {
        var outFile = new Option<string?>("--out")
        {
            Description = $"Where to write the catalog (default: {CatalogDocument.RelativePath} in the repository that contains the current directory).",
            HelpName = "FILE",
        };
        var command = new Command("docs", $"Regenerate {CatalogDocument.RelativePath} (seed {CatalogDocument.Seed}, budget {CatalogDocument.Budget}).") { outFile };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string? path = parse.GetValue(outFile) ?? DefaultPath(error);
            if (path is null)
                return ExitCodes.UsageError;

            var claims = ClaimCatalog.All;
            var clock = Stopwatch.StartNew();
            var report = CatalogDocument.Run(claims);
            string text = CatalogDocument.Write(claims, report);
            if (!OutputLocation.TryWriteFile(path, text, "--out", error))
                return ExitCodes.OutputError;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path} ({claims.Count} claims: {ReportText.Counts(report.Results)}; {clock.Elapsed.TotalSeconds:F1} s)"));
            return ExitCodes.Completed;
        });
        return command;
    }

    private static string? DefaultPath(TextWriter error)
    {
        var root = OutputLocation.FindRepositoryRoot(Environment.CurrentDirectory);
        if (root is not null)
            return Path.Combine(root, CatalogDocument.RelativePath);
        error.WriteLine($"error: no Verification.sln in {Environment.CurrentDirectory} or above; run `docs` inside the repository or pass --out FILE.");
        return null;
    }
}
