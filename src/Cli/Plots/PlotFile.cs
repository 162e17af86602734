namespace Verification.Cli.Plots;

/// <summary>Saving figures headless, with one size for all, and noticing when the machine has no fonts.</summary>
internal static class PlotFile
{
    internal const int Width = 900;
    internal const int Height = 600;

    /// <summary>Renders <paramref name="plot"/> to a PNG file at <paramref name="path"/>.</summary>
    internal static void SavePng(ScottPlot.Plot plot, string path) => plot.SavePng(path, Width, Height);

    /// <summary>
    /// Null when the font ScottPlot draws text with has glyphs; otherwise a warning. Without any font file
    /// (a bare container is the usual case) SkiaSharp falls back to an empty typeface: the curves, axes and
    /// legend boxes still render, but every label is blank.
    /// </summary>
    internal static string? MissingFontWarning() =>
        ScottPlot.Fonts.GetTypeface(ScottPlot.Fonts.Default, bold: false, italic: false).GlyphCount > 0
            ? null
            : "no fonts were found, so the plots have curves but no text; install a TrueType font (e.g. `apt-get install fonts-dejavu-core`) and rerun.";
}
