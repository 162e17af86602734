using ScottPlot;
using Verification.Engine;
using Verification.Numerics.SignGeometry;

namespace Verification.Figures;

/// <summary>
/// Mean ‖θ_T − θ*‖² after T steps of gradient descent (α = 1/L₂) and norm-scaled sign-GD (eq. 6.10, α = 1/L∞) against
/// the dimension d, on Fig. 6.3's family H = exp(φS) diag(1, …, 1, λ_max) exp(φS)ᵀ (balles-thesis §6.5, App. C.4):
/// axis-aligned (φ = 0) and rotated (φ = 1); seeded starts θ₀ ~ N(0, I), θ* = 0.
/// </summary>
internal sealed class SignDescentDimensionPlot : IReportPlot
{
    /// <summary>λ_max of the family (the other eigenvalues are 1).</summary>
    internal const double LambdaMax = SignGeometryDimensionPlot.LambdaMax;

    /// <summary>Rotation ratios of the curves.</summary>
    internal static readonly double[] Phis = [0, 1];

    /// <summary>Starts averaged per point.</summary>
    internal const int Starts = 8;

    public string FileName => "sign-descent-dimension.png";

    public IReadOnlyList<string> Claims { get; } = ["balles/lemma-6.*", "balles/eq-6.30", "balles/sec-6.4.4"];

    /// <summary>The parameter part of the legend entries: the rotation ratio of each pair of curves.</summary>
    internal static string Parameter(double phi) =>
        (phi == 0 ? "axis-aligned" : "rotated") + $" (φ = {phi.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    public string Caption =>
        $"Mean ‖θ_T − θ*‖² after T = {SignDescentDistancePlot.Steps} steps against the dimension d on Fig. 6.3's family (λ_max = {LambdaMax}, mean of {Starts} starts θ₀ ~ N(0, I)), "
        + "for GD (α = 1/L₂) and norm-scaled sign-GD (eq. 6.10, α = 1/L∞): "
        + string.Join("; ", Phis.SelectMany(phi => new[]
          {
              SignDescentDistancePlot.SeriesName(SignDescentDistancePlot.GdName, Parameter(phi)),
              SignDescentDistancePlot.SeriesName(SignDescentDistancePlot.SignGdName, Parameter(phi)),
          }))
        + $". {SignDescentDistancePlot.StyleKey(Parameter(Phis[0]), Parameter(Phis[1]))}. "
        + "GD's two curves nearly coincide: GD is rotation invariant and θ₀ ~ N(0, I) is too, so only the finite sample of starts separates them.";

    /// <summary>Mean ‖θ_T‖² of GD and of sign-GD at each dimension of <see cref="SignGeometryDimensionPlot.Dimensions"/>.</summary>
    internal static (double[] Gd, double[] SignGd) Distances(double phi)
    {
        var dims = SignGeometryDimensionPlot.Dimensions;
        var gd = new double[dims.Length];
        var sign = new double[dims.Length];
        for (int k = 0; k < dims.Length; k++)
        {
            int d = dims[k];
            var h = RotatedHessian.Rotate(LambdaMax, RotatedHessian.SeededSkew(d, SignGeometryDimensionPlot.Seed + d), phi);
            // The same starts for both methods and both φ.
            (gd[k], sign[k]) = SignDescentDistancePlot.MeanDistances(h, LambdaMax, Starts, new System.Random(6300 + d));
        }
        return (gd, sign);
    }

    public Plot Create(CatalogReport report)
    {
        var xs = SignGeometryDimensionPlot.Dimensions.Select(d => (double)d).ToArray();
        var plot = new Plot();
        for (int i = 0; i < Phis.Length; i++)
        {
            var (gd, sign) = Distances(Phis[i]);
            SignDescentDistancePlot.AddPair(plot, xs, gd, sign, i, Parameter(Phis[i]));
        }
        plot.Title($"Distance to the optimum after T = {SignDescentDistancePlot.Steps} steps against d (λ_max = {LambdaMax}, mean of {Starts} starts)");
        plot.XLabel("dimension d");
        plot.YLabel("mean ‖θ_T − θ*‖²");
        LogAxis.Apply(plot.Axes.Left);
        LogAxis.ShowMinorGrid(plot);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1); // d is an integer
        PlotFrame.Fit(plot, marginX: 0.03, marginY: 0.04);
        LegendPlacement.Place(plot);
        return plot;
    }
}
