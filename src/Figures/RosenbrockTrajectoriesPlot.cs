using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verification.Engine;
using ScottPlot.Plottables;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;

namespace Verification.Figures;

/// <summary>
/// Paths of the reference optimizers on the Rosenbrock function of lodo.md §5.2, f(x, y) = 0.01(x − 1)² + (x² − y)², from
/// its paper start (−0.5, 2), over contours of f labelled with their values: ELMO and Cauchy with L = 1, Newton,
/// saddle-free Newton, ARC, EigenARC, AMOS and GD. Two panels: every path in full (a frame fitted to all iterates), and
/// the <see cref="Window"/> around the start and the minimum, where paths that leave it are cut at its frame.
/// </summary>
internal sealed class RosenbrockTrajectoriesPlot : IReportPlot
{
    /// <summary>Steps per path.</summary>
    internal const int Steps = 30;

    /// <summary>The detail window of the right panel: it contains the start (−0.5, 2) and the minimum (1, 1).</summary>
    internal const double XMin = -1.5, XMax = 1.75, YMin = -0.5, YMax = 2.75;

    /// <summary>Grid points per axis for the contours.</summary>
    internal const int Grid = 121;

    /// <summary>Widths of the two panels in pixels (the right one also holds the legend).</summary>
    internal const int OverviewWidth = 560, DetailWidth = 960;

    /// <summary>The contours: f = 10^k for these k, where they cross a panel.</summary>
    internal static readonly int[] LevelExponents = [-2, -1, 0, 1, 2, 3, 4, 5];

    /// <summary>The legend entries of the two markers, used word for word in <see cref="Caption"/>.</summary>
    internal const string StartName = "start (−0.5, 2)", MinimumName = "minimum (1, 1)";

    /// <summary>The detail window as a rectangle.</summary>
    internal static CoordinateRect Window => new(XMin, XMax, YMin, YMax);

    /// <summary>The optimizers drawn, in legend order, with the names the legend and the caption give them.</summary>
    internal static IReadOnlyList<(string Name, IOptimizer Optimizer)> Optimizers { get; } =
    [
        ("ELMO (L = 1)", new ElmoOptimizer(new ConstantLipschitz(1))),
        ("Cauchy (L = 1)", new CauchyMethod(new ConstantLipschitz(1))),
        ("Newton", new Newton()),
        ("saddle-free Newton", new SaddleFreeNewton()),
        ("ARC", new Arc()),
        ("EigenARC", new EigenArc()),
        ("AMOS", new Amos(new Sgd(0.05), new SophiaDiagonal(0.05), new AmosSettings(0.1, AlphaL: 0.9))),
        ("GD (η = 0.05)", new GradientDescent(0.05)),
    ];

    private static readonly Lazy<IReadOnlyList<Trajectory>> Recorded = new(() =>
        Optimizers.Select(o => Trajectory.Record(o.Optimizer, new ScaledRosenbrock(), ScaledRosenbrock.PaperStart, Steps)).ToList());

    public string FileName => "rosenbrock-trajectories.png";

    public IReadOnlyList<string> Claims { get; } = ["elmo/alg-*"];

    public string Caption
    {
        get
        {
            var paths = Trajectories();
            var leaving = Enumerable.Range(0, paths.Count).Where(i => Leaves(paths[i])).Select(i => Optimizers[i].Name).ToList();
            string cut = leaving.Count == 0 ? "no path leaves it" : $"{Join(leaving)} leave it and are cut where they cross its frame";
            return $"Paths of {Steps} steps on the Rosenbrock function of lodo §5.2, f(x, y) = 0.01(x − 1)² + (x² − y)², from the {StartName} towards the {MinimumName}, "
                + $"over contours f = 10^k labelled with their values (those the contour grid resolves). Left: every path in full, with the right panel's window dotted; right: the window [{PlotText.Number(XMin)}, {PlotText.Number(XMax)}] × [{PlotText.Number(YMin)}, {PlotText.Number(YMax)}], where {cut}. "
                + $"Final values: {string.Join("; ", Enumerable.Range(0, paths.Count).Select(LegendName))}.";
        }
    }

