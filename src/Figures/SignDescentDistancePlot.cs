using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verification.Engine;
using Verification.Numerics.SignGeometry;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Sign;
using Verification.Numerics.Random;
using Verification.Optimizers.FirstOrder;

namespace Verification.Figures;

/// <summary>
/// Mean squared distance to the optimum ‖θ_T − θ*‖² after T steps of gradient descent (α = 1/L₂) and norm-scaled sign
/// gradient descent (eq. 6.10, α = 1/L∞) on the 2-D quadratics of Fig. 6.1 against the rotation angle ω (balles-thesis §6.5,
/// Fig. 6.3's experiment in 2-D), averaged over seeded starts θ₀ ~ N(0, I); θ* = 0.
/// </summary>
internal sealed class SignDescentDistancePlot : IReportPlot
{
    /// <summary>Steps per run (Fig. 6.3 uses T = 100).</summary>
    internal const int Steps = 100;

    /// <summary>Starts averaged per point.</summary>
    internal const int Starts = 16;

    /// <summary>λ_max of the two problem families.</summary>
    internal static readonly double[] LambdaMaxes = [10, 100];

    /// <summary>Angles, 0° to 90°.</summary>
    internal static double[] Degrees() => Enumerable.Range(0, 31).Select(i => 3.0 * i).ToArray();

    public string FileName => "sign-descent-distance.png";

    public IReadOnlyList<string> Claims { get; } = ["balles/lemma-6.*", "balles/eq-6.30"];

    /// <summary>The parameter part of each legend entry.</summary>
    internal static string Parameter(double lambdaMax) => $"λ_max = {lambdaMax.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public string Caption =>
        $"Mean ‖θ_T − θ*‖² after T = {Steps} steps against the rotation angle ω of 2-D quadratics with eigenvalues 1 and λ_max (mean of {Starts} starts θ₀ ~ N(0, I)), "
        + $"for GD (α = 1/L₂) and norm-scaled sign-GD (eq. 6.10, α = 1/L∞): "
        + string.Join("; ", LambdaMaxes.SelectMany(l => new[] { SeriesName(GdName, Parameter(l)), SeriesName(SignGdName, Parameter(l)) }))
        + $". {StyleKey(Parameter(LambdaMaxes[0]), Parameter(LambdaMaxes[1]))}.";

    /// <summary>Mean ‖θ_T‖² of GD and of sign-GD at each angle, for one λ_max.</summary>
    internal static (double[] Gd, double[] SignGd) Distances(double lambdaMax, IReadOnlyList<double> degrees)
    {
        var gd = new double[degrees.Count];
        var sign = new double[degrees.Count];
        for (int k = 0; k < degrees.Count; k++)
        {
            var h = RotatedHessian.TwoDimensional(lambdaMax, degrees[k] * Math.PI / 180);
            // The same starts at every angle, so the curves compare problems, not draws.
            (gd[k], sign[k]) = MeanDistances(h, lambdaMax, Starts, new System.Random(6300));
        }
        return (gd, sign);
    }

    /// <summary>
    /// Mean ‖θ_T‖² over <paramref name="starts"/> starts θ₀ ~ N(0, I) drawn from <paramref name="random"/>, of GD
    /// (α = 1/λ_max) and of norm-scaled sign-GD (α = 1/L∞) on f = ½θᵀHθ (θ* = 0).
    /// </summary>
    internal static (double Gd, double SignGd) MeanDistances(Matrix<double> h, double lambdaMax, int starts, System.Random random)
    {
        var f = new Quadratic(h, Vector<double>.Build.Dense(h.RowCount));
        double lInf = InfToOneNorm.Compute(h).Value;
        double gd = 0, sign = 0;
        for (int s = 0; s < starts; s++)
        {
            var theta0 = Vector<double>.Build.Dense(h.RowCount, _ => StandardNormal.Draw(random));
            gd += Final(new GradientDescent(1 / lambdaMax), f, theta0) / starts;
            sign += Final(new NormScaledSignGradientDescent(lInf), f, theta0) / starts;
        }
        return (gd, sign);
    }

    /// <summary>The method names of the legend entries (each followed by the curve's parameter).</summary>
    internal const string GdName = "GD", SignGdName = "norm-scaled sign-GD";

    /// <summary>The legend entry of one curve, e.g. "GD, λ_max = 10"; the captions use the same words.</summary>
    internal static string SeriesName(string method, string parameter) => $"{method}, {parameter}";

    /// <summary>How the captions explain the line styles <see cref="AddPair"/> draws.</summary>
    internal static string StyleKey(string first, string second) =>
        $"Solid lines: {GdName}, dashed: {SignGdName}; open circles: {first}, filled squares: {second}. "
        + "Each curve is drawn over the ones before it with smaller markers, so where curves run together every one stays visible as a ring";

    /// <summary>Marker sizes in drawing order (GD then sign-GD, first parameter then second): each 3 px smaller than the one before, a 1.5 px ring.</summary>
    internal static readonly float[] MarkerSizes = [13, 10, 7, 4];

    /// <summary>
    /// One GD curve (solid) and one sign-GD curve (dashed) of log₁₀ distances for the parameter value
    /// <paramref name="parameter"/>: the first pair (<paramref name="index"/> 0) with open circles, the second with
    /// filled squares, each curve with smaller markers and a thinner line than the ones drawn before it, so that a
    /// curve that runs together with another stays visible around it.
    /// </summary>
    internal static void AddPair(Plot plot, double[] xs, double[] gd, double[] sign, int index, string parameter)
    {
        if (index is not (0 or 1))
            throw new ArgumentException($"index must be 0 or 1, got {index}.", nameof(index));
        foreach (var (method, values, pattern, order) in new[]
                 {
                     (GdName, gd, LinePattern.Solid, 2 * index),
                     (SignGdName, sign, LinePattern.Dashed, 2 * index + 1),
                 })
        {
            var line = plot.Add.ScatterLine(xs, LogAxis.Log10(values.Select(v => Math.Max(v, 1e-300))));
            line.LegendText = SeriesName(method, parameter);
            line.Color = Palette.GetColor(order);
            line.LinePattern = pattern;
            line.LineWidth = 3 - 0.5f * order;
            line.MarkerShape = index == 0 ? MarkerShape.OpenCircle : MarkerShape.FilledSquare;
            line.MarkerSize = MarkerSizes[order];
        }
    }

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>‖θ_T‖² after <see cref="Steps"/> steps from θ₀ (θ* = 0).</summary>
    internal static double Final(IOptimizer optimizer, IObjective f, Vector<double> theta0)
    {
        var run = optimizer.Start(f, theta0);
        for (int t = 0; t < Steps; t++)
            run.Step();
        var theta = run.Theta;
        return theta.DotProduct(theta);
    }

    public Plot Create(CatalogReport report)
    {
        var xs = Degrees();
        var plot = new Plot();
        for (int i = 0; i < LambdaMaxes.Length; i++)
        {
            var (gd, sign) = Distances(LambdaMaxes[i], xs);
            AddPair(plot, xs, gd, sign, i, Parameter(LambdaMaxes[i]));
        }
        plot.Title($"Distance to the optimum after T = {Steps} steps (2-D, mean of {Starts} starts)");
        plot.XLabel("rotation angle ω (degrees)");
        plot.YLabel("mean ‖θ_T − θ*‖²");
        LogAxis.Apply(plot.Axes.Left);
        LogAxis.ShowMinorGrid(plot);
        PlotFrame.Fit(plot, marginX: 0.02, marginY: 0.04);
        LegendPlacement.Place(plot);
        return plot;
    }
}
