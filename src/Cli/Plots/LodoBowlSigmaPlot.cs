using ScottPlot;
using Verification.Engine;

namespace Verification.Cli.Plots;

/// <summary>lodo.md Fig. 2 (left), short: LODO's inverse-Hessian error estimate σ = √(‖I − G(θ_t)H‖²_F/n) over time.</summary>
internal sealed class LodoBowlSigmaPlot(Func<Verification.Optimizers.Lodo.BowlComparison>? source = null, string? caption = null) : IReportPlot
{
    private readonly Func<Verification.Optimizers.Lodo.BowlComparison> source = source ?? (() => LodoBowlPlotData.Comparison.Value);

    public string FileName => "lodo-bowl-sigma.png";

    public string Caption => caption ?? $"LODO's σ = √(‖I − G(θ_t)H‖²_F/n) on the noisy bowl, estimated with {LodoBowlPlotData.SigmaProbes} random unit vectors every {LodoBowlPlotData.SigmaEvery} steps";

    public Plot Create(CatalogReport report)
    {
        var sigma = source().Runs[0].Sigma;
        var plot = new Plot();
        var line = plot.Add.ScatterLine(sigma.Select(s => (double)s.Step).ToArray(), sigma.Select(s => s.Sigma).ToArray());
        line.LineWidth = 3;
        line.MarkerSize = 7; // the estimates are taken every few steps: mark where
        plot.Title("LODO inverse-Hessian error σ");
        plot.XLabel("step");
        plot.YLabel("σ = √(‖I − G(θ_t)H‖²_F / n)");
        // One curve, named by the title and the axis label: no legend to hide it.
        PlotFrame.Fit(plot, marginX: 0.03, marginY: 0.08);
        return plot;
    }
}
