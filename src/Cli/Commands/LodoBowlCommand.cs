using System.CommandLine;
using System.Globalization;
using System.Text;
using Verification.Cli.Output;
using Verification.Figures;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Cli.Commands;

/// <summary>
/// <c>lodo-bowl [--steps N] [--seed N] [--noise V] [--sigma-every N] [--out DIR]</c>: the long noisy-quadratic-bowl run of
/// lodo.md §5.1 (paper: 100k steps) for LODO, Adam, Momentum and Newton, writing DIR/lodo-bowl.md (tail means, σ, the
/// analytic optimum), DIR/lodo-bowl.csv (σ over time and windowed losses) and the two figures. Exit codes as <see cref="ExitCodes"/>.
/// </summary>
internal static class LodoBowlCommand
{
    internal const string DefaultOut = "out/lodo-bowl";
    internal const int DefaultSteps = 10000;

    internal static Command Create()
    {
        var steps = new Option<int>("--steps")
        {
            Description = "Steps per optimizer (≥ 10; the paper's table uses 100000).",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultSteps,
            CustomParser = r => CatalogOptions.ParseInteger(r, "--steps", 10_000_000, min: 10, v => (int)v),
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the rotation U, LODO's permutations and θ₀, and the noise.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
            CustomParser = r => CatalogOptions.ParseInteger(r, "--seed", int.MaxValue, min: 0, v => (int)v),
        };
        var noise = new Option<double>("--noise")
        {
            Description = "Noise variance v > 0 of the centre's random walk.",
            HelpName = "V",
            DefaultValueFactory = _ => 1.0,
            CustomParser = r =>
            {
                string token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v > 0)
                    return v;
                r.AddError($"--noise must be a finite number > 0, got '{token}'.");
                return 0;
            },
        };
        var sigmaEvery = new Option<int>("--sigma-every")
        {
            Description = "Estimate LODO's σ every N steps (100 random unit vectors each); default steps/100.",
            HelpName = "N",
            CustomParser = r => CatalogOptions.ParseInteger(r, "--sigma-every", int.MaxValue, min: 1, v => (int)v),
        };
        var outDir = CatalogOptions.Out("lodo-bowl.md, lodo-bowl.csv and the figures", DefaultOut);
        var command = new Command("lodo-bowl", "Run LODO, Adam, Momentum and Newton on the noisy quadratic bowl (lodo §5.1) and write the learning curves and σ.")
        {
            steps, seed, noise, sigmaEvery, outDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var directory = OutputLocation.PrepareDirectory(parse.GetValue(outDir) ?? DefaultOut, "--out", error);
            if (directory is null)
                return ExitCodes.OutputError;
            int n = parse.GetValue(steps);
            int every = parse.GetValue(sigmaEvery) is int e && e > 0 ? e : Math.Max(1, n / 100);
            output.WriteLine($"lodo-bowl: n = 100, v = {Show(parse.GetValue(noise))}, {n} steps, seed {parse.GetValue(seed)}");
            var comparison = BowlExperiment.Run(n, parse.GetValue(seed), parse.GetValue(noise), 100, every, 100);
            string[] names = ["LODO", "Adam", "Momentum", "Newton"];
            for (int i = 0; i < comparison.Runs.Count; i++)
                output.WriteLine($"  {names[i],-9} mean loss over the last 10%: {Show(comparison.Runs[i].TailMean())}{(comparison.Runs[i].StoppedBecause is { } why ? " (" + why + ")" : "")}");
            output.WriteLine($"  Newton analytic ½v·tr(H): {Show(comparison.NewtonOptimalLoss)}");
            if (comparison.Runs[0].Sigma.Count > 0)
                output.WriteLine($"  LODO σ: {Show(comparison.Runs[0].Sigma[0].Sigma)} at step 0, {Show(comparison.Runs[0].Sigma[^1].Sigma)} at step {comparison.Runs[0].Sigma[^1].Step}");

            string md = Path.Combine(directory, "lodo-bowl.md"), csv = Path.Combine(directory, "lodo-bowl.csv");
            if (!OutputLocation.TryWriteFile(md, Summary(comparison, names, n, parse.GetValue(seed), parse.GetValue(noise)), "--out", error)
                || !OutputLocation.TryWriteFile(csv, Table(comparison, every), "--out", error))
                return ExitCodes.OutputError;
            var written = new List<string> { md, csv };
            foreach (IReportPlot plot in new IReportPlot[] { new LodoBowlLossPlot(() => comparison, $"{n} steps"), new LodoBowlSigmaPlot(() => comparison, $"{n} steps") })
            {
                string path = Path.Combine(directory, plot.FileName);
                try
                {
                    PlotFile.SavePng(plot.Create(new Verification.Engine.CatalogReport(0, 1, [])), path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"error: cannot write --out '{path}': {ex.Message}");
                    return ExitCodes.OutputError;
                }
                written.Add(path);
            }
            foreach (var path in written)
                output.WriteLine($"wrote {OutputLocation.Display(path)}");
            return ExitCodes.Completed;
        });
        return command;
    }

    private static string Summary(BowlComparison c, string[] names, int steps, int seed, double noise)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Noisy quadratic bowl (lodo.md §5.1, App. F.1)").AppendLine();
        sb.AppendLine($"n = 100, spectrum 0.001…1 (geometric), v = {Show(noise)}, {steps} steps, seed {seed}. Mean loss over the last 10% of the run:").AppendLine();
        sb.AppendLine("| optimizer | mean loss (last 10%) | / (½v·tr H) |").AppendLine("|---|---|---|");
        for (int i = 0; i < c.Runs.Count; i++)
            sb.AppendLine($"| {names[i]} `{c.Runs[i].Optimizer}` | {Show(c.Runs[i].TailMean())} | {Show(c.Runs[i].TailMean() / c.NewtonOptimalLoss)} |");
        sb.AppendLine().AppendLine($"Newton analytic optimum ½v·tr(H) = {Show(c.NewtonOptimalLoss)} (the paper states 7.412v).");
        if (c.Runs[0].Sigma.Count > 0)
            sb.AppendLine().AppendLine($"LODO σ = √(‖I − G(θ_t)H‖²_F/n): {Show(c.Runs[0].Sigma[0].Sigma)} at step 0, {Show(c.Runs[0].Sigma[^1].Sigma)} at step {c.Runs[0].Sigma[^1].Step} (paper, 100k steps: ≈ 0.749).");
        return sb.ToString();
    }

    private static string Table(BowlComparison c, int every)
    {
        var sb = new StringBuilder("step,lodo_sigma,lodo_loss,adam_loss,momentum_loss,newton_loss\n");
        var sigma = c.Runs[0].Sigma.ToDictionary(s => s.Step, s => s.Sigma);
        int length = c.Runs.Max(r => r.Losses.Count);
        for (int t = every; t <= length; t += every)
        {
            string Window(BowlRun r) => r.Losses.Count >= t ? Show(r.Losses.Skip(t - every).Take(every).Average()) : "";
            sb.Append(CultureInfo.InvariantCulture, $"{t},{(sigma.TryGetValue(t, out var s) ? Show(s) : "")},{Window(c.Runs[0])},{Window(c.Runs[1])},{Window(c.Runs[2])},{Window(c.Runs[3])}\n");
        }
        return sb.ToString();
    }

    private static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
