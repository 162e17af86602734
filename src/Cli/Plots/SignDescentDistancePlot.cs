using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verification.Engine;
using Verification.Math.SignGeometry;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Reference;
using Verification.Optimizers.Sign;

namespace Verification.Cli.Plots;

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

    public string Caption => "GD (α = 1/L₂) vs norm-scaled sign-GD (α = 1/L∞) on 2-D quadratics: mean ‖θ_T − θ*‖² after T = 100 steps against the rotation angle";

    /// <summary>Mean ‖θ_T‖² of GD and of sign-GD at each angle, for one λ_max.</summary>
    internal static (double[] Gd, double[] SignGd) Distances(double lambdaMax, IReadOnlyList<double> degrees)
    {
        var gd = new double[degrees.Count];
        var sign = new double[degrees.Count];
        for (int k = 0; k < degrees.Count; k++)
        {
            var h = RotatedHessian.TwoDimensional(lambdaMax, degrees[k] * System.Math.PI / 180);
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
            var theta0 = Vector<double>.Build.Dense(h.RowCount, _ => RotatedHessian.Gaussian(random));
            gd += Final(new GradientDescent(1 / lambdaMax), f, theta0) / starts;
            sign += Final(new NormScaledSignGradientDescent(lInf), f, theta0) / starts;
        }
        return (gd, sign);
    }

    /// <summary>One GD curve (solid) and one sign-GD curve (dashed) of log₁₀ distances, labelled by <paramref name="label"/>.</summary>
    internal static void AddPair(Plot plot, double[] xs, double[] gd, double[] sign, string label)
    {
        var a = plot.Add.ScatterLine(xs, LogAxis.Log10(gd.Select(v => System.Math.Max(v, 1e-300))));
        a.LegendText = $"GD, {label}";
        a.LineWidth = 2;
        var b = plot.Add.ScatterLine(xs, LogAxis.Log10(sign.Select(v => System.Math.Max(v, 1e-300))));
        b.LegendText = $"sign-GD, {label}";
        b.LineWidth = 2;
        b.LinePattern = LinePattern.Dashed;
    }

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
        foreach (double l in LambdaMaxes)
        {
            var (gd, sign) = Distances(l, xs);
            AddPair(plot, xs, gd, sign, $"λ_max = {l}");
        }
        plot.Title($"Distance to the optimum after T = {Steps} steps (2-D, mean of {Starts} starts)");
        plot.XLabel("rotation angle ω (degrees)");
        plot.YLabel("‖θ_T − θ*‖²");
        LogAxis.Apply(plot.Axes.Left);
        LogAxis.ShowMinorGrid(plot);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
