using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verification.Engine;
using Verification.Math.Curvature.Data;

namespace Verification.Cli.Plots;

/// <summary>
/// Fig. 7.2 style: at the exact MLE θ* of each Table D.1/D.2 dataset, the level sets {Δθ : ΔθᵀMΔθ/N = 1} of the quadratic
/// approximations with M = F (solid) and M = F̃ (dashed). Each dataset is drawn in its own cell, scaled so the Fisher
/// ellipse has radius ≤ 1; where the EF is a good approximation the two curves coincide.
/// </summary>
internal sealed class FisherQuadraticApproximationsPlot : IReportPlot
{
    internal const int Points = 181;

    /// <summary>Horizontal and vertical distance between cell centres.</summary>
    internal const double Spacing = 3.5;

    public string FileName => "fisher-quadratic-approximations.png";

    public string Caption => "Quadratic approximations at the minimum with the Fisher (solid) and the empirical Fisher (dashed), Tables D.1/D.2 datasets, N = 1000 (Fig. 7.2 style)";

    /// <summary>Points of {Δθ : ΔθᵀMΔθ = 1}: Δθ = V·diag(λ^(−1/2))·(cos φ, sin φ) for M = V diag(λ) Vᵀ (2×2, positive definite).</summary>
    internal static (double[] X, double[] Y) LevelSet(Matrix<double> m)
    {
        var evd = m.Evd(Symmetricity.Symmetric);
        var v = evd.EigenVectors;
        var l = evd.EigenValues.Select(c => c.Real).ToArray();
        var xs = new double[Points];
        var ys = new double[Points];
        for (int k = 0; k < Points; k++)
        {
            double phi = 2 * System.Math.PI * k / (Points - 1);
            double a = System.Math.Cos(phi) / System.Math.Sqrt(l[0]), b = System.Math.Sin(phi) / System.Math.Sqrt(l[1]);
            xs[k] = v[0, 0] * a + v[0, 1] * b;
            ys[k] = v[1, 0] * a + v[1, 1] * b;
        }
        return (xs, ys);
    }

    /// <summary>Per dataset: F/N and F̃/N at the MLE.</summary>
    internal static IReadOnlyList<(string Label, Matrix<double> Fisher, Matrix<double> EmpiricalFisher)> Matrices() =>
        FisherSyntheticProblems.All.Select(p =>
        {
            var fit = GeneralizedLinearFit.MaximumLikelihood(p.Model, p.Likelihood, p.Data);
            return (p.Label, fit.Fisher / p.Data.Count, fit.EmpiricalFisher / p.Data.Count);
        }).ToList();

    public Plot Create(CatalogReport report)
    {
        var plot = new Plot();
        var matrices = Matrices();
        for (int i = 0; i < matrices.Count; i++)
        {
            var (label, fisher, ef) = matrices[i];
            double cx = (i % 3) * Spacing, cy = -(i / 3) * Spacing;
            var (fx, fy) = LevelSet(fisher);
            var (ex, ey) = LevelSet(ef);
            double scale = 1 / fx.Zip(fy, (a, b) => System.Math.Sqrt(a * a + b * b)).Max();
            var f = plot.Add.ScatterLine(fx.Select(a => cx + scale * a).ToArray(), fy.Select(b => cy + scale * b).ToArray());
            f.LineWidth = 2;
            f.Color = Colors.Black;
            var e = plot.Add.ScatterLine(ex.Select(a => cx + scale * a).ToArray(), ey.Select(b => cy + scale * b).ToArray());
            e.LineWidth = 2;
            e.LinePattern = LinePattern.Dashed;
            e.Color = Colors.OrangeRed;
            if (i == 0)
            {
                f.LegendText = "Fisher F/N";
                e.LegendText = "empirical Fisher F̃/N";
            }
            var text = plot.Add.Text(label, cx, cy + 1.45);
            text.LabelFontSize = 13;
            text.LabelAlignment = Alignment.MiddleCenter;
        }
        plot.Title("Quadratic approximations at θ* (each cell scaled to its Fisher ellipse)");
        plot.Axes.SquareUnits();
        plot.Axes.SetLimits(-1.8, 2 * Spacing + 1.8, -Spacing - 1.8, 1.9);
        plot.HideGrid();
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
