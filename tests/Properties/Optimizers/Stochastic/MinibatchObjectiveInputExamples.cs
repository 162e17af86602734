using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// <see cref="MinibatchObjective"/>'s name, batch-size contract and diag Σ(θ) = (1/N)Σₙ(∇ℓₙ − ∇f)² (thesis eq. 3.3) on data
/// where it is exact: at θ = 0 every margin is 0, σ(0) = ½ and ∇ℓₙ = −½yₙxₙ exactly.
/// </summary>
public class MinibatchObjectiveInputExamples
{
    private static MinibatchObjective Rows(double[] x, double[] y, int seed = 7)
    {
        var features = Matrix<double>.Build.Dense(x.Length, 1, (i, _) => x[i]);
        return new MinibatchObjective(new LogisticRegression(features, y, 0, "rows"), seed);
    }

    [Fact]
    public void Name_IsTheProblemAndTheSeed()
    {
        Assert.Equal("minibatch(rows, seed=7)", Rows([1.0, 1.0], [1.0, -1.0]).Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(MinibatchObjective.MaxBatchSize + 1)]
    public void Sample_BatchSizeOutsideItsRange_IsRejectedSayingTheRange(int batchSize)
    {
        var sampler = Rows([1.0, 1.0], [1.0, -1.0]).OpenSampler();
        var e = Assert.Throws<ArgumentException>(() => sampler.Sample(Vector<double>.Build.Dense(1), batchSize));
        Assert.Equal("batchSize", e.ParamName);
        Assert.Contains($"batchSize must be in [1, {MinibatchObjective.MaxBatchSize}], got {batchSize}", e.Message);
    }

    /// <summary>
    /// m = 1 has no variance estimate; m = 2 has one. With a single row (x = 1, y = 1) every draw is −½, so the mean is −½
    /// and the estimate is 0 exactly. (The upper edge m = 2^20 is not drawn here: that one batch takes seconds.)
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Sample_AtTheEdgesOfTheBatchRange_IsTheExactGradient(int batchSize)
    {
        var sample = Rows([1.0], [1.0]).OpenSampler().Sample(Vector<double>.Build.Dense(1), batchSize);
        Assert.Equal([-0.5], sample.Gradient.ToArray());
        Assert.Equal(batchSize, sample.BatchSize);
        if (batchSize == 1)
            Assert.Null(sample.PerSampleVariance);
        else
            Assert.Equal([0.0], sample.PerSampleVariance!.ToArray());
    }

    /// <summary>
    /// Rows x = 1 with y = +1, +1, +1, −1: ∇ℓₙ = −½, −½, −½, +½, ∇f = −¼, and diag Σ = (3·(1/4)² + (3/4)²)/4 = 3/16, every
    /// step exact in binary, so the result is exact.
    /// </summary>
    [Fact]
    public void PerSampleVariance_IsTheExactMeanSquaredDeviation()
    {
        var variance = Rows([1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, -1.0]).PerSampleVariance(Vector<double>.Build.Dense(1));
        Assert.Equal([3.0 / 16], variance!.ToArray());
    }

    /// <summary>
    /// Rows x = A, 0, −A (y = 1), A = 1.125·2^513: ∇ℓₙ = −A/2, 0, A/2, ∇f = 0, each square (A/2)² = 1.265625·2^1024
    /// overflows, but diag Σ = 2(A/2)²/3 = 1.6875·2^1023 is finite. The overflow path scales by the largest deviation
    /// (the zero deviation of the middle row must not set the scale); its every step is exact in binary here, so the
    /// result is exact.
    /// </summary>
    [Fact]
    public void PerSampleVariance_WhereTheSquaresOverflow_IsExact()
    {
        double a = Math.ScaleB(1.125, 513);
        var variance = Rows([a, 0.0, -a], [1.0, 1.0, 1.0]).PerSampleVariance(Vector<double>.Build.Dense(1));
        Assert.Equal([Math.ScaleB(1.6875, 1023)], variance!.ToArray());
    }
}
