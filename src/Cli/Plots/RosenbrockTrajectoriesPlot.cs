using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verification.Engine;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Reference;

namespace Verification.Cli.Plots;

/// <summary>
/// Paths of the reference optimizers on the Rosenbrock function of lodo.md §5.2 from its paper start (−0.5, 2),
/// over contours of log₁₀ f: ELMO and Cauchy with L = 1, Newton, saddle-free Newton, ARC, EigenARC, AMOS and GD.
/// </summary>
internal sealed class RosenbrockTrajectoriesPlot : IReportPlot
{
    /// <summary>Steps per path.</summary>
    internal const int Steps = 30;

    /// <summary>The plotted window.</summary>
    internal const double XMin = -1.5, XMax = 1.75, YMin = -0.5, YMax = 2.75;

    /// <summary>Grid points per axis for the contours.</summary>
    internal const int Grid = 81;

    public string FileName => "rosenbrock-trajectories.png";

    public string Caption => $"Paths of {Steps} steps of each reference optimizer on the Rosenbrock function of lodo §5.2 from (−0.5, 2), over contours of log₁₀ f";

    /// <summary>The optimizers drawn, in legend order.</summary>
    internal static IReadOnlyList<IOptimizer> Optimizers { get; } =
    [
        new ElmoOptimizer(new ConstantLipschitz(1)),
        new CauchyMethod(new ConstantLipschitz(1)),
        new Newton(),
        new SaddleFreeNewton(),
        new Arc(),
        new EigenArc(),
        new Amos(new ElementwiseSgd(0.05), new SophiaDiagonal(0.05), new AmosSettings(0.1, AlphaL: 0.9)),
        new GradientDescent(0.05),
    ];

    /// <summary>Each optimizer's trajectory from the paper start.</summary>
    internal static IReadOnlyList<Trajectory> Trajectories() =>
        Optimizers.Select(o => Trajectory.Record(o, new ScaledRosenbrock(), ScaledRosenbrock.PaperStart, Steps)).ToList();

    /// <summary>log₁₀(f + 1e-4) on the grid (the offset keeps the minimum's 0 finite).</summary>
    internal static Coordinates3d[,] Surface()
    {
        var f = new ScaledRosenbrock();
        var z = new Coordinates3d[Grid, Grid];
        for (int i = 0; i < Grid; i++)
            for (int j = 0; j < Grid; j++)
            {
                double x = XMin + (XMax - XMin) * j / (Grid - 1), y = YMin + (YMax - YMin) * i / (Grid - 1);
                z[i, j] = new Coordinates3d(x, y, System.Math.Log10(f.Value(Vector<double>.Build.DenseOfArray([x, y])) + 1e-4));
            }
        return z;
    }

    public Plot Create(CatalogReport report)
    {
        var plot = new Plot();
        var contours = plot.Add.ContourLines(Surface());
        contours.LineColor = Colors.Gray.WithAlpha(0.6);
        contours.LabelStyle.IsVisible = false;
        int legendIndex = 0;
        foreach (var t in Trajectories())
        {
            // Clip to the window: a path that leaves it (Newton toward a saddle, an indefinite step) is drawn to the edge.
            var pts = t.Points.Select(p => (X: System.Math.Clamp(p[0], XMin, XMax), Y: System.Math.Clamp(p[1], YMin, YMax))).ToArray();
            var line = plot.Add.ScatterLine(pts.Select(p => p.X).ToArray(), pts.Select(p => p.Y).ToArray());
            line.LegendText = $"{t.Optimizer.Split('(')[0]}: f = {t.FinalValue.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}{(t.StoppedBecause is null ? "" : " (stopped)")}";
            line.LineWidth = 2;
            line.MarkerSize = 4;
            line.LinePattern = legendIndex++ % 2 == 0 ? LinePattern.Solid : LinePattern.Dashed;
        }
        var start = plot.Add.ScatterPoints(new[] { ScaledRosenbrock.PaperStart[0] }, new[] { ScaledRosenbrock.PaperStart[1] });
        start.MarkerSize = 10;
        start.LegendText = "start (−0.5, 2)";
        var min = plot.Add.ScatterPoints(new[] { 1.0 }, new[] { 1.0 });
        min.MarkerShape = MarkerShape.FilledDiamond;
        min.MarkerSize = 14;
        min.LegendText = "minimum (1, 1)";
        plot.Title($"Rosenbrock (lodo §5.2): {Steps} steps from (−0.5, 2)");
        plot.XLabel("x");
        plot.YLabel("y");
        plot.Axes.SetLimits(XMin, XMax, YMin, YMax);
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
