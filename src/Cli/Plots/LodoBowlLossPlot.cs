using ScottPlot;
using Verification.Claims.Engine;

namespace Verification.Cli.Plots;

/// <summary>lodo.md Fig. 2 (right), short: tracking loss of LODO, Adam, Momentum and Newton on the noisy bowl, with ½v·tr(H).</summary>
internal sealed class LodoBowlLossPlot : IReportPlot
{
    public string FileName => "lodo-bowl-loss.png";

    public string Caption => $"LODO, Adam, Momentum and Newton tracking the noisy quadratic bowl (n = 100, v = 1, {LodoBowlPlotData.Steps} steps, {LodoBowlPlotData.Window}-step average); dashed: Newton's analytic 7.412";

    public Plot Create(CatalogReport report)
    {
        var data = LodoBowlPlotData.Comparison.Value;
        var plot = new Plot();
        string[] names = ["LODO", "Adam", "Momentum", "Newton"];
        for (int i = 0; i < data.Runs.Count; i++)
        {
            var run = data.Runs[i];
            var ys = LodoBowlPlotData.MovingAverage(run.Losses, LodoBowlPlotData.Window);
            var xs = Enumerable.Range(1, ys.Length).Select(t => (double)t).ToArray();
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
