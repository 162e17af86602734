using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// LogisticRegression's bad-input and out-of-range rejections, its default name, and Synthetic's closed flip interval
/// [0, 1] (thesis §2.1.3: labels flipped with probability flip; 0 and 1 are valid probabilities).
/// </summary>
public class LogisticRegressionMutantExamples
{
    [Fact]
    public void Constructor_WithNoFeatureColumns_IsRejectedNamingFeatures() =>
        ArgumentAssert.Rejects(() => _ = new LogisticRegression(Matrix<double>.Build.Dense(2, 0), [1.0, -1], 0), "features", "non-empty");

    [Fact]
    public void DefaultName_SaysWhatItIs()
    {
        var f = new LogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0 }, { 2.0 } }), [1.0, -1], 0.5);
        Assert.Contains("logistic-regression", f.Name, StringComparison.Ordinal);
        Assert.Contains("m=2", f.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Synthetic_AcceptsTheEndsOfTheFlipInterval(double flip)
    {
        var f = LogisticRegression.Synthetic(4, 2, 0.1, flip, 7);
        Assert.Equal(2, f.Dimension);
    }

    /// <summary>Features 1e300 and w = 1e10: the margin 1e310 is beyond MaxValue, so θ is out of the range.</summary>
    [Fact]
    public void Value_WithAMarginBeyondTheDoubleRange_IsRejectedNamingTheta()
    {
        var f = new LogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1e300 } }), [1.0], 0);
        ArgumentAssert.Rejects(() => f.Value(Vector<double>.Build.DenseOfArray([1e10])), "theta", "beyond ±double.MaxValue");
    }
}
