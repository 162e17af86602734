using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using ScottPlot.Plottables;
using Verification.Figures;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Regression.Plots;

/// <summary>
/// The Rosenbrock figure against the trajectories themselves: the left panel's frame holds every iterate, the right
/// panel holds only pieces of paths cut at its window, the caption names the paths that leave it, and each contour
/// label is the value of f on its line.
/// </summary>
public class RosenbrockTrajectoriesPlotExamples
{
    /// <summary>
    /// How far, in decades, f at a contour label's anchor may be from the label's value. The anchor is a vertex of the
    /// contour of log₁₀ f interpolated linearly on a 121 × 121 grid, so it is off by the interpolation error; a label on
    /// the wrong line, or showing log₁₀ f instead of f, is a whole decade or more off.
    /// </summary>
    private const double LabelDecades = 0.1;

    [Fact]
    public void Overview_FrameHoldsEveryIterateOfEveryPath()
    {
        var plot = RosenbrockTrajectoriesPlot.Overview();
        plot.RenderInMemory(RosenbrockTrajectoriesPlot.OverviewWidth, PlotFile.Height);
        var limits = plot.Axes.GetLimits();
        foreach (var t in RosenbrockTrajectoriesPlot.Trajectories())
            foreach (var p in t.Points)
                Assert.True(p[0] >= limits.Left && p[0] <= limits.Right && p[1] >= limits.Bottom && p[1] <= limits.Top,
                    $"{t.Optimizer}: ({p[0]:R}, {p[1]:R}) lies outside the overview frame {limits}.");
    }

    [Fact]
    public void Detail_CutsThePathsThatLeaveTheWindow_AndTheCaptionNamesThem()
    {
        var paths = RosenbrockTrajectoriesPlot.Trajectories();
        var window = RosenbrockTrajectoriesPlot.Window;
        // ELMO with L = 1 jumps to x ≈ −11.9 in its first step: the case the window has to handle honestly.
        Assert.True(RosenbrockTrajectoriesPlot.Leaves(paths[0]), "ELMO's path was expected to leave the window.");
        string caption = new RosenbrockTrajectoriesPlot().Caption;
        // The sentence on the right panel ("where A, B and C leave it") names exactly the paths with an iterate outside the window.
        int from = caption.IndexOf("where ", StringComparison.Ordinal) + "where ".Length;
        string list = caption[from..caption.IndexOf(" leave it", from, StringComparison.Ordinal)];
        var named = list.Split(", ").SelectMany(n => n.Split(" and ")).ToHashSet();
        var expected = Enumerable.Range(0, paths.Count).Where(i => RosenbrockTrajectoriesPlot.Leaves(paths[i])).Select(i => RosenbrockTrajectoriesPlot.Optimizers[i].Name).ToHashSet();
        Assert.Equal(expected, named);

        var detail = RosenbrockTrajectoriesPlot.Detail();
        var limits = detail.Axes.GetLimits();
        Assert.Equal((window.Left, window.Right, window.Bottom, window.Top), (limits.Left, limits.Right, limits.Bottom, limits.Top));
        foreach (var s in detail.GetPlottables<Scatter>())
        {
            var pts = s.Data.GetScatterPoints();
            Assert.All(pts, c => Assert.True(c.X >= window.Left && c.X <= window.Right && c.Y >= window.Bottom && c.Y <= window.Top, $"{c} outside the window"));
            // A piece ends at an iterate or where the path crosses the frame, never in the open interior elsewhere.
            foreach (var end in new[] { pts[0], pts[^1] })
            {
                bool iterate = paths.Any(t => t.Points.Any(p => p[0] == end.X && p[1] == end.Y)) || (end.X == 1 && end.Y == 1);
                bool onFrame = end.X == window.Left || end.X == window.Right || end.Y == window.Bottom || end.Y == window.Top;
                Assert.True(iterate || onFrame, $"a piece ends at {end}, neither an iterate nor on the frame");
            }
        }
    }

    [Fact]
    public void ContourLabels_AreTheValueOfFOnTheirLine()
    {
        var f = new ScaledRosenbrock();
        foreach (var (plot, name) in new[] { (RosenbrockTrajectoriesPlot.Overview(), "overview"), (RosenbrockTrajectoriesPlot.Detail(), "detail") })
        {
            var labels = plot.GetPlottables<Text>().ToList();
            // The detail window spans f from 0 to about 13, so at least the contours 0.01, 0.1, 1 and 10 cross it.
            Assert.True(labels.Count >= 4, $"{name}: only {labels.Count} contour labels.");
            foreach (var label in labels)
            {
                double value = double.Parse(label.LabelText, NumberStyles.Float, CultureInfo.InvariantCulture);
                double at = f.Value(Vector<double>.Build.DenseOfArray([label.Location.X, label.Location.Y]));
                double decades = Math.Abs(Math.Log10(at) - Math.Log10(value));
                Assert.True(decades <= LabelDecades, $"{name}: the label '{label.LabelText}' sits where f = {at:G4} ({decades:F3} decades off).");
            }
            Assert.Equal(labels.Count, labels.Select(l => l.LabelText).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(-2, "0.01")]
    [InlineData(0, "1")]
    [InlineData(2, "100")]
    [InlineData(3, "1e3")]
    [InlineData(5, "1e5")]
    public void LevelLabel_WritesTenToTheK(int k, string expected) => Assert.Equal(expected, RosenbrockTrajectoriesPlot.LevelLabel(k));
}
