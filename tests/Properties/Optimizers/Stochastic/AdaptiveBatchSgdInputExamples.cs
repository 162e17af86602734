using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>The input contract of <see cref="AdaptiveBatchSgd"/> and its batch size m* = 2γη²/(2 − γ) (thesis Prop. 4.2, eq. 4.13).</summary>
public class AdaptiveBatchSgdInputExamples
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void StepFactor_NotPositive_IsRejected(double stepFactor)
    {
        Assert.Equal("stepFactor", Assert.Throws<ArgumentException>(() => new AdaptiveBatchSgd(1, stepFactor, 2, 4)).ParamName);
    }

    [Fact]
    public void StepFactor_AboveOne_IsRejectedSayingTheRange_ItsEdgesAccepted()
    {
        var e = Assert.Throws<ArgumentException>(() => new AdaptiveBatchSgd(1, 1.5, 2, 4));
        Assert.Equal("stepFactor", e.ParamName);
        Assert.Contains("stepFactor must be in (0, 1], got 1.5", e.Message);
        Assert.Equal(1.0, new AdaptiveBatchSgd(1, 1.0, 2, 4).StepFactor);
        Assert.Equal(0.5, new AdaptiveBatchSgd(1, 0.5, 2, 4).StepFactor);
    }

    [Fact]
    public void MinBatch_BelowTwo_IsRejectedSayingTheRange_TwoAndAboveAccepted()
    {
        var e = Assert.Throws<ArgumentException>(() => new AdaptiveBatchSgd(1, 0.5, 1, 4));
        Assert.Equal("minBatch", e.ParamName);
        Assert.Contains("minBatch must be ≥ 2, got 1", e.Message);
        Assert.Equal(2, new AdaptiveBatchSgd(1, 0.5, 2, 4).MinBatch);
        Assert.Equal(3, new AdaptiveBatchSgd(1, 0.5, 3, 4).MinBatch);
    }

    [Fact]
    public void MaxBatch_BelowMinBatch_IsRejectedSayingTheRange_EqualAccepted()
    {
        var e = Assert.Throws<ArgumentException>(() => new AdaptiveBatchSgd(1, 0.5, 3, 2));
        Assert.Equal("maxBatch", e.ParamName);
        Assert.Contains("maxBatch must be ≥ minBatch = 3, got 2", e.Message);
        var equal = new AdaptiveBatchSgd(1, 0.5, 3, 3);
        Assert.Equal((3, 3), (equal.MinBatch, equal.MaxBatch));
    }

    [Fact]
    public void Name_ShowsEveryHyperparameter()
    {
        Assert.Equal("sgd-prop4.2(L=2, γ=0.5, m∈[3,40])", new AdaptiveBatchSgd(2, 0.5, 3, 40).Name);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void BatchSizeFor_NegativeOrNaN_IsRejectedSayingTheRange(double eta2)
    {
        var e = Assert.Throws<ArgumentException>(() => new AdaptiveBatchSgd(1, 0.5, 2, 1000).BatchSizeFor(eta2));
        Assert.Equal("eta2", e.ParamName);
        Assert.Contains("eta2 must be ≥ 0", e.Message);
    }

    /// <summary>
    /// m* = 2γη²/(2 − γ) (eq. 4.13), all exact in binary here: γ = ½, η² = 30 gives 30/1.5 = 20; γ = 1, η² = 7.5 gives 15;
    /// γ = ½, η² = 31 gives 20.67 → 21 (rounded up); η² = 0 gives m_min; η² = ∞ gives m_max.
    /// </summary>
    [Theory]
    [InlineData(0.5, 30.0, 20)]
    [InlineData(1.0, 7.5, 15)]
    [InlineData(0.5, 31.0, 21)]
    [InlineData(0.5, 0.0, 2)]
    [InlineData(0.5, double.PositiveInfinity, 1000)]
    public void BatchSizeFor_IsEquation4_13_RoundedUpAndClamped(double stepFactor, double eta2, int expected)
    {
        Assert.Equal(expected, new AdaptiveBatchSgd(1, stepFactor, 2, 1000).BatchSizeFor(eta2));
    }
}
