using System.CommandLine;
using System.Globalization;
using Verification.Engine.Reporting;
using Verification.Checks;
using Verification.Checks.Results;
using Verification.Cli.Checking;
using Verification.Cli.Output;

namespace Verification.Cli.Commands;

/// <summary>
/// <c>check-optimizer [--assembly PATH] --type NAME [--budget N] [--seed N] [--out DIR]</c>: loads an optimizer
/// (<see cref="OptimizerLoader"/>), runs the generic properties (<see cref="OptimizerChecks"/>), prints one line per
/// property and the smallest counterexample of each refuted one, writes DIR/check-optimizer.json and .md.
/// Exits 0 when every declared property holds, 3 (<see cref="ExitCodes.DeclaredPropertyRefuted"/>) when one is
/// refuted, 1 for bad arguments or an optimizer that cannot be loaded, 2 when the output cannot be written.
/// </summary>
internal static class CheckOptimizerCommand
{
    internal const string DefaultOut = "out/check-optimizer";
    internal const string JsonFile = "check-optimizer.json";
    internal const string MarkdownFile = "check-optimizer.md";

    internal static Command Create()
    {
        var assembly = new Option<string?>("--assembly")
        {
            Description = "The .dll that holds your optimizer (built against Verification.Optimizers). Omit it to check a built-in optimizer.",
            HelpName = "PATH",
        };
        var type = new Option<string>("--type")
        {
            Description = "The optimizer type, full or simple name. It needs a public parameterless constructor or a public static CreateDefault() returning an IOptimizer.",
            HelpName = "NAME",
            Required = true,
        };
        var budget = CatalogOptions.Budget(CheckOptions.DefaultBudget);
        budget.Description = "Evaluations per property before shrinking (≥ 1).";
        var seed = CatalogOptions.Seed(CheckOptions.DefaultSeed);
        var outDir = new Option<string>("--out")
        {
            Description = "Directory for check-optimizer.json and check-optimizer.md (created if missing).",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultOut,
        };
        var command = new Command("check-optimizer",
            "Run the generic optimizer properties (descent, quasi-Newton Φ ⪰ 0, steepest descent, concave directions, saddles, invariances, finite steps) on an optimizer and report where it breaks.")
        {
            assembly, type, budget, seed, outDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string? assemblyPath = parse.GetValue(assembly);
            string typeName = parse.GetValue(type) ?? "";
            var (optimizer, problem) = OptimizerLoader.Load(assemblyPath, typeName);
            if (optimizer is null)
            {
                error.WriteLine("error: " + problem);
                return ExitCodes.UsageError;
            }
            var directory = OutputLocation.PrepareDirectory(parse.GetValue(outDir) ?? DefaultOut, "--out", error);
            if (directory is null)
                return ExitCodes.OutputError;

            var options = new CheckOptions(parse.GetValue(budget), parse.GetValue(seed));
            output.WriteLine($"check-optimizer: {optimizer.Name} ({optimizer.GetType().FullName}), budget {options.Budget.ToString(CultureInfo.InvariantCulture)}, seed {options.Seed.ToString(CultureInfo.InvariantCulture)}");
            OptimizerCheckReport report;
            try
            {
                report = OptimizerChecks.Run(optimizer, options);
            }
            catch (ArgumentException e)
            {
                error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageError;
            }
            Print(output, report);

            string replay = CheckReportText.Replay(assemblyPath, typeName, options.Budget, options.Seed);
            string json = Path.Combine(directory, JsonFile), md = Path.Combine(directory, MarkdownFile);
            if (!OutputLocation.TryWriteFile(json, CheckReportJson.Write(report), "--out", error)
                || !OutputLocation.TryWriteFile(md, CheckReportMarkdown.Write(report, replay), "--out", error))
                return ExitCodes.OutputError;
            output.WriteLine($"wrote {OutputLocation.Display(json)}");
            output.WriteLine($"wrote {OutputLocation.Display(md)}");
            return report.Passed ? ExitCodes.Completed : ExitCodes.DeclaredPropertyRefuted;
        });
        return command;
    }

    private static void Print(TextWriter output, OptimizerCheckReport report)
    {
        int width = report.Properties.Max(p => p.Property.Length);
        foreach (var p in report.Properties)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Property.PadRight(width)}  {CheckReportText.Role(p),-8}  {ReportText.Verdict(p.Verdict),-12}  {p.Cases,5} cases"));
            if (p.Counterexample is { } c)
            {
                output.WriteLine("      simplest counterexample: "
                    + string.Join(", ", c.Inputs.Concat(c.Outputs ?? []).Select(i => $"{i.Name} = {i.Value}")));
                output.WriteLine($"      why: {c.Explanation}");
            }
            else if (p.Verdict == Verification.Engine.Verdict.Inconclusive && p.Notes.Count > 0)
                output.WriteLine($"      why: {p.Notes[0]}");
        }
        output.WriteLine();
        output.WriteLine(report.Passed
            ? "Every declared property holds."
            : $"Declared properties refuted: {string.Join(", ", report.FailedDeclarations.Select(p => p.Property))} (exit code {ExitCodes.DeclaredPropertyRefuted.ToString(CultureInfo.InvariantCulture)}).");
    }
}
