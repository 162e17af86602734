using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verification.Engine;
using Verification.Math.Curvature;
using Verification.Math.Curvature.Models;
using Verification.Optimizers;
using Verification.Optimizers.NaturalGradient;

namespace Verification.Cli.Plots;

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

    public string Caption => $"Cosine similarity of the NGD and EF directions along the EFGD path (γ = {StepSize}, λ = {Damping}) on the Tables D.1/D.2 datasets (Fig. 7.3 style)";

    /// <summary>Per dataset: the cosines at θ₀…θ_T of the EFGD run (a run that stops early gives a shorter curve).</summary>
    /// <summary>The starting points of App. D.3.1 (slope, intercept order of our linear model: θ = (w, b)).</summary>
    internal static readonly double[][] Figure71Starts = [[4.5, 2], [0, 1], [3, 4.5], [3, -0.5]];

    internal static IReadOnlyList<(string Label, double[] Cosines)> Curves()
    {
        var fig71 = Verification.Math.Curvature.Data.ThesisDatasets.Figure71(FisherSyntheticProblems.Count, FisherSyntheticProblems.Seed);
        var runs = FisherSyntheticProblems.All
            .Select(p => (p.Label, Objective: new GeneralizedLinearObjective(p.Model, p.Likelihood, p.Data, p.Label), Start: Vector<double>.Build.Dense(p.Model.ParameterDimension)))
            .Concat(Figure71Starts.Select(s => (Label: $"Fig. 7.1 data from ({s[1]}, {s[0]})",
                Objective: new GeneralizedLinearObjective(new LinearModel(1), new Verification.Math.Curvature.Likelihoods.GaussianIdentity(), fig71, "fig-7.1"),
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

    public Plot Create(CatalogReport report)
    {
        var plot = new Plot();
        var curves = Curves();
        double low = curves.SelectMany(c => c.Cosines).DefaultIfEmpty(-1).Min();
        foreach (var (label, cosines) in curves)
        {
            var line = plot.Add.ScatterLine(Enumerable.Range(0, cosines.Length).Select(i => (double)i).ToArray(), cosines);
            line.LegendText = label;
            line.LineWidth = 2;
        }
        plot.Title("cos∠(F⁻¹∇R, F̃⁻¹∇R) along the EFGD path");
        plot.XLabel("EFGD iteration");
        plot.YLabel("cosine similarity");
        plot.Axes.SetLimits(0, Iterations, System.Math.Max(-1.05, low - 0.05), 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }
}
