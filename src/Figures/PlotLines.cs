using ScottPlot;
using ScottPlot.Plottables;

namespace Verification.Figures;

/// <summary>The named curves of the figures: a line with its legend entry, in one place.</summary>
internal static class PlotLines
{
    /// <summary>
    /// Adds the line through (<paramref name="xs"/>, <paramref name="ys"/>) named <paramref name="legend"/> in the
    /// legend, <paramref name="width"/> pixels wide (2 unless a curve is to stand out), with <paramref name="pattern"/>
    /// where given (solid otherwise); colour from the plot's palette.
    /// </summary>
    internal static Scatter Named(Plot plot, double[] xs, double[] ys, string legend, float width = 2, LinePattern? pattern = null)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = legend;
        line.LineWidth = width;
        if (pattern is { } p)
            line.LinePattern = p;
        return line;
    }
}
