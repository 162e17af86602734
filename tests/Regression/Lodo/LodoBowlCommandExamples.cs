using Verification.Cli;
using Verification.Figures;
using Xunit;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Regression.Lodo;

/// <summary>The <c>lodo-bowl</c> command: a short run writes its files; bad options exit 1 with one line.</summary>
public class LodoBowlCommandExamples
{
    [Fact]
    public void ShortRun_WritesSummaryCsvAndFigures()
    {
        string dir = Path.Combine(Path.GetTempPath(), "lodo-bowl-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Program.Run(["lodo-bowl", "--steps", "20", "--sigma-every", "10", "--out", dir], output, error);
            Assert.True(code == ExitCodes.Completed, error.ToString());
            foreach (var name in new[] { "lodo-bowl.md", "lodo-bowl.csv", "lodo-bowl-loss.png", "lodo-bowl-sigma.png" })
                Assert.True(File.Exists(Path.Combine(dir, name)), name);
            var csv = File.ReadAllLines(Path.Combine(dir, "lodo-bowl.csv"));
            Assert.Equal("step,lodo_sigma,lodo_loss,adam_loss,momentum_loss,newton_loss", csv[0]);
            Assert.Equal(3, csv.Length); // steps 10 and 20
            Assert.Contains("Newton analytic", output.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--steps", "5")]
    [InlineData("--noise", "-1")]
    [InlineData("--noise", "NaN")]
    [InlineData("--seed", "x")]
    public void BadOption_ExitsWithUsageError(string option, string value)
    {
        var error = new StringWriter();
        int code = Program.Run(["lodo-bowl", option, value], new StringWriter(), error);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(option, error.ToString());
    }

    [Fact]
    public void MovingAverage_IsTrailingMean()
    {
        Assert.Equal([1.0, 1.5, 2.5, 3.5], LodoBowlPlotData.MovingAverage([1.0, 2.0, 3.0, 4.0], 2));
    }

    [Fact]
    public void LodoPlots_AreRegistered()
    {
        var names = PlotRegistry.All.Select(p => p.FileName).ToList();
        Assert.Contains("lodo-bowl-loss.png", names);
        Assert.Contains("lodo-bowl-sigma.png", names);
        Assert.Contains("lodo-rosenbrock.png", names);
    }
}
