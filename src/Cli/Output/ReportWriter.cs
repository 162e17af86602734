using Verification.Engine;
using Verification.Engine.Reporting;
using Verification.Cli.Plots;

namespace Verification.Cli.Output;

/// <summary>Writes a run's reports into one directory: claims.json, claims.md and every registered plot.</summary>
internal static class ReportWriter
{
    internal const string JsonFile = "claims.json";
    internal const string MarkdownFile = "claims.md";

    /// <summary>The full paths written, or null after writing to <paramref name="error"/> what failed.</summary>
    internal static IReadOnlyList<string>? TryWriteAll(string directory, CatalogReport report, TextWriter error)
    {
        var plots = PlotRegistry.All;
        var figures = plots.Select(p => new ReportFigure(p.FileName, p.Caption)).ToList();
        var written = new List<string>();
        try
        {
            written.Add(Write(directory, JsonFile, JsonReport.Write(report)));
            written.Add(Write(directory, MarkdownFile, MarkdownReport.Write(report, figures)));
            foreach (var plot in plots)
            {
                string path = Path.Combine(directory, plot.FileName);
                PlotFile.SavePng(plot.Create(report), path);
                written.Add(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the reports to '{directory}': {e.Message}");
            return null;
        }
        if (PlotFile.MissingFontWarning() is { } warning)
            error.WriteLine("warning: " + warning);
        return written;
    }

    private static string Write(string directory, string file, string text)
    {
        string path = Path.Combine(directory, file);
        File.WriteAllText(path, text);
        return path;
    }
}
