using ScottPlot;
using Verification.Engine;
using Verification.Numerics.SignGeometry;

namespace Verification.Figures;

/// <summary>
/// L∞/L₂ against the dimension d for H = Q diag(1, …, 1, λ_max) Qᵀ, Q = exp(φS) (balles-thesis Fig. 6.3's family,
/// appendix C.4), for several rotation ratios φ, with the worst case d of eq. (6.22).
/// </summary>
internal sealed class SignGeometryDimensionPlot : IReportPlot
{
    /// <summary>λ_max of the family.</summary>
    internal const double LambdaMax = 10;

    /// <summary>The rotation ratios φ of the curves.</summary>
    internal static readonly double[] Phis = [0, 0.25, 0.5, 1];

    /// <summary>Dimensions shown (2^(d−1) vertices each, so up to 14 stays fast).</summary>
    internal static readonly int[] Dimensions = Enumerable.Range(2, 13).ToArray();

    /// <summary>Seed of each dimension's skew-symmetric S (fixed so the figure is reproducible).</summary>
    internal const int Seed = 63;

    public string FileName => "sign-geometry-dimension.png";

    public IReadOnlyList<string> Claims { get; } = ["balles/eq-6.21", "balles/eq-6.22", "balles/sec-6.4.4"];

    /// <summary>The legend entry of the curve for rotation ratio <paramref name="phi"/>; the caption uses the same words.</summary>
    internal static string SeriesName(double phi) => $"φ = {phi.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The legend entry of the worst-case line.</summary>
    internal const string WorstCaseName = "worst case L∞/L₂ = d (eq. 6.22)";

    public string Caption =>
        $"L∞/L₂ against the dimension d for Hessians exp(φS) diag(1, …, 1, {LambdaMax}) exp(φS)ᵀ (Fig. 6.3's family, one seeded S per d) at rotation ratios {string.Join(", ", Phis.Select(SeriesName))}, with the {WorstCaseName} dotted";

    /// <summary>L∞/L₂ for each dimension at rotation ratio φ.</summary>
    internal static double[] Ratio(double phi) =>
        Dimensions.Select(d => InfToOneNorm.Compute(RotatedHessian.Rotate(LambdaMax, RotatedHessian.SeededSkew(d, Seed + d), phi)).Value / LambdaMax).ToArray();

    public Plot Create(CatalogReport report)
    {
        var xs = Dimensions.Select(d => (double)d).ToArray();
        var plot = new Plot();
        foreach (double phi in Phis)
            PlotLines.Named(plot, xs, Ratio(phi), SeriesName(phi));
        var worst = plot.Add.ScatterLine(xs, xs);
        worst.LegendText = WorstCaseName;
        worst.LinePattern = LinePattern.Dotted;
        worst.Color = Colors.Gray;
        plot.Title($"L∞/L₂ against dimension (λ_max = {LambdaMax}, other eigenvalues 1)");
        plot.XLabel("dimension d");
        plot.YLabel("L∞ / L₂");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1); // d is an integer
        PlotFrame.Fit(plot, marginX: 0.03, marginY: 0.05, includeY: [0]);
        LegendPlacement.Place(plot);
        return plot;
    }
}