    /// <summary>Each optimizer's trajectory from the paper start (computed once).</summary>
    internal static IReadOnlyList<Trajectory> Trajectories() => Recorded.Value;

    /// <summary>The legend entry of optimizer <paramref name="index"/>: its name and its final f.</summary>
    internal static string LegendName(int index)
    {
        var t = Trajectories()[index];
        return $"{Optimizers[index].Name}: f = {PlotText.Number(t.FinalValue)}{(t.StoppedBecause is null ? "" : " (stopped)")}";
    }

    /// <summary>Whether some iterate of <paramref name="t"/> lies outside the detail window.</summary>
    internal static bool Leaves(Trajectory t) => t.Points.Any(p => p[0] < XMin || p[0] > XMax || p[1] < YMin || p[1] > YMax);

    public Plot Create(CatalogReport report) => Detail();

    public IReadOnlyList<FigurePanel> Panels(CatalogReport report) => [new FigurePanel(Overview(), OverviewWidth), new FigurePanel(Detail(), DetailWidth)];

    /// <summary>Left panel: every path in full, in a frame fitted to all iterates with a 4 % margin, and the detail window dotted.</summary>
    internal static Plot Overview()
    {
        var plot = new Plot();
        var paths = Trajectories();
        for (int i = 0; i < paths.Count; i++)
            AddPath(plot, paths[i].Points.Select(p => new Coordinates(p[0], p[1])).ToArray(), i, legend: false);
        AddMarkers(plot, legend: false);
        var window = plot.Add.ScatterLine(new[] { XMin, XMax, XMax, XMin, XMin }, new[] { YMin, YMin, YMax, YMax, YMin });
        window.Color = Colors.Black;
        window.LineWidth = 1;
        window.LinePattern = LinePattern.Dotted;
        var limits = PlotFrame.Fit(plot, marginX: 0.04, marginY: 0.04);
        AddContours(plot, limits.Rect);
        plot.Title("Every path in full");
        plot.XLabel("x");
        plot.YLabel("y");
        return plot;
    }

