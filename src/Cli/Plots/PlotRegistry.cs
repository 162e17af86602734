namespace Verification.Cli.Plots;

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
}
