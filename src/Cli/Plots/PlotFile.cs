using ScottPlot;
using SkiaSharp;
using Verification.Cli.Output;

namespace Verification.Cli.Plots;

/// <summary>Rendering figures headless, with one height for all, saving them atomically, and noticing when the machine has no fonts.</summary>
internal static class PlotFile
{
    internal const int Width = 900;
    internal const int Height = 600;

    /// <summary>
    /// Renders <paramref name="plot"/> (<see cref="Width"/> × <see cref="Height"/>) and writes the PNG to
    /// <paramref name="path"/> atomically (<see cref="AtomicFile"/>): a failed write leaves no partial file.
    /// </summary>
    internal static void SavePng(Plot plot, string path) => AtomicFile.Write(path, RenderPng([new FigurePanel(plot, Width)]));

    /// <summary>
    /// The PNG bytes of <paramref name="panels"/> drawn side by side, left to right, each as wide as it asks and
    /// <see cref="Height"/> high. Rendering happens in memory, so nothing is written when it fails.
    /// </summary>
    internal static byte[] RenderPng(IReadOnlyList<FigurePanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
            throw new ArgumentException("A figure needs at least one panel.", nameof(panels));
        if (panels.FirstOrDefault(p => p.Width <= 0) is { } bad)
            throw new ArgumentException($"Panel widths must be positive, got {bad.Width}.", nameof(panels));
        if (panels.Count == 1)
            return panels[0].Plot.GetImageBytes(panels[0].Width, Height, ImageFormat.Png);

        using var surface = SKSurface.Create(new SKImageInfo(panels.Sum(p => p.Width), Height))
            ?? throw new InvalidOperationException("SkiaSharp could not create the drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        int left = 0;
        foreach (var panel in panels)
        {
            // Each plot clears its canvas before rendering by default, which would erase the panels drawn before it.
            panel.Plot.RenderManager.ClearCanvasBeforeEachRender = false;
            panel.Plot.Render(surface.Canvas, new PixelRect(left, left + panel.Width, Height, 0));
            left += panel.Width;
        }
        using var image = new ScottPlot.Image(surface);
        return image.GetImageBytes(ImageFormat.Png, 100);
    }

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
