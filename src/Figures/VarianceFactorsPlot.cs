using ScottPlot;
using Verification.Engine;
using Verification.Numerics.Statistics;

namespace Verification.Figures;

/// <summary>
/// Thesis Fig. 5.2: the variance adaptation factors against the relative standard deviation η: erf((√2η)⁻¹), optimal
/// for the sign of a Gaussian gradient (eq. 5.10); (1 + η²)^(−1/2), Adam's (eq. 5.6); (1 + η²)⁻¹, optimal for the
/// gradient itself (SVAG, eq. 5.11). All from <see cref="VarianceAdaptationFactors"/>.
/// </summary>
internal sealed class VarianceFactorsPlot : IReportPlot
{
    /// <summary>The range of η shown (log axis).</summary>
    internal const double From = 1e-2, To = 1e2;

    /// <summary>Points per curve (50 per decade).</summary>
    internal const int Points = 201;

    public string FileName => "variance-adaptation-factors.png";

    public IReadOnlyList<string> Claims { get; } = ["balles/fig-5.2*", "balles/eq-5.10*", "balles/eq-5.5*"];

    /// <summary>The legend entries, each used word for word in <see cref="Caption"/>.</summary>
    internal const string ErfName = "erf((√2η)⁻¹), sign of a Gaussian gradient (eq. 5.10)",
        AdamName = "(1 + η²)^(−1/2), Adam (eq. 5.6)",
        SvagName = "(1 + η²)⁻¹, SVAG (eq. 5.11)";

    public string Caption => $"Variance adaptation factors against the relative standard deviation η (log axis; thesis Fig. 5.2): {ErfName}; {AdamName} (dashed); {SvagName} (dotted)";

    /// <summary>The three curves at each η.</summary>
    internal static (double[] Erf, double[] Adam, double[] Svag) Curves(IReadOnlyList<double> etas) => (
        etas.Select(VarianceAdaptationFactors.Erf).ToArray(),
        etas.Select(VarianceAdaptationFactors.Adam).ToArray(),
        etas.Select(VarianceAdaptationFactors.Svag).ToArray());

    public Plot Create(CatalogReport report)
    {
        var etas = LogAxis.Space(From, To, Points);
        var xs = LogAxis.Log10(etas);
        var (erf, adam, svag) = Curves(etas);
        var plot = new Plot();

        PlotLines.Named(plot, xs, erf, ErfName);
        PlotLines.Named(plot, xs, adam, AdamName, pattern: LinePattern.Dashed);
        PlotLines.Named(plot, xs, svag, SvagName, pattern: LinePattern.Dotted);

        plot.Title("Variance adaptation factors (Fig. 5.2)");
        plot.XLabel("η (relative standard deviation)");
        plot.YLabel("variance adaptation factor");
        LogAxis.Apply(plot.Axes.Bottom);
        LogAxis.ShowMinorGrid(plot);
        PlotFrame.Fit(plot, marginX: 0.01, marginY: 0.04, includeY: [0, 1]);
        LegendPlacement.Place(plot);
        return plot;
    }
}
