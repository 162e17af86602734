using System.CommandLine;
using System.Globalization;
using Verification.Engine.Reporting;
using Verification.Checks;
using Verification.Checks.Results;
using Verification.Cli.Checking;
using Verification.Cli.Checking.Isolation;
using Verification.Cli.Output;
using Verification.Optimizers;
using Verification.Optimizers.SecondOrder;

namespace Verification.Cli.Commands;

/// <summary>
/// <c>check-optimizer [--assembly PATH] --type NAME [--budget N] [--seed N] [--out DIR]</c>: loads an optimizer
/// (<see cref="OptimizerLoader"/>), runs the generic properties (<see cref="OptimizerChecks"/>), prints one line per
/// property as it finishes and the smallest counterexample of each refuted one, writes DIR/check-optimizer.json and
/// .md. A user's optimizer (<c>--assembly</c>) runs in a worker process (<see cref="IsolatedOptimizer"/>) with a
/// timeout per call, so a hang, a crash or a throwing getter becomes a one-line finding. Exits 0 when every declared
/// property holds, 3 (<see cref="ExitCodes.DeclaredPropertyRefuted"/>) when one is refuted, 4
/// (<see cref="ExitCodes.DeclaredPropertyUndecided"/>) when none is refuted but one is inconclusive, 5
/// (<see cref="ExitCodes.OptimizerFault"/>) when the optimizer's code stopped the check, 1 for bad arguments or an
/// optimizer that cannot be loaded, 2 when the output cannot be written.
/// </summary>
internal static class CheckOptimizerCommand
{
    internal const string DefaultOut = "out/check-optimizer";
    internal const string JsonFile = "check-optimizer.json";
    internal const string MarkdownFile = "check-optimizer.md";

