using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verification.Engine;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Models;
using Verification.Optimizers;
using Verification.Optimizers.NaturalGradient;
using Verification.Optimizers.Objectives;

namespace Verification.Figures;

/// <summary>
/// Fig. 7.3 style: the cosine similarity between the undamped natural gradient F⁻¹∇R and the EF direction F̃⁻¹∇R at every
/// iterate of the EFGD path (eq. D.32, γ = <see cref="StepSize"/>, λ = <see cref="Damping"/>): from θ₀ = 0 on the six
/// Tables D.1/D.2 datasets, and from the four starting points of App. D.3.1 on the Fig. 7.1 regression (eq. D.29). The
/// thesis's real datasets (Table D.3) are not shipped; App. D.3.3 describes the measurement.
/// </summary>
internal sealed class EfgdCosineSimilarityPlot : IReportPlot
{
    internal const double StepSize = 0.1;

    internal const double Damping = 1e-8;

    internal const int Iterations = 100;

    public string FileName => "efgd-cosine-similarity.png";

    public IReadOnlyList<string> Claims { get; } = ["balles/eq-D.*", "balles/fn-7.3"];

    /// <summary>Widths of the two panels in pixels.</summary>
    internal const int PanelWidth = 760;

    /// <summary>Iterations between two markers on a curve (each curve's markers are shifted by its index, so they do not stack).</summary>
    internal const int MarkerEvery = 10;

    public string Caption
    {
        get
        {
            var curves = Curves();
            int synthetic = FisherSyntheticProblems.All.Count;
            return $"Cosine similarity of the undamped natural gradient F⁻¹∇R and the EF direction F̃⁻¹∇R along the EFGD path (eq. D.32, γ = {PlotText.Number(StepSize)}, λ = {PlotText.Number(Damping)}; Fig. 7.3 style). "
                + $"Left: from θ₀ = 0 on the Tables D.1/D.2 datasets (N = {FisherSyntheticProblems.Count}): {string.Join(", ", curves.Take(synthetic).Select(c => c.Label))}. "
                + $"Right: on the Fig. 7.1 regression (eq. D.29) from the four starting points of App. D.3.1, written as there: {string.Join(", ", curves.Skip(synthetic).Select(c => c.Label))}. "
                + $"Markers every {MarkerEvery} iterations tell apart curves that run together.";
        }
    }

    /// <summary>The starting points of App. D.3.1 (slope, intercept order of our linear model: θ = (w, b)).</summary>
    internal static readonly double[][] Figure71Starts = [[4.5, 2], [0, 1], [3, 4.5], [3, -0.5]];

    /// <summary>
    /// Per dataset: the cosines at θ₀…θ_T of the EFGD run (a run that stops early gives a shorter curve); the Tables
    /// D.1/D.2 datasets first, then the Fig. 7.1 regression from each start. Computed once.
    /// </summary>
    internal static IReadOnlyList<(string Label, double[] Cosines)> Curves() => Computed.Value;

    private static readonly Lazy<IReadOnlyList<(string Label, double[] Cosines)>> Computed = new(Compute);

    private static IReadOnlyList<(string Label, double[] Cosines)> Compute()
    {
        var fig71 = Verification.Numerics.Curvature.Data.ThesisDatasets.Figure71(FisherSyntheticProblems.Count, FisherSyntheticProblems.Seed);
        var runs = FisherSyntheticProblems.All
            .Select(p => (p.Label, Objective: new GeneralizedLinearObjective(p.Model, p.Likelihood, p.Data, p.Label), Start: Vector<double>.Build.Dense(p.Model.ParameterDimension)))
            .Concat(Figure71Starts.Select(s => (Label: $"Fig. 7.1 data from ({s[1]}, {s[0]})",
                Objective: new GeneralizedLinearObjective(new LinearModel(1), new Verification.Numerics.Curvature.Likelihoods.GaussianIdentity(), fig71, "fig-7.1"),
                Start: Vector<double>.Build.DenseOfArray(s))));
        return runs.Select(r => Path(r.Label, r.Objective, r.Start)).ToList();
    }

    private static (string Label, double[] Cosines) Path(string label, IFisherObjective objective, Vector<double> start)
    {
        {
            var path = Trajectory.Record(new EmpiricalFisherGradientDescent(StepSize, Damping), objective, start, Iterations);
            var cosines = new List<double>();
            foreach (var theta in path.Points)
            {
                try
                {
                    cosines.Add(DirectionCosine.At(objective, theta));
                }
                catch (ArgumentException)
                {
                    break; // ∇R = 0 or a singular matrix: no direction to compare from here on
                }
            }
            return (label, cosines.ToArray());
        }
    }

    public Plot Create(CatalogReport report) => Panel(Curves().Take(FisherSyntheticProblems.All.Count).ToList(), 0, "From θ₀ = 0 on the Tables D.1/D.2 datasets");

    public IReadOnlyList<FigurePanel> Panels(CatalogReport report)
    {
        var curves = Curves();
        int synthetic = FisherSyntheticProblems.All.Count;
        return
        [
            new FigurePanel(Create(report), PanelWidth),
            new FigurePanel(Panel(curves.Skip(synthetic).ToList(), synthetic, "Fig. 7.1 regression from the App. D.3.1 starts"), PanelWidth),
        ];
    }

    /// <summary>One panel: <paramref name="curves"/> with colours and markers from index <paramref name="first"/> on, framed to their data.</summary>
    private static Plot Panel(IReadOnlyList<(string Label, double[] Cosines)> curves, int first, string title)
    {
        var plot = new Plot();
        for (int k = 0; k < curves.Count; k++)
        {
            var (label, cosines) = curves[k];
            int index = first + k;
            var xs = Enumerable.Range(0, cosines.Length).Select(i => (double)i).ToArray();
            var line = plot.Add.ScatterLine(xs, cosines);
            line.Color = Palette.GetColor(index);
            line.LineWidth = 2;
            line.LinePattern = Patterns[k % Patterns.Length];
            var marks = Enumerable.Range(0, cosines.Length).Where(i => i % MarkerEvery == k % MarkerEvery).ToArray();
            var markers = plot.Add.ScatterPoints(marks.Select(i => xs[i]).ToArray(), marks.Select(i => cosines[i]).ToArray());
            markers.Color = line.Color;
            markers.MarkerShape = Shapes[k % Shapes.Length];
            markers.MarkerSize = 8;
            // One legend entry showing both the line and its marker.
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = label,
                LineColor = line.Color,
                LineWidth = line.LineWidth,
                LinePattern = line.LinePattern,
                MarkerShape = markers.MarkerShape,
                MarkerSize = markers.MarkerSize,
                MarkerColor = line.Color,
            });
        }
        plot.Title(title);
        plot.XLabel("EFGD iteration t");
        plot.YLabel("cos∠(F⁻¹∇R, F̃⁻¹∇R)");
        PlotFrame.Fit(plot, marginX: 0.02, marginY: 0.06);
        LegendPlacement.Place(plot, PanelWidth);
        return plot;
    }

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];

    private static readonly MarkerShape[] Shapes =
        [MarkerShape.OpenCircle, MarkerShape.FilledSquare, MarkerShape.OpenTriangleUp, MarkerShape.FilledDiamond, MarkerShape.Cross, MarkerShape.OpenSquare];
}
