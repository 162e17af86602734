using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>SGD's input contract and its name (thesis eq. 3.7).</summary>
public class SgdNameExamples
{
    /// <summary>A batch of m &lt; 1 samples is no minibatch (eq. 3.6 divides by m): rejected naming batchSize and the range.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void BatchSizeBelowOne_IsRejected(int m)
    {
        var e = Assert.Throws<ArgumentException>(() => new Sgd(0.1, m));
        Assert.Equal("batchSize", e.ParamName);
        Assert.Contains($"batchSize must be ≥ 1, got {m}", e.Message);
    }

    /// <summary>The name shows α round-trip and m.</summary>
    [Fact]
    public void Name_ShowsStepSizeAndBatchSize() => Assert.Equal("sgd(α=0.5, m=3)", new Sgd(0.5, 3).Name);
}
