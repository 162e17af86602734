using Verification.Claims.Catalog;
using Verification.Engine;

namespace Verification.Figures;

/// <summary>Every figure <c>verify</c> writes, in the order the report lists them.</summary>
internal static class PlotRegistry
{
    internal static IReadOnlyList<IReportPlot> All { get; } =
    [
        new RatioMOverMPlot(),
        new ElmoNewtonCauchyStepsPlot(),
        new RosenbrockTrajectoriesPlot(),
        new FisherQuadraticApproximationsPlot(),
        new EfgdCosineSimilarityPlot(),
        new SignGeometryRotationPlot(),
        new SignGeometryDimensionPlot(),
        new SignDescentDistancePlot(),
        new SignDescentDimensionPlot(),
        new VarianceFactorsPlot(),
        new LodoBowlLossPlot(),
        new LodoBowlSigmaPlot(),
        new LodoRosenbrockPlot(),
    ];

    /// <summary>The figures of <see cref="All"/> that belong to at least one claim checked in <paramref name="report"/>.</summary>
    internal static IReadOnlyList<IReportPlot> For(CatalogReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return All.Where(plot => report.Results.Any(r => plot.Claims.Any(glob => ClaimCatalog.Matches(glob, r.Claim.Id)))).ToList();
    }
}
