using ScottPlot;
using ScottPlot.Plottables;
using Verification.Figures;
using Xunit;

namespace Verification.Tests.Regression.Plots;

/// <summary>
/// In the sign-descent figures no curve hides another: where two curves run together (as GD's axis-aligned and rotated
/// curves do, GD being rotation invariant), the one drawn first keeps a visible ring of its markers around the later
/// one's, and the line styles are the ones the caption describes.
/// </summary>
public class SignDescentPlotStyleExamples(RenderedFigures figures) : IClassFixture<RenderedFigures>
{
    /// <summary>Two points closer than this, in pixels, are drawn on top of each other.</summary>
    private const double Coincident = 2;

    /// <summary>Points in a row that make a stretch where two curves run together (one crossing is not hiding).</summary>
    private const int Stretch = 3;

    /// <summary>The narrowest ring of an earlier marker left visible around a later one, in pixels of radius.</summary>
    private const float Ring = 1.5f;

    public static TheoryData<string> Files => ["sign-descent-dimension.png", "sign-descent-distance.png"];

    [Theory]
    [MemberData(nameof(Files))]
    public void CurvesThatRunTogether_StayVisibleBothWays(string file)
    {
        var plot = Assert.Single(figures.ByFile[file].Panels).Plot;
        var series = plot.GetPlottables<Scatter>().ToList();
        int stretches = 0;
        for (int i = 0; i < series.Count; i++)
            for (int j = i + 1; j < series.Count; j++)
            {
                var a = series[i].Data.GetScatterPoints().Select(c => plot.GetPixel(c)).ToArray();
                var b = series[j].Data.GetScatterPoints().Select(c => plot.GetPixel(c)).ToArray();
                Assert.Equal(a.Length, b.Length);
                int run = 0, longest = 0;
                for (int k = 0; k < a.Length; k++)
                {
                    run = Math.Sqrt((a[k].X - b[k].X) * (a[k].X - b[k].X) + (a[k].Y - b[k].Y) * (a[k].Y - b[k].Y)) <= Coincident ? run + 1 : 0;
                    longest = Math.Max(longest, run);
                }
                if (longest < Stretch)
                    continue;
                stretches++;
                Assert.True(series[i].MarkerSize / 2 - series[j].MarkerSize / 2 >= Ring,
                    $"'{series[i].LegendText}' (drawn first) and '{series[j].LegendText}' run together for {longest} points, "
                    + $"but the first's markers ({series[i].MarkerSize} px) leave no ring around the second's ({series[j].MarkerSize} px).");
                Assert.NotEqual(series[i].Color, series[j].Color);
            }
        if (file == "sign-descent-dimension.png")
            Assert.True(stretches > 0, "GD's axis-aligned and rotated curves were expected to run together (GD is rotation invariant).");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void LineStyles_AreTheOnesTheCaptionDescribes(string file)
    {
        var (figure, panels) = figures.ByFile[file];
        var series = Assert.Single(panels).Plot.GetPlottables<Scatter>().ToList();
        Assert.Equal(4, series.Count);
        Assert.Contains("Solid lines: GD, dashed: norm-scaled sign-GD; open circles:", figure.Caption, StringComparison.Ordinal);
        foreach (var s in series)
        {
            bool gd = s.LegendText.StartsWith(SignDescentDistancePlot.GdName + ", ", StringComparison.Ordinal);
            Assert.Equal(gd ? LinePattern.Solid : LinePattern.Dashed, s.LinePattern);
        }
        // The first parameter's pair first, with open circles; the second's on top, with filled squares.
        Assert.All(series.Take(2), s => Assert.Equal(MarkerShape.OpenCircle, s.MarkerShape));
        Assert.All(series.Skip(2), s => Assert.Equal(MarkerShape.FilledSquare, s.MarkerShape));
    }
}
