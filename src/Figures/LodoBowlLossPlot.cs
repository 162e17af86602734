using ScottPlot;
using Verification.Engine;
using Verification.Optimizers.SecondOrder;

namespace Verification.Figures;

/// <summary>lodo.md Fig. 2 (right), short: tracking loss of LODO, Adam, Momentum and Newton on the noisy bowl, with ½v·tr(H).</summary>
internal sealed class LodoBowlLossPlot(Func<Verification.Optimizers.Lodo.BowlComparison>? source = null, string? caption = null) : IReportPlot
{
    private readonly Func<Verification.Optimizers.Lodo.BowlComparison> source = source ?? (() => LodoBowlPlotData.Comparison.Value);

    public string FileName => "lodo-bowl-loss.png";

    public IReadOnlyList<string> Claims { get; } = ["lodo/app-F.1-newton*", "lodo/alg-1"];

    /// <summary>The optimizers of <see cref="Verification.Optimizers.Lodo.BowlComparison.Runs"/>, in order.</summary>
    internal static readonly string[] Names = ["LODO", "Adam", "Momentum", "Newton"];

    /// <summary>The legend entry of the analytic line, used word for word in the caption.</summary>
    internal const string OptimumName = "Newton's analytic loss ½v·tr(H) = 7.412v";

    public string Caption => caption ??
        $"Tracking loss on the noisy quadratic bowl (n = 100, v = 1, {LodoBowlPlotData.Steps} steps, trailing average over {LodoBowlPlotData.Window} steps) of "
        + string.Join(", ", LegendNames(source())) + $"; dashed: {OptimumName}";

    /// <summary>The legend entries of the runs: each optimizer's name, marked "(stopped)" when its run stopped early.</summary>
    internal static IReadOnlyList<string> LegendNames(Verification.Optimizers.Lodo.BowlComparison data) =>
        data.Runs.Select((run, i) => Names[i] + (run.StoppedBecause is null ? "" : " (stopped)")).ToList();

    public Plot Create(CatalogReport report)
    {
        var data = source();
        var plot = new Plot();
        for (int i = 0; i < data.Runs.Count; i++)
        {
            var run = data.Runs[i];
            // Long runs: a window of 1% of the run, and at most ~2000 plotted points.
            int window = Math.Max(LodoBowlPlotData.Window, run.Losses.Count / 100);
            int stride = Math.Max(1, run.Losses.Count / 2000);
            var averaged = LodoBowlPlotData.MovingAverage(run.Losses, window);
            var ys = averaged.Where((_, t) => t % stride == 0).ToArray();
            var xs = Enumerable.Range(0, averaged.Length).Where(t => t % stride == 0).Select(t => (double)(t + 1)).ToArray();
            PlotLines.Named(plot, xs, ys, LegendNames(data)[i], width: i == 0 ? 3 : 2);
        }
        var optimum = plot.Add.HorizontalLine(data.NewtonOptimalLoss);
        optimum.LinePattern = LinePattern.Dashed;
        optimum.LegendText = OptimumName;
        plot.Title("Noisy quadratic bowl: tracking loss");
        plot.XLabel("step");
        plot.YLabel("loss (moving average)");
        PlotFrame.Fit(plot, marginX: 0.02, marginY: 0.05, includeY: [0]);
        LegendPlacement.Place(plot);
        return plot;
    }
}
