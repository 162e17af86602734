using ScottPlot;
using ScottPlot.Panels;
using ScottPlot.Plottables;
using Verification.Engine;
using Verification.Figures;
using Xunit;

namespace Verification.Tests.Regression.Plots;

/// <summary>
/// Every registered figure, built and rendered once per test run at its final size (as <c>verify</c> renders it), for
/// the layout checks; shared by every class that takes it as a fixture. The tests only read the plots.
/// </summary>
public sealed class RenderedFigures
{
    private static readonly Lazy<IReadOnlyDictionary<string, (IReportPlot Figure, IReadOnlyList<FigurePanel> Panels)>> Built = new(() =>
    {
        var report = new CatalogReport(1, 1, []);
        return PlotRegistry.All.ToDictionary(p => p.FileName, p =>
        {
            var panels = p.Panels(report);
            PlotFile.RenderPng(panels); // lays every panel out: axis limits, data area and legend are final
            return (p, panels);
        });
    });

    internal IReadOnlyDictionary<string, (IReportPlot Figure, IReadOnlyList<FigurePanel> Panels)> ByFile => Built.Value;
}

/// <summary>
/// The layout of every figure <c>verify</c> writes, read from the rendered plots (axis limits, the data area in pixels,
/// the legend's laid-out size and alignment) and never from pixels of the image: the frame contains every plotted
/// point, a legend inside the data area comes near no drawn data, both axes are labelled, and the legend's names are
/// the caption's.
/// </summary>
public class FigureLayoutExamples(RenderedFigures figures) : IClassFixture<RenderedFigures>
{
    /// <summary>Sampling step along drawn segments, in pixels: finer than any line is wide, so no crossing is missed.</summary>
    private const float SampleStep = 0.5f;

