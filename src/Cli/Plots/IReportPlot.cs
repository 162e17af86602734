using Verification.Engine;

namespace Verification.Cli.Plots;

/// <summary>
/// One PNG figure of the report. To add a plot, implement this in its own file under src/Cli/Plots and list it
/// in <see cref="PlotRegistry.All"/>; <c>verify</c> writes it beside claims.md and links it there.
/// </summary>
/// <remarks>
/// What the regression tests hold every registered figure to (tests/Regression/Plots): the frame of each panel contains
/// every plotted point; a legend inside the data area touches no drawn data (place it with
/// <see cref="LegendPlacement.Place"/>); both axes are labelled; and every legend entry appears word for word in
/// <see cref="Caption"/>, so the caption and the legend name things alike.
/// </remarks>
internal interface IReportPlot
{
    /// <summary>The file name in the output directory, e.g. <c>ratio-m-over-M.png</c>.</summary>
    string FileName { get; }

    /// <summary>One line on what the figure shows (its caption in claims.md).</summary>
    string Caption { get; }

    /// <summary>Builds the figure. Plots of the reference math ignore <paramref name="report"/>; plots of results read it.</summary>
    ScottPlot.Plot Create(CatalogReport report);

    /// <summary>
    /// The panels of the figure, left to right, each with its width in pixels: by default the one panel
    /// <see cref="Create"/> builds, <see cref="PlotFile.Width"/> wide. A figure that needs two views overrides this.
    /// </summary>
    IReadOnlyList<FigurePanel> Panels(CatalogReport report) => [new FigurePanel(Create(report), PlotFile.Width)];
}

/// <summary>One panel of a figure: a plot and its width in pixels (all panels are <see cref="PlotFile.Height"/> high).</summary>
internal sealed record FigurePanel(ScottPlot.Plot Plot, int Width);
