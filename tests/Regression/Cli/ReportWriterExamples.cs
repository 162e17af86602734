using ScottPlot;
using Verification.Engine;
using Verification.Cli;
using Verification.Cli.Output;
using Verification.Cli.Plots;
using Xunit;

namespace Verification.Tests.Regression.Cli;

/// <summary>
/// The report links exactly the figures that were written: a figure that cannot be drawn is left out with a one-line
/// warning; a file that cannot be written stops the run with the one-line error of exit code 2 and leaves nothing partial.
/// </summary>
public class ReportWriterExamples
{
    private static readonly CatalogReport Report = new(1, 1, []);

    [Fact]
    public void FigureThatCannotBeDrawn_IsNotLinked_AndIsNamedInOneWarning()
    {
        using var temp = new TempDirectory();
        using var error = new StringWriter();
        var written = ReportWriter.TryWriteAll(temp.Path, Report, error, [new TinyPlot("good.png"), new BrokenPlot("broken.png"), new TinyPlot("also-good.png")]);

        Assert.NotNull(written);
        Assert.False(File.Exists(Path.Combine(temp.Path, "broken.png")));
        string markdown = File.ReadAllText(Path.Combine(temp.Path, ReportWriter.MarkdownFile));
        Assert.Contains("](good.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("](also-good.png)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("broken.png", markdown, StringComparison.Ordinal);
        // Every link in the report points at a file that exists.
        foreach (var link in Links(markdown))
            Assert.True(File.Exists(Path.Combine(temp.Path, link)), $"claims.md links {link}, which was not written");
        var warning = Assert.Single(Lines(error.ToString()));
        Assert.StartsWith("warning: figure 'broken.png' was not drawn", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.Combine(temp.Path, "broken.png"), written!);
    }

    [Fact]
    public void FigureThatCannotBeWritten_StopsWithOneErrorLine_AndLeavesNothingPartial()
    {
        using var temp = new TempDirectory();
        using var error = new StringWriter();
        // A directory where the figure should go: its write fails at the rename, after the temporary file was written.
        Directory.CreateDirectory(Path.Combine(temp.Path, "blocked.png"));
        var written = ReportWriter.TryWriteAll(temp.Path, Report, error, [new TinyPlot("first.png"), new TinyPlot("blocked.png"), new TinyPlot("never.png")]);

        Assert.Null(written);
        var line = Assert.Single(Lines(error.ToString()));
        Assert.StartsWith("error: cannot write '", line, StringComparison.Ordinal);
        Assert.Contains("blocked.png", line, StringComparison.Ordinal);
        // The figure before it is complete; nothing after it, claims.md included, was written; no temporary file is left.
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(temp.Path, "first.png"))[..4]);
        Assert.Equal(
            new[] { "blocked.png", "first.png" },
            Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Verify_WhenAFigureCannotBeWritten_ExitsTwoWithOneErrorLine()
    {
        using var temp = new TempDirectory();
        string first = PlotRegistry.All[0].FileName;
        Directory.CreateDirectory(Path.Combine(temp.Path, first));
        var run = CliRun.Of("verify", "--filter", "elmo/eq-14", "--budget", "50", "--out", temp.Path);

        Assert.True(run.ExitCode == ExitCodes.OutputError, run.ToString());
        var line = Assert.Single(Lines(run.Error));
        Assert.StartsWith("error: cannot write '", line, StringComparison.Ordinal);
        Assert.Contains(first, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal([first], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The targets of the Markdown image links <c>![…](target)</c>.</summary>
    private static IEnumerable<string> Links(string markdown) =>
        System.Text.RegularExpressions.Regex.Matches(markdown, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value);

    /// <summary>A small valid figure.</summary>
    private sealed class TinyPlot(string file) : IReportPlot
    {
        public string FileName => file;

        public string Caption => "a line";

        public Plot Create(CatalogReport report)
        {
            var plot = new Plot();
            plot.Add.ScatterLine(new[] { 0.0, 1, 2 }, new[] { 0.0, 1, 0 });
            return plot;
        }
    }

    /// <summary>A figure whose data cannot be computed.</summary>
    private sealed class BrokenPlot(string file) : IReportPlot
    {
        public string FileName => file;

        public string Caption => "never drawn";

        public Plot Create(CatalogReport report) => throw new InvalidOperationException("the experiment behind this figure failed\non two lines");
    }
}