    public static TheoryData<string> Files => [.. PlotRegistry.All.Select(p => p.FileName)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Frame_ContainsEveryPlottedPoint(string file)
    {
        foreach (var (plot, where) in Panels(file))
        {
            var limits = plot.Axes.GetLimits();
            foreach (var (point, what) in PlottedPoints(plot))
            {
                if (!(double.IsFinite(point.X) && double.IsFinite(point.Y)))
                    Assert.Fail($"{where}: {what} has a non-finite point {point}.");
                if (!(point.X >= limits.Left && point.X <= limits.Right && point.Y >= limits.Bottom && point.Y <= limits.Top))
                    Assert.Fail($"{where}: {what} has the point ({point.X:R}, {point.Y:R}) outside the frame {limits}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Legend_InsideTheDataArea_ComesNearNoData(string file)
    {
        foreach (var (plot, where) in Panels(file))
        {
            var legend = plot.Legend;
            if (legend.GetItems().Length == 0)
                continue;
            if (!legend.IsVisible)
            {
                // Not drawn inside: then it must be drawn in a panel beside the data area.
                Assert.True(plot.Axes.GetPanels().OfType<LegendPanel>().Any(), $"{where}: the legend has entries but is shown nowhere.");
                continue;
            }
            var box = LegendBox(plot);
            foreach (var (pixel, reach, what) in DrawnPixels(plot))
            {
                bool inside = pixel.X >= box.Left - reach && pixel.X <= box.Right + reach && pixel.Y >= box.Top - reach && pixel.Y <= box.Bottom + reach;
                if (inside) // (the message is built only on failure: this loop visits every sampled pixel)
                    Assert.Fail($"{where}: the legend at {legend.Alignment} ({box}) covers {what} at pixel ({pixel.X:F1}, {pixel.Y:F1}).");
            }
            foreach (var text in plot.GetPlottables<Text>())
            {
                var r = text.LabelLastRenderPixelRect;
                bool overlaps = r.Left <= box.Right && r.Right >= box.Left && r.Top <= box.Bottom && r.Bottom >= box.Top;
                Assert.False(overlaps, $"{where}: the legend ({box}) covers the label '{text.LabelText}' ({r}).");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Axes_AreLabelled(string file)
    {
        foreach (var (plot, where) in Panels(file))
        {
            Assert.False(string.IsNullOrWhiteSpace(plot.Axes.Bottom.Label.Text), $"{where}: the x axis has no label.");
            Assert.False(string.IsNullOrWhiteSpace(plot.Axes.Left.Label.Text), $"{where}: the y axis has no label.");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void LegendNames_AreTheCaptionsNames(string file)
    {
        var (figure, _) = figures.ByFile[file];
        string caption = figure.Caption;
        foreach (var (plot, where) in Panels(file))
            foreach (var item in plot.Legend.GetItems())
                Assert.True(caption.Contains(item.LabelText, StringComparison.Ordinal),
                    $"{where}: the legend says '{item.LabelText}', which the caption does not: \"{caption}\"");
    }

    [Fact]
    public void RatioPlot_LegendLeavesThePlateauAtFiveFree()
    {
        // The region to protect: the λ = −1 curve where it is within 0.1 of Lemma C.2's bound 5, with Lemma C.2's line.
        var (plot, where) = Assert.Single(Panels("ratio-m-over-M.png"));
        Assert.True(plot.Legend.IsVisible, $"{where}: expected the legend inside the data area, in a free corner.");
        var box = LegendBox(plot);
        var topLeft = plot.GetCoordinates(new Pixel(box.Left, box.Top));
        var bottomRight = plot.GetCoordinates(new Pixel(box.Right, box.Bottom));
        var concave = plot.GetPlottables<Scatter>().Single(s => s.LegendText == RatioMOverMPlot.Concave).Data.GetScatterPoints();
        var plateau = concave.Where(c => c.Y >= 4.9).ToList();
        Assert.NotEmpty(plateau);
        Assert.True(topLeft.Y < 4.9, $"{where}: the legend reaches y = {topLeft.Y:R}, into the plateau at 5.");
        Assert.DoesNotContain(plateau, c => c.X >= topLeft.X && c.X <= bottomRight.X && c.Y <= topLeft.Y && c.Y >= bottomRight.Y);
    }

    /// <summary>The panels of <paramref name="file"/> with a name for messages.</summary>
    private IEnumerable<(Plot Plot, string Where)> Panels(string file)
    {
        var panels = figures.ByFile[file].Panels;
        return panels.Select((p, i) => (p.Plot, panels.Count == 1 ? file : $"{file} panel {i + 1}"));
    }

    /// <summary>
    /// The legend's box as ScottPlot drew it: its rendered size, aligned inside the data area less the legend's margin,
    /// widened by its shadow.
    /// </summary>
    private static PixelRect LegendBox(Plot plot)
    {
        var legend = plot.Legend;
        var area = plot.LastRender.DataRect.Contract(legend.Margin);
        var box = new PixelRect(legend.LastRenderSize).AlignedInside(area, legend.Alignment);
        return new PixelRect(box.Left, box.Right + Math.Max(0, legend.ShadowOffset.X), box.Bottom + Math.Max(0, legend.ShadowOffset.Y), box.Top);
    }

    /// <summary>Every point the plot draws as data, in plot coordinates: scatter points, label anchors, reference-line positions.</summary>
    private static IEnumerable<(Coordinates Point, string What)> PlottedPoints(Plot plot)
    {
        var limits = plot.Axes.GetLimits();
        foreach (var p in plot.GetPlottables().Where(p => p.IsVisible))
        {
            switch (p)
            {
                case Scatter s:
                    foreach (var c in s.Data.GetScatterPoints())
                        yield return (c, $"the series '{s.LegendText}'");
                    break;
                case Text t:
                    yield return (t.Location, $"the label '{t.LabelText}'");
                    break;
                case HorizontalLine h:
                    yield return (new Coordinates(limits.Left, h.Y), $"the line y = {h.Y}");
                    break;
                case VerticalLine v:
                    yield return (new Coordinates(v.X, limits.Bottom), $"the line x = {v.X}");
                    break;
            }
        }
    }

    /// <summary>
    /// Points on everything the plot draws as lines or markers, in pixels, every <see cref="SampleStep"/> along each
    /// segment, with the reach of the ink around them (half the line width or marker size).
    /// </summary>
    private static IEnumerable<(Pixel Pixel, float Reach, string What)> DrawnPixels(Plot plot)
    {
        var limits = plot.Axes.GetLimits();
        foreach (var p in plot.GetPlottables().Where(p => p.IsVisible))
        {
            var (paths, reach, what) = p switch
            {
                Scatter s => (s.LineWidth > 0 ? [s.Data.GetScatterPoints().ToArray()] : s.Data.GetScatterPoints().Select(c => new[] { c }).ToArray(),
                    Math.Max(s.LineWidth, s.MarkerSize) / 2, $"the series '{s.LegendText}'"),
                HorizontalLine h => ([[new Coordinates(limits.Left, h.Y), new Coordinates(limits.Right, h.Y)]], h.LineWidth / 2, $"the line y = {h.Y}"),
                VerticalLine v => ([[new Coordinates(v.X, limits.Bottom), new Coordinates(v.X, limits.Top)]], v.LineWidth / 2, $"the line x = {v.X}"),
                ContourLines c => (c.Lines.Select(l => l.Path.Points).ToArray(), c.LineWidth / 2, "a contour line"),
                _ => (Array.Empty<Coordinates[]>(), 0f, ""),
            };
            foreach (var path in paths)
            {
                var pixels = path.Select(c => plot.GetPixel(c)).ToArray();
                if (pixels.Length == 1)
                    yield return (pixels[0], reach, what);
                for (int i = 0; i + 1 < pixels.Length; i++)
                {
                    var (a, b) = (pixels[i], pixels[i + 1]);
                    double length = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
                    int n = Math.Max(1, (int)Math.Ceiling(length / SampleStep));
                    for (int k = 0; k <= n; k++)
                        yield return (new Pixel(a.X + (b.X - a.X) * k / n, a.Y + (b.Y - a.Y) * k / n), reach, what);
                }
            }
        }
    }
}
