using ScottPlot;
using Verification.Engine;

namespace Verification.Cli.Plots;

/// <summary>lodo.md Fig. 2 (right), short: tracking loss of LODO, Adam, Momentum and Newton on the noisy bowl, with ½v·tr(H).</summary>
internal sealed class LodoBowlLossPlot(Func<Verification.Optimizers.Lodo.BowlComparison>? source = null, string? caption = null) : IReportPlot
{
    private readonly Func<Verification.Optimizers.Lodo.BowlComparison> source = source ?? (() => LodoBowlPlotData.Comparison.Value);

    public string FileName => "lodo-bowl-loss.png";

    public string Caption => caption ?? $"LODO, Adam, Momentum and Newton tracking the noisy quadratic bowl (n = 100, v = 1, {LodoBowlPlotData.Steps} steps, {LodoBowlPlotData.Window}-step average); dashed: Newton's analytic 7.412";

    public Plot Create(CatalogReport report)
    {
        var data = source();
        var plot = new Plot();
        string[] names = ["LODO", "Adam", "Momentum", "Newton"];
        for (int i = 0; i < data.Runs.Count; i++)
        {
            var run = data.Runs[i];
            // Long runs: a window of 1% of the run, and at most ~2000 plotted points.
            int window = System.Math.Max(LodoBowlPlotData.Window, run.Losses.Count / 100);
            int stride = System.Math.Max(1, run.Losses.Count / 2000);
            var averaged = LodoBowlPlotData.MovingAverage(run.Losses, window);
            var ys = averaged.Where((_, t) => t % stride == 0).ToArray();
            var xs = Enumerable.Range(0, averaged.Length).Where(t => t % stride == 0).Select(t => (double)(t + 1)).ToArray();
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = names[i] + (run.StoppedBecause is null ? "" : " (stopped)");
            line.LineWidth = i == 0 ? 3 : 2;
        }
        var optimum = plot.Add.HorizontalLine(data.NewtonOptimalLoss);
        optimum.LinePattern = LinePattern.Dashed;
        optimum.LegendText = "½v·tr(H) = 7.412v";
        plot.Title("Noisy quadratic bowl: tracking loss");
        plot.XLabel("step");
        plot.YLabel("loss (moving average)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
