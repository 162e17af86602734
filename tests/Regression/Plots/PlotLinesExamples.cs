using ScottPlot;
using Verification.Figures;
using Xunit;

namespace Verification.Tests.Regression.Plots;

/// <summary>The one way the figures draw a named curve: its data, its legend entry, its width and its line pattern.</summary>
public class PlotLinesExamples
{
    [Fact]
    public void Named_DrawsASolidLineTwoPixelsWideUnlessToldOtherwise()
    {
        var plot = new Plot();
        var line = PlotLines.Named(plot, [1.0, 2, 3], [4.0, 5, 7], "a curve");
        Assert.Same(line, Assert.Single(plot.GetPlottables()));
        Assert.Equal("a curve", line.LegendText);
        Assert.Equal(2f, line.LineWidth);
        Assert.Equal(LinePattern.Solid, line.LinePattern);
        Assert.Equal([new Coordinates(1, 4), new Coordinates(2, 5), new Coordinates(3, 7)], line.Data.GetScatterPoints());
    }

    [Fact]
    public void Named_TakesTheGivenWidthAndPattern()
    {
        var line = PlotLines.Named(new Plot(), [0.0, 1], [0.0, 1], "dashed", width: 3, pattern: LinePattern.Dashed);
        Assert.Equal(3f, line.LineWidth);
        Assert.Equal(LinePattern.Dashed, line.LinePattern);
    }
}
