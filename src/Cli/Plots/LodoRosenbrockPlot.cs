using ScottPlot;
using Verification.Engine;
using Verification.Optimizers.Lodo;

namespace Verification.Cli.Plots;

/// <summary>lodo.md Fig. 3: 200-step trajectories of LODO, Adam and Momentum on the scaled Rosenbrock function from (−0.5, 2).</summary>
internal sealed class LodoRosenbrockPlot : IReportPlot
{
    internal const int Seed = 1;

    public string FileName => "lodo-rosenbrock.png";

    public string Caption => $"Trajectories on f(x, y) = 0.01(x − 1)² + (x² − y)² from (−0.5, 2), {RosenbrockExperiment.Steps} steps, Table 6 hyperparameters";

    public Plot Create(CatalogReport report)
    {
        var plot = new Plot();
        string[] names = ["LODO", "Adam", "Momentum"];
        var runs = RosenbrockExperiment.Run(Seed);
        for (int i = 0; i < runs.Count; i++)
        {
            var line = plot.Add.ScatterLine(runs[i].Points.Select(p => p[0]).ToArray(), runs[i].Points.Select(p => p[1]).ToArray());
            line.LegendText = names[i] + (runs[i].StoppedBecause is null ? "" : " (stopped)");
            line.LineWidth = 2;
        }
        var start = plot.Add.ScatterPoints(new[] { -0.5 }, new[] { 2.0 });
        start.MarkerShape = MarkerShape.FilledSquare;
        start.MarkerSize = 10;
        start.LegendText = "start (−0.5, 2)";
        var minimum = plot.Add.ScatterPoints(new[] { 1.0 }, new[] { 1.0 });
        minimum.MarkerShape = MarkerShape.FilledDiamond;
        minimum.MarkerSize = 12;
        minimum.LegendText = "minimum (1, 1)";
        plot.Title("Scaled Rosenbrock, 200 steps");
        plot.XLabel("x");
        plot.YLabel("y");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
