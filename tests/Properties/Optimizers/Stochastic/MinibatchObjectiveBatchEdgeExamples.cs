using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// <see cref="MinibatchObjective"/> at the largest batch m = 2^20 and on the overflow path of its per-coordinate variance
/// (thesis eqs. 3.4, 3.30: the minibatch mean and Σⱼ(gⱼ − g)²/(m − 1)). At θ = 0 every margin is 0, σ(0) = ½ and
/// ∇ℓₙ = −½yₙxₙ exactly, so with rows x = a (y = +1) and x = a (y = −1) a batch with c draws of the first row has mean
/// g = (m − 2c)a/(2m) and estimate c(m − c)a²/(m(m − 1)) exactly, c read back from g.
/// </summary>
public class MinibatchObjectiveBatchEdgeExamples
{
    private static MinibatchObjective TwoRows(double a, int seed = 11) =>
        new(new LogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { a }, { a } }), [1.0, -1.0], 0), seed);

    /// <summary>
    /// The batch of exactly MaxBatchSize = 2^20 draws is accepted and its mean and estimate are right, one more is rejected
    /// naming batchSize and the range. a = 1 takes the plain sum of squares, a = 1.125·2^508 its overflow path (m·a²/4 ≈ 2^1036
    /// overflows, the estimate ≈ a²/4 ≈ 2^1014 does not). With a of four significant bits the draws ±a/2, their running
    /// sum (at most 2^20 of them), the mean (÷2^20), the differences gⱼ − g and their squares are all exact; only the m − 1
    /// additions of positive squares and the division by m − 1 round: within m + 2 ulp, the bound SquaredDeviations states.
    /// </summary>
    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(1.125, 508)]
    public void Sample_OfTheLargestBatch_IsTheExactMeanAndWithinTheStatedBoundOfTheEstimate(double significand, int exponent)
    {
        double a = Math.ScaleB(significand, exponent);
        const int m = MinibatchObjective.MaxBatchSize;
        Assert.Equal(1 << 20, m);
        var sampler = TwoRows(a).OpenSampler();
        var theta = Vector<double>.Build.Dense(1);
        var sample = sampler.Sample(theta, m);
        Assert.Equal(m, sample.BatchSize);
        var fa = ExactDouble.ToFraction(a);
        double g = sample.Gradient[0];
        int c = (int)Math.Round((m - 2 * m * g / a) / 2);
        Assert.InRange(c, 1, m - 1); // both rows drawn (c ≈ m/2), so the estimate is not the trivial 0
        Assert.Equal((m - 2 * c) * fa / (2 * m), ExactDouble.ToFraction(g));
        var exact = new Fraction((long)c * (m - c), (long)m * (m - 1)) * fa * fa;
        double error = ExactDouble.UlpError(sample.PerSampleVariance![0], RationalInterval.Exact(exact));
        Assert.True(error <= m + 2, $"c = {c}: s = {sample.PerSampleVariance[0]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, {error:R} ulp");
        ArgumentAssert.Rejects(() => sampler.Sample(theta, m + 1), "batchSize", $"batchSize must be in [1, {m}], got {m + 1}");
    }

    /// <summary>
    /// A variance beyond double.MaxValue is +∞, never a finite number: rows x = 1e308 with y = +1 and y = −1 at θ = −1e-300
    /// (margins ∓1e8, σ(1e8) = 1 and σ(−1e8) = 0 in double), so ∇ℓ₁ = −1e308 and ∇ℓ₂ = 0 exactly and ∇f = −5e307 exactly:
    /// diag Σ = ((5e307)² + (5e307)²)/2 = 2.5e615. The overflow path chose its power of two from the largest |½∇ℓₙ − ½∇f|;
    /// taken from |2∇ℓₙ − ½∇f| instead it was ∞ (2·1e308 overflows), the scaled deviations became 0 and the result 0.
    /// A batch of the two rows (m = 8, its c draws of the first known from the mean) has the estimate
    /// c(m − c)·1e616/(m(m − 1)) ≥ 1e615, also beyond the range.
    /// </summary>
    [Fact]
    public void Variance_BeyondMaxValue_IsInfinite()
    {
        var objective = new MinibatchObjective(
            new LogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1e308 }, { 1e308 } }), [1.0, -1.0], 0), 3);
        var theta = Vector<double>.Build.DenseOfArray([-1e-300]);
        Assert.Equal(-5e307, objective.Gradient(theta)[0]);
        Assert.Equal(double.PositiveInfinity, objective.PerSampleVariance(theta)![0]);
        var sample = objective.OpenSampler().Sample(theta, 8);
        Assert.InRange(sample.Gradient[0], -0.875e308, -0.125e308); // both rows drawn: c in [1, 7], g = −c·1e308/8
        Assert.Equal(double.PositiveInfinity, sample.PerSampleVariance![0]);
    }
}
