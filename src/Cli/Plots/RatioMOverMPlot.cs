using ScottPlot;
using Verification.Engine;
using Verification.Math;

namespace Verification.Cli.Plots;

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

    public string Caption => "|m(x*)/M(x*)| at ELMO's step against L|g|/λ² for λ = +1, λ = −1 and λ = 0, with Lemma C.2's constant 5";

    /// <summary>|m(x*)/M(x*)| with g = −|g| (eq. 1's sign convention), all from Verification.Math.</summary>
    internal static double Ratio(double lambda, double gradMagnitude, double lipschitz)
    {
        double x = Elmo.Step(lambda, gradMagnitude, lipschitz);
        double upper = CubicUpperModel.Evaluate(-gradMagnitude, lambda, lipschitz, x);
        double lower = CubicLowerModel.Evaluate(-gradMagnitude, lambda, lipschitz, x);
        return System.Math.Abs(lower / upper);
    }

    /// <summary>The curve for eigenvalue <paramref name="lambda"/> (|λ| = 1 or 0) at each t: |g| = 1 and L = t.</summary>
    internal static double[] Curve(double lambda, IReadOnlyList<double> ts) => ts.Select(t => Ratio(lambda, 1, t)).ToArray();

    public Plot Create(CatalogReport report)
    {
        var ts = LogAxis.Space(From, To, Points);
        var xs = LogAxis.Log10(ts);
        var plot = new Plot();

        var convex = plot.Add.ScatterLine(xs, Curve(+1, ts));
        convex.LegendText = "λ = +1";
        convex.LineWidth = 2;
        var concave = plot.Add.ScatterLine(xs, Curve(-1, ts));
        concave.LegendText = "λ = −1";
        concave.LineWidth = 2;
        var flat = plot.Add.ScatterLine(xs, Curve(0, ts));
        flat.LegendText = "λ = 0 (any L|g|)";
        flat.LineWidth = 2;
        flat.LinePattern = LinePattern.Dashed;
        var bound = plot.Add.HorizontalLine(5);
        bound.LegendText = "Lemma C.2: 5";
        bound.LinePattern = LinePattern.Dotted;
        bound.Color = Colors.Gray;

        plot.Title("m/M at ELMO's step, one eigenspace");
        plot.XLabel("L|g|/λ²");
        plot.YLabel("|m(x*) / M(x*)|");
        LogAxis.Apply(plot.Axes.Bottom);
        LogAxis.ShowMinorGrid(plot);
        plot.Axes.SetLimits(xs[0], xs[^1], 0, 6);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
