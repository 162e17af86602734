using ScottPlot;
using ScottPlot.Plottables;

namespace Verification.Figures;

/// <summary>
/// What a plot draws in its data area, and axis limits chosen from it: the frame of every figure is computed from the
/// data it shows (with a margin), so no curve, path or marker runs off the frame.
/// </summary>
internal static class PlotFrame
{
    /// <summary>
    /// Sets the axis limits of <paramref name="plot"/> to the box around its data (<see cref="DataBounds"/>), widened
    /// on each side by <paramref name="marginX"/> of its width and <paramref name="marginY"/> of its height, after
    /// stretching it to contain <paramref name="includeX"/> and <paramref name="includeY"/> (e.g. 0 on a loss axis).
    /// Returns the limits set.
    /// </summary>
    internal static AxisLimits Fit(Plot plot, double marginX = 0.03, double marginY = 0.05, IEnumerable<double>? includeX = null, IEnumerable<double>? includeY = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (!(marginX >= 0 && marginY >= 0 && marginX < 1 && marginY < 1))
            throw new ArgumentException($"Margins are fractions in [0, 1), got {marginX} and {marginY}.", nameof(marginX));
        var data = DataBounds(plot);
        var (left, right) = Stretch(data.Left, data.Right, includeX);
        var (bottom, top) = Stretch(data.Bottom, data.Top, includeY);
        var (x0, x1) = Widen(left, right, marginX);
        var (y0, y1) = Widen(bottom, top, marginY);
        plot.Axes.SetLimits(x0, x1, y0, y1);
        return plot.Axes.GetLimits();
    }

    /// <summary>
    /// The smallest box containing every finite point the plot draws as data: the points of its scatter lines and
    /// markers, the anchors of its text labels, the y of horizontal and the x of vertical reference lines. Contour lines
    /// are a background over a grid, not data, and are not counted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The plot has no finite data point.</exception>
    internal static AxisLimits DataBounds(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var p in plot.GetPlottables().Where(p => p.IsVisible))
        {
            switch (p)
            {
                case Scatter s:
                    foreach (var c in s.Data.GetScatterPoints())
                    {
                        xs.Add(c.X);
                        ys.Add(c.Y);
                    }
                    break;
                case Text t:
                    xs.Add(t.Location.X);
                    ys.Add(t.Location.Y);
                    break;
                case HorizontalLine h:
                    ys.Add(h.Y);
                    break;
                case VerticalLine v:
                    xs.Add(v.X);
                    break;
            }
        }
        var fx = xs.Where(double.IsFinite).ToList();
        var fy = ys.Where(double.IsFinite).ToList();
        if (fx.Count == 0 || fy.Count == 0)
            throw new InvalidOperationException("The plot has no finite data point to frame.");
        return new AxisLimits(fx.Min(), fx.Max(), fy.Min(), fy.Max());
    }

    private static (double Low, double High) Stretch(double low, double high, IEnumerable<double>? include)
    {
        foreach (double v in include ?? [])
        {
            if (!double.IsFinite(v))
                throw new ArgumentException($"A value the frame must include is not finite: {v}.", nameof(include));
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
        return (low, high);
    }

    /// <summary>[low, high] widened by <paramref name="margin"/> of its span on each side; a single value gets ±10 % of its magnitude (±0.1 at 0).</summary>
    private static (double Low, double High) Widen(double low, double high, double margin)
    {
        double span = high - low;
        if (span == 0)
            return (low - Math.Max(Math.Abs(low), 1) * 0.1, high + Math.Max(Math.Abs(high), 1) * 0.1);
        return (low - margin * span, high + margin * span);
    }
}
