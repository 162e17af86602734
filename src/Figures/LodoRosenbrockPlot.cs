using ScottPlot;
using Verification.Engine;
using Verification.Optimizers;
using Verification.Optimizers.Lodo;

namespace Verification.Figures;

/// <summary>lodo.md Fig. 3: 200-step trajectories of LODO, Adam and Momentum on the scaled Rosenbrock function from (−0.5, 2).</summary>
internal sealed class LodoRosenbrockPlot : IReportPlot
{
    internal const int Seed = 1;

    /// <summary>The optimizers of <see cref="RosenbrockExperiment.Optimizers"/>, in order.</summary>
    internal static readonly string[] Names = ["LODO", "Adam", "Momentum"];

    /// <summary>The legend entries of the two markers, used word for word in <see cref="Caption"/>.</summary>
    internal const string StartName = "start (−0.5, 2)", MinimumName = "minimum (1, 1)";

    private static readonly Lazy<IReadOnlyList<Trajectory>> Runs = new(() => RosenbrockExperiment.Run(Seed));

    public string FileName => "lodo-rosenbrock.png";

    public IReadOnlyList<string> Claims { get; } = ["lodo/alg-1"];

    public string Caption =>
        $"Trajectories of {string.Join(", ", LegendNames())} on f(x, y) = 0.01(x − 1)² + (x² − y)² from the {StartName} towards the {MinimumName}, "
        + $"{RosenbrockExperiment.Steps} steps, Table 6 hyperparameters (seed {Seed})";

    /// <summary>The legend entries of the runs: each optimizer's name, marked "(stopped)" when its run stopped early.</summary>
    internal static IReadOnlyList<string> LegendNames() =>
        Runs.Value.Select((run, i) => Names[i] + (run.StoppedBecause is null ? "" : " (stopped)")).ToList();

    public Plot Create(CatalogReport report)
    {
        var plot = new Plot();
        var runs = Runs.Value;
        for (int i = 0; i < runs.Count; i++)
            PlotLines.Named(plot, runs[i].Points.Select(p => p[0]).ToArray(), runs[i].Points.Select(p => p[1]).ToArray(), LegendNames()[i]);
        var start = plot.Add.ScatterPoints(new[] { -0.5 }, new[] { 2.0 });
        start.MarkerShape = MarkerShape.FilledSquare;
        start.MarkerSize = 10;
        start.LegendText = StartName;
        var minimum = plot.Add.ScatterPoints(new[] { 1.0 }, new[] { 1.0 });
        minimum.MarkerShape = MarkerShape.FilledDiamond;
        minimum.MarkerSize = 12;
        minimum.LegendText = MinimumName;
        plot.Title($"Scaled Rosenbrock, {RosenbrockExperiment.Steps} steps");
        plot.XLabel("x");
        plot.YLabel("y");
        PlotFrame.Fit(plot, marginX: 0.04, marginY: 0.05);
        LegendPlacement.Place(plot);
        return plot;
    }
}