    /// <summary>Right panel: the <see cref="Window"/>, each path cut into the pieces inside it, with the legend outside.</summary>
    internal static Plot Detail()
    {
        var plot = new Plot();
        var paths = Trajectories();
        for (int i = 0; i < paths.Count; i++)
        {
            var pieces = SegmentClip.Polyline(paths[i].Points.Select(p => new Coordinates(p[0], p[1])).ToArray(), Window);
            for (int k = 0; k < pieces.Count; k++)
                AddPath(plot, pieces[k], i, legend: k == 0);
        }
        AddMarkers(plot, legend: true);
        plot.Axes.SetLimits(XMin, XMax, YMin, YMax);
        AddContours(plot, Window);
        plot.Title($"Around the start and the minimum (paths cut at the frame)");
        plot.XLabel("x");
        plot.YLabel("y");
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>log₁₀ f on a <see cref="Grid"/> × <see cref="Grid"/> grid over <paramref name="rect"/> (f = 0 only at (1, 1), floored at 1e-12).</summary>
    internal static Coordinates3d[,] Surface(CoordinateRect rect)
    {
        var f = new ScaledRosenbrock();
        var z = new Coordinates3d[Grid, Grid];
        for (int i = 0; i < Grid; i++)
            for (int j = 0; j < Grid; j++)
            {
                double x = rect.Left + (rect.Right - rect.Left) * j / (Grid - 1), y = rect.Bottom + (rect.Top - rect.Bottom) * i / (Grid - 1);
                z[i, j] = new Coordinates3d(x, y, Math.Log10(Math.Max(f.Value(Vector<double>.Build.DenseOfArray([x, y])), 1e-12)));
            }
        return z;
    }

    /// <summary>
    /// How far, in decades, f at a vertex of a drawn contour may be from the contour's value: the contour of log₁₀ f is
    /// interpolated linearly on the grid, and where the valley is narrower than a grid cell (low levels in the wide left
    /// panel) its vertices miss the level by more; such a level is not drawn rather than drawn in the wrong place.
    /// </summary>
    internal const double ResolvedDecades = 0.05;

    /// <summary>
    /// The contours f = 10^k over <paramref name="rect"/> that the grid resolves (some vertex within
    /// <see cref="ResolvedDecades"/> of the level), each labelled with its value at its best-resolved vertex, preferring
    /// the middle of its longest line.
    /// </summary>
    private static void AddContours(Plot plot, CoordinateRect rect)
    {
        var f = new ScaledRosenbrock();
        double Miss(Coordinates c, double level) =>
            Math.Abs(Math.Log10(Math.Max(f.Value(Vector<double>.Build.DenseOfArray([c.X, c.Y])), 1e-300)) - level);
        var surface = Surface(rect);
        var contours = new ContourLines { ContourLineLevels = LevelExponents.Select(k => (double)k).ToArray() };
        contours.Update(surface);
        plot.Add.Plottable(contours);
        var labels = new List<(double Level, Coordinates At)>();
        foreach (var level in contours.Lines.GroupBy(l => l.Z))
        {
            // Candidates: every vertex inside the panel that lies on the level to within the tolerance; best is on the
            // longest line, nearest its middle.
            var best = level
                .SelectMany(l => l.Path.Points.Select((c, i) => (c, Length: l.Path.Points.Length, FromMiddle: Math.Abs(i - l.Path.Points.Length / 2))))
                .Where(v => v.c.X >= rect.Left && v.c.X <= rect.Right && v.c.Y >= rect.Bottom && v.c.Y <= rect.Top && Miss(v.c, level.Key) <= ResolvedDecades)
                .OrderByDescending(v => v.Length).ThenBy(v => v.FromMiddle)
                .Select(v => (Coordinates?)v.c)
                .FirstOrDefault();
            if (best is { } at)
                labels.Add((level.Key, at));
        }
        if (labels.Count < contours.Lines.Select(l => l.Z).Distinct().Count())
        {
            // Draw only the resolved levels.
            contours.ContourLineLevels = labels.Select(l => l.Level).ToArray();
            contours.Update(surface);
        }
        contours.LineColor = Colors.Gray.WithAlpha(0.6);
        contours.LabelStyle.IsVisible = false;
        foreach (var (level, at) in labels)
        {
            var label = plot.Add.Text(LevelLabel((int)Math.Round(level)), at.X, at.Y);
            label.LabelFontSize = 11;
            label.LabelFontColor = Colors.DimGray;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            label.LabelAlignment = Alignment.MiddleCenter;
        }
        // Contours and their labels behind the paths.
        plot.MoveToBack(contours);
    }

    /// <summary>The value 10^k as a short label: 0.01, 0.1, 1, 10, 100, then 1e3, 1e4, ….</summary>
    internal static string LevelLabel(int k) => k switch
    {
        >= -2 and <= 2 => Math.Pow(10, k).ToString("0.##", CultureInfo.InvariantCulture),
        _ => "1e" + k.ToString(CultureInfo.InvariantCulture),
    };

    private static void AddPath(Plot plot, Coordinates[] points, int index, bool legend)
    {
        var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
        line.Color = Palette.GetColor(index);
        line.LineWidth = 2;
        line.MarkerSize = 4;
        line.LinePattern = index % 2 == 0 ? LinePattern.Solid : LinePattern.Dashed;
        if (legend)
            line.LegendText = LegendName(index);
    }

    private static void AddMarkers(Plot plot, bool legend)
    {
        var start = plot.Add.ScatterPoints(new[] { ScaledRosenbrock.PaperStart[0] }, new[] { ScaledRosenbrock.PaperStart[1] });
        start.MarkerSize = 10;
        start.Color = Colors.Black;
        start.MarkerShape = MarkerShape.FilledSquare;
        var min = plot.Add.ScatterPoints(new[] { 1.0 }, new[] { 1.0 });
        min.MarkerShape = MarkerShape.FilledDiamond;
        min.MarkerSize = 14;
        min.Color = Colors.Magenta;
        if (legend)
        {
            start.LegendText = StartName;
            min.LegendText = MinimumName;
        }
    }

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
