using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verification.Engine;
using Verification.Numerics.Curvature.Data;

namespace Verification.Figures;

/// <summary>
/// Fig. 7.2 style: at the exact MLE θ* of each Table D.1/D.2 dataset, the level sets {Δθ : ΔθᵀMΔθ/N = 1} of the quadratic
/// approximations with M = F (solid) and M = F̃ (dashed). Each dataset is drawn in its own cell, scaled so the Fisher
/// ellipse has radius ≤ 1; where the EF is a good approximation the two curves coincide.
/// </summary>
internal sealed class FisherQuadraticApproximationsPlot : IReportPlot
{
    internal const int Points = 181;

    /// <summary>Room between neighbouring cells, and above each cell for its label, in cell units (the Fisher ellipse has radius ≤ 1).</summary>
    internal const double Gap = 0.6, LabelRoom = 0.35;

    /// <summary>Height of the empty band kept below the cells for the legend, in cell units.</summary>
    internal const double LegendBand = 0.9;

    /// <summary>The legend entries, each used word for word in <see cref="Caption"/>.</summary>
    internal const string FisherName = "Fisher F/N", EmpiricalFisherName = "empirical Fisher F̃/N";

    public string FileName => "fisher-quadratic-approximations.png";

    public IReadOnlyList<string> Claims { get; } = ["balles/prop-7.*", "balles/eq-7.*"];

    public string Caption =>
        $"Level sets ΔθᵀMΔθ = 1 of the quadratic approximations at the minimum θ* with M = {FisherName} (solid) and M = {EmpiricalFisherName} (dashed), "
        + $"on the Tables D.1/D.2 datasets, N = {FisherSyntheticProblems.Count} (Fig. 7.2 style); each cell is centred on θ* and scaled so its Fisher ellipse has radius ≤ 1, "
        + "so the axes carry no common scale and show no ticks";

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
            double phi = 2 * Math.PI * k / (Points - 1);
            double a = Math.Cos(phi) / Math.Sqrt(l[0]), b = Math.Sin(phi) / Math.Sqrt(l[1]);
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
        var cells = Matrices().Select(m =>
        {
            var (fx, fy) = LevelSet(m.Fisher);
            var (ex, ey) = LevelSet(m.EmpiricalFisher);
            double scale = 1 / fx.Zip(fy, (a, b) => Math.Sqrt(a * a + b * b)).Max();
            return (m.Label, Fx: Scale(fx, scale), Fy: Scale(fy, scale), Ex: Scale(ex, scale), Ey: Scale(ey, scale));
        }).ToList();
        // Cells far enough apart that no two overlap, whatever the extent of the empirical Fisher's ellipse.
        double extent = cells.Max(c => c.Fx.Concat(c.Fy).Concat(c.Ex).Concat(c.Ey).Max(Math.Abs));
        double spacing = 2 * extent + Gap + LabelRoom;
        for (int i = 0; i < cells.Count; i++)
        {
            var (label, fx, fy, ex, ey) = cells[i];
            double cx = (i % 3) * spacing, cy = -(i / 3) * spacing;
            var f = plot.Add.ScatterLine(fx.Select(a => cx + a).ToArray(), fy.Select(b => cy + b).ToArray());
            f.LineWidth = 2;
            f.Color = Colors.Black;
            var e = plot.Add.ScatterLine(ex.Select(a => cx + a).ToArray(), ey.Select(b => cy + b).ToArray());
            e.LineWidth = 2;
            e.LinePattern = LinePattern.Dashed;
            e.Color = Colors.OrangeRed;
            if (i == 0)
            {
                f.LegendText = FisherName;
                e.LegendText = EmpiricalFisherName;
            }
            var text = plot.Add.Text(label, cx, cy + fy.Concat(ey).Max() + LabelRoom / 2);
            text.LabelFontSize = 13;
            text.LabelAlignment = Alignment.LowerCenter;
        }
        plot.Title("Quadratic approximations at θ* (each cell scaled to its Fisher ellipse)");
        plot.XLabel("Δθ₁ = first coordinate of θ − θ* (scaled per cell)");
        plot.YLabel("Δθ₂ (scaled per cell)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        // A free band below the cells for the legend (the equal-unit rule leaves no empty corner otherwise).
        double lowest = cells.Select((c, i) => -(i / 3) * spacing + c.Fy.Concat(c.Ey).Min()).Min();
        // … and room above the top labels, which sit on their anchors.
        double highest = cells.Take(3).Max(c => c.Fy.Concat(c.Ey).Max()) + LabelRoom;
        PlotFrame.Fit(plot, marginX: 0.04, marginY: 0.04, includeY: [lowest - LegendBand, highest + LabelRoom]);
        // Equal units on both axes by widening one of them, never narrowing: the frame keeps containing the data.
        plot.Axes.Rules.Add(new ScottPlot.AxisRules.SquareZoomOut(plot.Axes.Bottom, plot.Axes.Left));
        plot.HideGrid();
        LegendPlacement.Place(plot);
        return plot;
    }

    private static double[] Scale(double[] values, double scale) => values.Select(v => scale * v).ToArray();
}
