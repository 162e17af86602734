using ScottPlot;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Figures;

/// <summary>
/// |m(x*)/M(x*)| at ELMO's step (elmo-amos eqs. 3, 4, 7) against the dimensionless t = L|g|/λ², for λ = +1 and
/// λ = −1 (|g| = 1, L = t), with λ = 0, where the ratio does not depend on L, and the constant 5 of Lemma C.2.
/// </summary>
internal sealed class RatioMOverMPlot : IReportPlot
{
    /// <summary>The range of t = L|g|/λ² shown.</summary>
    internal const double From = 1e-6, To = 1e6;

    /// <summary>Points per curve (20 per decade).</summary>
    internal const int Points = 241;

    public string FileName => "ratio-m-over-M.png";

    public IReadOnlyList<string> Claims { get; } = ["elmo/eq-14", "elmo/lemma-C.2", "elmo/eq-13*", "elmo/lemma-M.5*"];

    /// <summary>The legend entries, each used word for word in <see cref="Caption"/>.</summary>
    internal const string Convex = "λ = +1", Concave = "λ = −1", Flat = "λ = 0 (any L|g|)", Bound = "Lemma C.2's constant 5";

    public string Caption => $"|m(x*)/M(x*)| at ELMO's step against L|g|/λ² (log axis, |g| = 1) for {Convex}, {Concave} and {Flat}, with {Bound} (dotted)";

    /// <summary>|m(x*)/M(x*)| with g = −|g| (eq. 1's sign convention), all from Verification.Numerics.</summary>
    internal static double Ratio(double lambda, double gradMagnitude, double lipschitz)
    {
        double x = ElmoStep.Step(lambda, gradMagnitude, lipschitz);
        double upper = CubicUpperModel.Evaluate(-gradMagnitude, lambda, lipschitz, x);
        double lower = CubicLowerModel.Evaluate(-gradMagnitude, lambda, lipschitz, x);
        return Math.Abs(lower / upper);
    }

    /// <summary>The curve for eigenvalue <paramref name="lambda"/> (|λ| = 1 or 0) at each t: |g| = 1 and L = t.</summary>
    internal static double[] Curve(double lambda, IReadOnlyList<double> ts) => ts.Select(t => Ratio(lambda, 1, t)).ToArray();

    public Plot Create(CatalogReport report)
    {
        var ts = LogAxis.Space(From, To, Points);
        var xs = LogAxis.Log10(ts);
        var plot = new Plot();

        PlotLines.Named(plot, xs, Curve(+1, ts), Convex);
        PlotLines.Named(plot, xs, Curve(-1, ts), Concave);
        PlotLines.Named(plot, xs, Curve(0, ts), Flat, pattern: LinePattern.Dashed);
        var bound = plot.Add.HorizontalLine(5);
        bound.LegendText = Bound;
        bound.LinePattern = LinePattern.Dotted;
        bound.Color = Colors.Gray;

        plot.Title("m/M at ELMO's step, one eigenspace");
        plot.XLabel("t = L|g|/λ² (dimensionless)");
        plot.YLabel("|m(x*) / M(x*)|");
        LogAxis.Apply(plot.Axes.Bottom);
        LogAxis.ShowMinorGrid(plot);
        // The whole t range, and y from 0 so the ratios read against zero; the legend goes where no curve is.
        var limits = PlotFrame.Fit(plot, marginX: 0, marginY: 0.08, includeY: [0]);
        plot.Axes.SetLimitsY(0, limits.Top); // a ratio of absolute values: no room below 0 is needed
        LegendPlacement.Place(plot);
        return plot;
    }
}
