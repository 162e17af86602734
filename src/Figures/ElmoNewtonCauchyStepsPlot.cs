using ScottPlot;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Figures;

/// <summary>
/// The step along one eigenvector with λ &gt; 0 against L: ELMO's x* (eq. 7), Newton's |g|/λ (§3.3) and Cauchy's
/// x_C = −2/(1 + √(1 − 2Lg/λ²))·g/λ with g = −|g| (App. F.1), for λ = 1, |g| = 1, log-log.
/// </summary>
internal sealed class ElmoNewtonCauchyStepsPlot : IReportPlot
{
    /// <summary>The eigenvalue and gradient magnitude the steps are drawn for.</summary>
    internal const double Lambda = 1, GradMagnitude = 1;

    /// <summary>The range of L shown.</summary>
    internal const double From = 1e-4, To = 1e4;

    /// <summary>Points per curve (20 per decade).</summary>
    internal const int Points = 161;

    public string FileName => "elmo-newton-cauchy-steps.png";

    public IReadOnlyList<string> Claims { get; } = ["elmo/eq-7*", "elmo/app-F.1", "elmo/thm-H.3*"];

    /// <summary>The legend entries, each used word for word in <see cref="Caption"/>.</summary>
    internal const string ElmoName = "ELMO x* (eq. 7)", NewtonName = "Newton |g|/λ", CauchyName = "Cauchy x_C (App. F.1)";

    public string Caption => $"Steps along one eigenvector against L (log–log), for λ = 1 and |g| = 1: {ElmoName}, {NewtonName} (dashed) and {CauchyName} (circles, every 4th point; it coincides with ELMO's for λ > 0)";

    /// <summary>The three steps at each L: ELMO, Newton, Cauchy.</summary>
    internal static (double[] Elmo, double[] Newton, double[] Cauchy) Steps(IReadOnlyList<double> lipschitz) => (
        lipschitz.Select(l => ElmoStep.Step(Lambda, GradMagnitude, l)).ToArray(),
        lipschitz.Select(_ => NewtonStep.Along(Lambda, GradMagnitude)).ToArray(),
        lipschitz.Select(l => CauchyStep.Along(Lambda, -GradMagnitude, l)).ToArray());

    public Plot Create(CatalogReport report)
    {
        var ls = LogAxis.Space(From, To, Points);
        var xs = LogAxis.Log10(ls);
        var (elmo, newton, cauchy) = Steps(ls);
        var plot = new Plot();

        PlotLines.Named(plot, xs, LogAxis.Log10(elmo), ElmoName, width: 3);
        PlotLines.Named(plot, xs, LogAxis.Log10(newton), NewtonName, pattern: LinePattern.Dashed);
        // Markers only, so that where Cauchy's step coincides with ELMO's both stay visible.
        var c = plot.Add.ScatterPoints(xs.Where((_, i) => i % 4 == 0).ToArray(), LogAxis.Log10(cauchy.Where((_, i) => i % 4 == 0)));
        c.LegendText = CauchyName;
        c.MarkerSize = 7;
        c.MarkerShape = MarkerShape.OpenCircle;

        plot.Title("Step along one eigenvector, λ = 1, |g| = 1");
        plot.XLabel("L (Lipschitz constant of the Hessian along v)");
        plot.YLabel("step length x (along v)");
        LogAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        LogAxis.ShowMinorGrid(plot);
        // Whole decades around the data, so the y axis always carries at least two labelled ticks.
        var all = LogAxis.Log10(elmo.Concat(newton).Concat(cauchy));
        PlotFrame.Fit(plot, marginX: 0.015, marginY: 0.08, includeY: [Math.Floor(all.Min()), Math.Ceiling(all.Max())]);
        LegendPlacement.Place(plot);
        return plot;
    }
}
