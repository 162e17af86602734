using ScottPlot;
using ScottPlot.Plottables;

namespace Verification.Figures;

/// <summary>
/// Puts a plot's legend where it hides no data: in the first corner of the data area where the legend's box (as
/// ScottPlot lays it out, with its shadow and <see cref="Clearance"/>) meets no drawn line, marker or label, and outside
/// the data area, right of it, when every corner is taken. Decided on the rendered layout at the figure's size.
/// </summary>
internal static class LegendPlacement
{
    /// <summary>Pixels kept free between the legend's box and the ink of any data.</summary>
    internal const float Clearance = 4;

    /// <summary>The corners tried, in order, when a plot states no preference.</summary>
    internal static readonly Alignment[] Corners = [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft];

    /// <summary>
    /// Shows the legend of <paramref name="plot"/> in the first of <paramref name="preference"/> (default
    /// <see cref="Corners"/>) where it covers no data at <paramref name="width"/> × <paramref name="height"/> pixels,
    /// or outside the data area on the right. Set the axis limits first. Returns the corner, or null for outside.
    /// </summary>
    internal static Alignment? Place(Plot plot, int width = PlotFile.Width, int height = PlotFile.Height, IReadOnlyList<Alignment>? preference = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (plot.Legend.GetItems().Length == 0)
            throw new ArgumentException("The plot has no legend entries to place.", nameof(plot));
        plot.RenderInMemory(width, height);
        foreach (var corner in preference ?? Corners)
        {
            if (!Covers(plot, Box(plot, corner)))
            {
                plot.ShowLegend(corner);
                return corner;
            }
        }
        plot.ShowLegend(Edge.Right);
        return null;
    }

    /// <summary>
    /// The pixel box the legend of <paramref name="plot"/> takes inside its data area at <paramref name="corner"/>,
    /// shadow included, laid out as ScottPlot's legend lays itself out, on the plot's last render.
    /// </summary>
    internal static PixelRect Box(Plot plot, Alignment corner)
    {
        var legend = plot.Legend;
        var area = plot.LastRender.DataRect.Contract(legend.Margin);
        using var paint = Paint.NewDisposablePaint();
        var layout = legend.Layout.GetLayout(legend, legend.GetItems(), area.Size, paint);
        var box = new PixelRect(layout.LegendRect.Size).AlignedInside(area, corner);
        return new PixelRect(
            Math.Min(box.Left, box.Left + legend.ShadowOffset.X), Math.Max(box.Right, box.Right + legend.ShadowOffset.X),
            Math.Max(box.Bottom, box.Bottom + legend.ShadowOffset.Y), Math.Min(box.Top, box.Top + legend.ShadowOffset.Y));
    }

    /// <summary>Whether any data the plot draws comes within <see cref="Clearance"/> pixels of <paramref name="box"/>.</summary>
    internal static bool Covers(Plot plot, PixelRect box)
    {
        foreach (var (pixels, reachX, reachY, isBox) in DrawnMarks(plot))
        {
            // Grow the box by the ink's reach instead of growing every segment: the same test, done once.
            float left = box.Left - reachX - Clearance, right = box.Right + reachX + Clearance;
            float top = box.Top - reachY - Clearance, bottom = box.Bottom + reachY + Clearance;
            if (isBox)
            {
                if (pixels[0].X <= right && pixels[1].X >= left && pixels[0].Y <= bottom && pixels[1].Y >= top)
                    return true;
                continue;
            }
            if (pixels.Length == 1 && SegmentClip.Meets(pixels[0].X, pixels[0].Y, pixels[0].X, pixels[0].Y, left, right, top, bottom))
                return true;
            for (int i = 0; i + 1 < pixels.Length; i++)
                if (SegmentClip.Meets(pixels[i].X, pixels[i].Y, pixels[i + 1].X, pixels[i + 1].Y, left, right, top, bottom))
                    return true;
        }
        return false;
    }

    /// <summary>
    /// Everything the plot draws in its data area, in pixels of its last render: polylines (one point for a lone marker)
    /// with how far their ink reaches from them, horizontally and vertically (half the line width or marker size), and
    /// boxes (a text label's rendered rectangle, given by its top-left and bottom-right corners). Reference lines span
    /// the current axis limits.
    /// </summary>
    /// <exception cref="NotSupportedException">A visible plottable of a kind not listed here: teach this method its shape.</exception>
    internal static IEnumerable<(Pixel[] Pixels, float ReachX, float ReachY, bool IsBox)> DrawnMarks(Plot plot)
    {
        var limits = plot.Axes.GetLimits();
        Pixel[] ToPixels(IEnumerable<Coordinates> points) => points.Select(c => plot.GetPixel(c)).ToArray();
        foreach (var p in plot.GetPlottables().Where(p => p.IsVisible))
        {
            switch (p)
            {
                case Scatter s:
                {
                    var pixels = ToPixels(s.Data.GetScatterPoints());
                    float reach = Math.Max(s.LineWidth, s.MarkerSize) / 2;
                    if (s.LineWidth > 0)
                        yield return (pixels, reach, reach, false);
                    else
                        foreach (var c in pixels)
                            yield return ([c], reach, reach, false);
                    break;
                }
                case HorizontalLine h:
                    yield return (ToPixels([new Coordinates(limits.Left, h.Y), new Coordinates(limits.Right, h.Y)]), h.LineWidth / 2, h.LineWidth / 2, false);
                    break;
                case VerticalLine v:
                    yield return (ToPixels([new Coordinates(v.X, limits.Bottom), new Coordinates(v.X, limits.Top)]), v.LineWidth / 2, v.LineWidth / 2, false);
                    break;
                case ContourLines contours:
                    foreach (var line in contours.Lines)
                        yield return (ToPixels(line.Path.Points), contours.LineWidth / 2, contours.LineWidth / 2, false);
                    break;
                case Text t:
                {
                    var r = t.LabelLastRenderPixelRect;
                    yield return ([new Pixel(r.Left, r.Top), new Pixel(r.Right, r.Bottom)], 0, 0, true);
                    break;
                }
                default:
                    throw new NotSupportedException($"LegendPlacement does not know where a {p.GetType().Name} draws; add it to DrawnMarks.");
            }
        }
    }
}