    /// <summary>The default --timeout: generous for a first call that loads native libraries.</summary>
    internal const double DefaultTimeoutSeconds = 10;

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
        var outDir = CatalogOptions.Out("check-optimizer.json and check-optimizer.md", DefaultOut);
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds each call into your optimizer (Start, Step, a getter) may take before it counts as a hang (> 0; only with --assembly).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var t && !(t > 0 && t <= 3600))
                r.AddError($"--timeout must be in (0, 3600] seconds, got {t.ToString(CultureInfo.InvariantCulture)}.");
        });
        var command = new Command("check-optimizer",
            "Run the generic optimizer properties (descent, quasi-Newton Φ ⪰ 0, steepest descent, concave directions, saddles, invariances, finite steps) on an optimizer and report where it breaks.")
        {
            assembly, type, budget, seed, outDir, timeout,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string? assemblyPath = parse.GetValue(assembly);
            string typeName = parse.GetValue(type) ?? "";
            var options = new CheckOptions(parse.GetValue(budget), parse.GetValue(seed));
            IOptimizer? optimizer;
            IsolatedOptimizer? isolated = null;
            if (assemblyPath is null)
            {
                (optimizer, string? problem) = OptimizerLoader.Load(null, typeName);
                if (optimizer is null)
                {
                    error.WriteLine("error: " + problem);
                    return ExitCodes.UsageError;
                }
            }
            else
            {
                if (OptimizerLoader.CheckPath(assemblyPath) is { } problem)
                {
                    error.WriteLine("error: " + problem);
                    return ExitCodes.UsageError;
                }
                var (loaded, usage, fault) = IsolatedOptimizer.Load(assemblyPath, typeName, TimeSpan.FromSeconds(parse.GetValue(timeout)));
                if (usage is not null)
                {
                    error.WriteLine("error: " + usage);
                    return ExitCodes.UsageError;
                }
                if (loaded is null)
                {
                    output.WriteLine($"check-optimizer: {typeName} from {assemblyPath}");
                    output.WriteLine($"finding: {fault} (exit code {ExitCodes.OptimizerFault.ToString(CultureInfo.InvariantCulture)}).");
                    return ExitCodes.OptimizerFault;
                }
                optimizer = isolated = loaded;
            }
            using var worker = isolated?.Worker;
            var directory = OutputLocation.PrepareDirectory(parse.GetValue(outDir) ?? DefaultOut, "--out", error);
            if (directory is null)
                return ExitCodes.OutputError;

            string shownType = optimizer is IOptimizerProxy proxy ? proxy.TypeName : optimizer.GetType().FullName ?? "";
            output.WriteLine($"check-optimizer: {optimizer.Name} ({shownType}), budget {options.Budget.ToString(CultureInfo.InvariantCulture)}, seed {options.Seed.ToString(CultureInfo.InvariantCulture)}");
            OptimizerCheckReport report;
            var progress = new LineProgress(output, isolated?.Worker);
            try
            {
                report = OptimizerChecks.Run(optimizer, options, progress);
            }
            catch (ArgumentException e)
            {
                error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageError;
            }
            if (isolated?.Worker.Fault is { } stopped)
            {
                output.WriteLine();
                output.WriteLine($"finding: {stopped}{(progress.Current is { } p ? $" while checking {p}" : "")} (exit code {ExitCodes.OptimizerFault.ToString(CultureInfo.InvariantCulture)}).");
                return ExitCodes.OptimizerFault;
            }
            PrintSummary(output, report);


            string replay = CheckReportText.Replay(assemblyPath, typeName, options.Budget, options.Seed);
            string json = Path.Combine(directory, JsonFile), md = Path.Combine(directory, MarkdownFile);
            if (!OutputLocation.TryWriteFile(json, CheckReportJson.Write(report), "--out", error)
                || !OutputLocation.TryWriteFile(md, CheckReportMarkdown.Write(report, replay), "--out", error))
                return ExitCodes.OutputError;
            output.WriteLine($"wrote {OutputLocation.Display(json)}");
            output.WriteLine($"wrote {OutputLocation.Display(md)}");
            return report.FailedDeclarations.Count > 0 ? ExitCodes.DeclaredPropertyRefuted
                : report.UndecidedDeclarations.Count > 0 ? ExitCodes.DeclaredPropertyUndecided
                : ExitCodes.Completed;
        });
        return command;
    }

    /// <summary>Prints each property's line (and its counterexample) as soon as it has been checked.</summary>
    private sealed class LineProgress(TextWriter output, WorkerConnection? worker) : IOptimizerCheckProgress
    {
        private const int Width = 37;

        /// <summary>The property being checked, if any.</summary>
        internal string? Current { get; private set; }

        public void Starting(string property) => Current = worker?.Fault is null ? property : Current;

        public void Finished(PropertyResult p)
        {
            if (worker?.Fault is not null)
                return;
            Current = null;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Property.PadRight(Width)}  {CheckReportText.Role(p),-8}  {ReportText.Verdict(p.Verdict),-12}  {p.Cases,5} cases"));
            if (p.Counterexample is { } c)
            {
                output.WriteLine("      simplest counterexample: "
                    + string.Join(", ", c.Inputs.Concat(c.Outputs ?? []).Select(i => $"{i.Name} = {i.Value}")));
                output.WriteLine($"      why: {c.Explanation}");
            }
            else if (p.Verdict != Verification.Engine.Verdict.Holds && p.Notes.Count > 0)
                output.WriteLine($"      why: {p.Notes[0]}");
            output.Flush();
        }
    }

    private static void PrintSummary(TextWriter output, OptimizerCheckReport report)
    {
        output.WriteLine();
        string code(int c) => c.ToString(CultureInfo.InvariantCulture);
        if (report.FailedDeclarations.Count > 0)
            output.WriteLine($"Declared properties refuted: {string.Join(", ", report.FailedDeclarations.Select(p => p.Property))} (exit code {code(ExitCodes.DeclaredPropertyRefuted)}).");
        else if (report.UndecidedDeclarations.Count > 0)
            output.WriteLine($"Declared properties not shown to hold: {string.Join(", ", report.UndecidedDeclarations.Select(p => $"{p.Property} ({ReportText.Verdict(p.Verdict)})"))} (exit code {code(ExitCodes.DeclaredPropertyUndecided)}).");
        else
            output.WriteLine("Every declared property holds.");
    }
}
