using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Verification.Figures;

/// <summary>
/// Log-scaled axes the way ScottPlot 5 draws them: the data are plotted as log10 values, major ticks sit on
/// whole decades labelled 1e-6 … 1e6, and minor ticks are spaced logarithmically between them.
/// </summary>
internal static class LogAxis
{
    /// <summary>log10 of every value (the coordinates to plot on a log axis).</summary>
    internal static double[] Log10(IEnumerable<double> values) => values.Select(Math.Log10).ToArray();

    /// <summary><paramref name="count"/> points spaced evenly in log10 from <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal static double[] Space(double from, double to, int count)
    {
        double a = Math.Log10(from), b = Math.Log10(to);
        return Enumerable.Range(0, count).Select(i => Math.Pow(10, a + (b - a) * i / (count - 1))).ToArray();
    }

    /// <summary>Decade ticks and labels on <paramref name="axis"/>, whose coordinates are log10 values.</summary>
    internal static void Apply(IAxis axis)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => "1e" + Math.Round(v).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Faint grid lines at the minor (log-spaced) ticks, so the scale reads as logarithmic.</summary>
    internal static void ShowMinorGrid(Plot plot)
    {
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
    }
}
