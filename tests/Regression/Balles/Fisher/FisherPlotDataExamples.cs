using Verification.Figures;
using Xunit;

namespace Verification.Tests.Regression.Balles.Fisher;

/// <summary>The data behind the two Fisher figures, against what the thesis predicts for them.</summary>
public class FisherPlotDataExamples
{
    [Fact]
    public void QuadraticApproximations_EfMatchesFisherOnlyForTheCorrectLinearModel()
    {
        var m = FisherQuadraticApproximationsPlot.Matrices();
        double Gap(int i) => (m[i].EmpiricalFisher - m[i].Fisher).FrobeniusNorm() / m[i].Fisher.FrobeniusNorm();
        // Correct linear model: F̃/N ≈ F/N (sampling error ~ 1/√1000); misspecified (A) has noise variance 2, so F̃ ≈ 2F.
        Assert.True(Gap(0) < 0.1, $"correct: {Gap(0):F3}");
        Assert.InRange(Gap(1), 0.7, 1.3);
        Assert.True(Gap(2) > 0.3, $"misspecified (B): {Gap(2):F3}");
    }

    [Fact]
    public void LevelSet_LiesOnTheQuadraticForm()
    {
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0.5 }, { 0.5, 1.0 } });
        var (xs, ys) = FisherQuadraticApproximationsPlot.LevelSet(a);
        for (int k = 0; k < xs.Length; k++)
        {
            double q = 2 * xs[k] * xs[k] + 2 * 0.5 * xs[k] * ys[k] + ys[k] * ys[k];
            Assert.True(Math.Abs(q - 1) < 1e-12, $"point {k}: {q:R}");
        }
    }

    [Fact]
    public void CosineCurves_StartAtOneForLogisticRegressionAtZero_AndTurnNegativeOnFigure71Data()
    {
        // App. D.3.3: at θ = 0 logistic regression has F̃ = F. §7.4.3: on the Fig. 7.1 data the EF direction can oppose NGD.
        var curves = EfgdCosineSimilarityPlot.Curves();
        foreach (var (label, cos) in curves.Where(c => c.Label.StartsWith("logistic", StringComparison.Ordinal)))
            Assert.True(Math.Abs(cos[0] - 1) < 1e-12, $"{label}: {cos[0]:R}");
        Assert.Contains(curves, c => c.Label.StartsWith("Fig. 7.1", StringComparison.Ordinal) && c.Cosines.Min() < 0);
        Assert.All(curves, c => Assert.All(c.Cosines, x => Assert.InRange(x, -1 - 1e-12, 1 + 1e-12)));
    }

    [Fact]
    public void Registry_ListsBothFisherPlots()
    {
        var names = PlotRegistry.All.Select(p => p.FileName).ToList();
        Assert.Contains("fisher-quadratic-approximations.png", names);
        Assert.Contains("efgd-cosine-similarity.png", names);
    }
}
