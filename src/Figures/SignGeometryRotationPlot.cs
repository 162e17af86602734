using ScottPlot;
using Verification.Engine;
using Verification.Numerics.SignGeometry;

namespace Verification.Figures;

/// <summary>
/// L∞/L₂ = ‖H‖∞,1/λ_max against the rotation angle ω of the 2-D quadratic H = R(ω) diag(1, λ_max) R(ω)ᵀ (balles-thesis
/// Fig. 6.1, appendix C.2), for several λ_max: L₂ = λ_max is rotation invariant, L∞ grows as the axes tilt.
/// </summary>
internal sealed class SignGeometryRotationPlot : IReportPlot
{
    /// <summary>The λ_max of the curves.</summary>
    internal static readonly double[] LambdaMaxes = [2, 10, 100];

    /// <summary>Angles per curve, 0° to 90°.</summary>
    internal const int Points = 91;

    public string FileName => "sign-geometry-rotation.png";

    public IReadOnlyList<string> Claims { get; } = ["balles/app-C.2", "balles/prop-C.2", "balles/prop-6.*", "balles/eq-6.18"];

    /// <summary>The legend entry of the curve for <paramref name="lambdaMax"/>; the caption uses the same words.</summary>
    internal static string SeriesName(double lambdaMax) => $"λ_max = {lambdaMax.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public string Caption =>
        $"L∞/L₂ = ‖H‖∞,1/λ_max against the rotation angle ω of a 2-D quadratic with eigenvalues 1 and λ_max (Fig. 6.1), for {string.Join(", ", LambdaMaxes.Select(SeriesName))}";

    /// <summary>Angles in degrees.</summary>
    internal static double[] Degrees() => Enumerable.Range(0, Points).Select(i => 90.0 * i / (Points - 1)).ToArray();

    /// <summary>L∞/L₂ at each angle (degrees) for one λ_max.</summary>
    internal static double[] Ratio(double lambdaMax, IReadOnlyList<double> degrees) =>
        degrees.Select(w => InfToOneNorm.Compute(RotatedHessian.TwoDimensional(lambdaMax, w * Math.PI / 180)).Value / lambdaMax).ToArray();

    public Plot Create(CatalogReport report)
    {
        var xs = Degrees();
        var plot = new Plot();
        foreach (double l in LambdaMaxes)
            PlotLines.Named(plot, xs, Ratio(l, xs), SeriesName(l));
        plot.Title("L∞-smoothness is sensitive to axis alignment (2-D)");
        plot.XLabel("rotation angle ω (degrees)");
        plot.YLabel("L∞ / L₂");
        PlotFrame.Fit(plot, marginX: 0, marginY: 0.06, includeY: [1]);
        LegendPlacement.Place(plot);
        return plot;
    }
}
