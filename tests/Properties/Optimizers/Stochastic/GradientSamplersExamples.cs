using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary><see cref="GradientSamplers.Open"/> on a deterministic objective: the exact gradient with zero variance (thesis eq. 3.30 with Σ = 0).</summary>
public class GradientSamplersExamples
{
    private static readonly Quadratic F =
        Quadratic.Diagonal(Vector<double>.Build.DenseOfArray([1.0, 10.0]), Vector<double>.Build.DenseOfArray([1.0, -2.0]));

    [Fact]
    public void Open_NullObjective_IsArgumentNullNamingIt()
    {
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => GradientSamplers.Open(null!)).ParamName);
    }

    /// <summary>m = 1 has no variance estimate (s needs m − 1 ≥ 1); from m = 2 on it is the zero vector of dimension d.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sample_IsTheExactGradient_WithZeroVarianceFromTwoDraws(int batchSize)
    {
        var theta = Vector<double>.Build.DenseOfArray([3.0, -1.0]);
        var sample = GradientSamplers.Open(F).Sample(theta, batchSize);
        Assert.Equal(F.Gradient(theta).ToArray(), sample.Gradient.ToArray());
        Assert.Equal(batchSize, sample.BatchSize);
        if (batchSize < 2)
            Assert.Null(sample.PerSampleVariance);
        else
            Assert.Equal([0.0, 0.0], sample.PerSampleVariance!.ToArray());
    }
}
