using Verification.Engine;

namespace Verification.Cli.Plots;

/// <summary>
/// One PNG figure of the report. To add a plot, implement this in its own file under src/Cli/Plots and list it
/// in <see cref="PlotRegistry.All"/>; <c>verify</c> writes it beside claims.md and links it there.
/// </summary>
internal interface IReportPlot
{
    /// <summary>The file name in the output directory, e.g. <c>ratio-m-over-M.png</c>.</summary>
    string FileName { get; }

    /// <summary>One line on what the figure shows (its caption in claims.md).</summary>
    string Caption { get; }

    /// <summary>Builds the figure. Plots of the reference math ignore <paramref name="report"/>; plots of results read it.</summary>
    ScottPlot.Plot Create(CatalogReport report);
}
