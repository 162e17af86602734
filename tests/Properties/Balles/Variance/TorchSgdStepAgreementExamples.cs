using MathNet.Numerics.LinearAlgebra;
using Verification.Math.Torch.Stochastic;
using Verification.Optimizers.Stochastic;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Balles.Variance;

/// <summary>
/// The tensor SGD steps against the double reference (thesis eq. 3.7 and Prop. 4.1's rule γ*/L) on the same
/// per-sample gradients: the reference's η² estimate (NoiseToSignal) and γ* (VarianceAdaptedStepSgd.OptimalStepFactor).
/// </summary>
public class TorchSgdStepAgreementExamples
{
    /// <summary>Means and variances summed in another order: a few ulp per entry, 64 ulp of max|Δθ| with room.</summary>
    private const double Float64Relative = 64 * 2.220446049250313e-16;

    private static double[,] Batch(int m, int d, int seed)
    {
        var random = new Random(seed);
        var rows = new double[m, d];
        for (int j = 0; j < m; j++)
            for (int i = 0; i < d; i++)
                rows[j, i] = (i % 4 - 1.5) + (i % 3 + 0.5) * (random.NextDouble() * 2 - 1);
        return rows;
    }

    private static Vector<double> ReferenceOptimalStep(double[,] rows, double smoothness)
    {
        var matrix = Matrix<double>.Build.DenseOfArray(rows);
        int m = matrix.RowCount;
        var g = matrix.ColumnSums() / m;
        var s = Vector<double>.Build.Dense(matrix.ColumnCount, i =>
            matrix.Column(i).Sum(x => (x - g[i]) * (x - g[i])) / (m - 1));
        double eta2 = NoiseToSignal.Estimate(new GradientSample(g, m, s));
        return -(VarianceAdaptedStepSgd.OptimalStepFactor(eta2, m) / smoothness) * g;
    }

    [Theory]
    [InlineData(2, 3, 1)]
    [InlineData(8, 50, 2)]
    [InlineData(32, 1000, 3)]
    public void OptimalStepRule_Float64_AgreesWithTheReference(int m, int d, int seed)
    {
        var rows = Batch(m, d, seed);
        var expected = ReferenceOptimalStep(rows, smoothness: 2.5);
        using var batch = tensor(rows, ScalarType.Float64);
        using var step = TorchSgdStep.OptimalStepRule(batch, 2.5);
        var actual = step.data<double>().ToArray();
        double scale = expected.AbsoluteMaximum();
        for (int i = 0; i < d; i++)
            Assert.True(System.Math.Abs(actual[i] - expected[i]) <= Float64Relative * scale, $"entry {i}: {actual[i]:R} vs {expected[i]:R}");
    }

    [Fact]
    public void Plain_IsMinusAlphaTimesTheMeanGradient()
    {
        using var batch = tensor(new double[,] { { 1, -2 }, { 3, 4 } }, ScalarType.Float64);
        using var step = TorchSgdStep.Plain(batch, 0.5);
        Assert.Equal([-1.0, -0.5], step.data<double>().ToArray());
    }

    [Fact]
    public void OptimalStepRule_ZeroMeanWithNoise_DoesNotMove_AndNoiselessBatch_TakesTheFullStep()
    {
        using var noisy = tensor(new double[,] { { 1, -1 }, { -1, 1 } }, ScalarType.Float64);
        using var still = TorchSgdStep.OptimalStepRule(noisy, 1);
        Assert.Equal([0.0, 0.0], still.data<double>().ToArray().Select(System.Math.Abs));
        using var exact = tensor(new double[,] { { 2, -4 }, { 2, -4 } }, ScalarType.Float64);
        using var full = TorchSgdStep.OptimalStepRule(exact, 2);
        Assert.Equal([-1.0, 2.0], full.data<double>().ToArray());
    }

    [Fact]
    public void BadInput_IsRejectedWithTheParameterNamed()
    {
        using var one = tensor(new double[,] { { 1, 2 } }, ScalarType.Float64);
        Assert.Equal("perSampleGradients", Assert.Throws<ArgumentException>(() => TorchSgdStep.OptimalStepRule(one, 1)).ParamName);
        Assert.Equal("smoothness", Assert.Throws<ArgumentException>(() => TorchSgdStep.OptimalStepRule(one, -1)).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentException>(() => TorchSgdStep.Plain(one, double.NaN)).ParamName);
        using var nan = tensor(new double[,] { { 1, double.NaN }, { 0, 0 } }, ScalarType.Float64);
        Assert.Equal("perSampleGradients", Assert.Throws<ArgumentException>(() => TorchSgdStep.Plain(nan, 1)).ParamName);
        using var ints = tensor(new long[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal("perSampleGradients", Assert.Throws<ArgumentException>(() => TorchSgdStep.Plain(ints, 1)).ParamName);
    }
}
