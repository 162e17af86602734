using Verification.Engine;
using Verification.Engine.Reporting;
using Verification.Cli.Plots;

namespace Verification.Cli.Output;

/// <summary>
/// Writes a run's reports into one directory: every registered figure, then claims.json, then claims.md, which links
/// exactly the figures written. Every file is written atomically (<see cref="AtomicFile"/>), so no failure leaves a
/// partial file behind.
/// </summary>
internal static class ReportWriter
{
    internal const string JsonFile = "claims.json";
    internal const string MarkdownFile = "claims.md";

    /// <summary>The full paths written, or null after writing to <paramref name="error"/> what failed.</summary>
    internal static IReadOnlyList<string>? TryWriteAll(string directory, CatalogReport report, TextWriter error) =>
        TryWriteAll(directory, report, error, PlotRegistry.All);

    /// <summary>
    /// Writes <paramref name="plots"/>, claims.json and claims.md (in that order) into <paramref name="directory"/>.
    /// A figure that cannot be drawn (its data or rendering throws) is left out of claims.md with a one-line warning and
    /// the run goes on. A file that cannot be written stops the run with a one-line error and returns null (exit code 2,
    /// <see cref="ExitCodes.OutputError"/>); the files written before it are complete, and claims.md, being last, is
    /// only ever written together with every figure it links.
    /// </summary>
    /// <returns>The full paths written, in order, or null after a write failed.</returns>
    internal static IReadOnlyList<string>? TryWriteAll(string directory, CatalogReport report, TextWriter error, IReadOnlyList<IReportPlot> plots)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(plots);
        var written = new List<string>();
        var figures = new List<ReportFigure>();
        string current = directory;
        try
        {
            foreach (var plot in plots)
            {
                current = Path.Combine(directory, plot.FileName);
                if (TryRender(plot, report, error) is not { } png)
                    continue;
                AtomicFile.Write(current, png);
                written.Add(current);
                figures.Add(new ReportFigure(plot.FileName, plot.Caption));
            }
            current = Path.Combine(directory, JsonFile);
            AtomicFile.WriteText(current, JsonReport.Write(report));
            written.Add(current);
            current = Path.Combine(directory, MarkdownFile);
            AtomicFile.WriteText(current, MarkdownReport.Write(report, figures));
            written.Add(current);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write '{current}': {OneLine(e.Message)}");
            return null;
        }
        if (PlotFile.MissingFontWarning() is { } warning)
            error.WriteLine("warning: " + warning);
        return written;
    }

    /// <summary>
    /// The PNG of <paramref name="plot"/>, or null after a one-line warning when building or rendering it throws: a
    /// figure is an illustration beside the verdicts, so its failure is reported, not allowed to lose the report.
    /// </summary>
    private static byte[]? TryRender(IReportPlot plot, CatalogReport report, TextWriter error)
    {
        try
        {
            return PlotFile.RenderPng(plot.Panels(report));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            error.WriteLine($"warning: figure '{plot.FileName}' was not drawn ({e.GetType().Name}: {OneLine(e.Message)}); claims.md does not link it.");
            return null;
        }
    }

    /// <summary><paramref name="message"/> with line breaks replaced, so each error or warning stays one line.</summary>
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
