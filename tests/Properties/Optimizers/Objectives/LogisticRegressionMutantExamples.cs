using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// LogisticRegression's bad-input and out-of-range rejections (each naming the parameter and what was wrong), its default
/// name, Synthetic's closed flip interval [0, 1] (thesis §2.1.3: labels flipped with probability flip; 0 and 1 are valid
/// probabilities) and its labels y_n = sign(x_nᵀw*) before the flips.
/// </summary>
public class LogisticRegressionMutantExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>One sample x = (2), label 1, no ridge: the smallest regression for the θ and j checks.</summary>
    private static LogisticRegression One() => new(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0 } }), [1.0], 0);

    [Fact]
    public void Constructor_WithNullFeatures_ThrowsArgumentNullNamingFeatures()
    {
        var e = Assert.Throws<ArgumentNullException>(() => _ = new LogisticRegression(null!, [1.0], 0));
        Assert.Equal("features", e.ParamName);
    }

    [Fact]
    public void Synthetic_WithDimensionZero_IsRejectedNamingDimension() =>
        ArgumentAssert.Rejects(() => LogisticRegression.Synthetic(4, 0, 0.1, 0.2, 7), "dimension", "dimension must be ≥ 1, got 0");

    /// <summary>
    /// flip 0 (and flip 1, every label turned) in one dimension: y_n = ±sign(x_n·w*) makes y_n·x_n one-signed over n, so
    /// the data are separable through the origin and with μ = 0 one of f(±T) is (1/m)Σ softplus(−T|x_n|) ≤ e^{−T·min|x_n|}:
    /// for T = 1e100 and 40 Gaussian x_n (|x_n| ≥ 1e-90 unless a draw is that small) that is below 2^-1074, so 0. With one
    /// label for every sample, while the x_n take both signs, f(±T) ≥ T·min|x_n|/m in both directions.
    /// </summary>
    [Theory]
    [InlineData(0.0, 3)]
    [InlineData(0.0, 8)]
    [InlineData(1.0, 5)]
    public void Synthetic_WithoutRandomFlips_IsSeparableThroughTheOrigin(double flip, int seed)
    {
        var f = LogisticRegression.Synthetic(40, 1, 0, flip, seed);
        double best = Math.Min(f.Value(V(1e100)), f.Value(V(-1e100)));
        Assert.True(best == 0, $"min f(±1e100) = {best:R}");
    }

    [Fact]
    public void TermValue_OfALongerTheta_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(() => One().TermValue(0, V(1, 2)), "theta", "length 2, expected 1");

    [Fact]
    public void Gradient_OfALongerTheta_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(() => One().Gradient(V(1, 2)), "theta", "length 2, expected 1");

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void TermValue_AtAnIndexOutsideTheSamples_IsRejectedNamingJ(int j) =>
        ArgumentAssert.Rejects(() => One().TermValue(j, V(1)), "j", $"j must be in [0, 1), got {j}");

    /// <summary>Feature 1e300, w = 1e10: the margin 1e310 is beyond MaxValue; T[u] names θ and says it is the margin.</summary>
    [Fact]
    public void ThirdDerivativeAlong_WithAMarginBeyondTheDoubleRange_IsRejectedNamingTheMargin()
    {
        var f = new LogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1e300 } }), [1.0], 0);
        var e = ArgumentAssert.Rejects(() => f.ThirdDerivativeAlong(V(1e10), V(1)), "theta", "beyond ±double.MaxValue");
        Assert.Contains("the margin y_j·x_jᵀw", e.Message, StringComparison.Ordinal);
    }
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

    /// <summary>Features 1e300 and w = 1e10: the margin 1e310 is beyond MaxValue, so θ is out of the range (the message says it is the margin).</summary>
    [Fact]
    public void Value_WithAMarginBeyondTheDoubleRange_IsRejectedNamingTheta()
    {
        var f = new LogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1e300 } }), [1.0], 0);
        var e = ArgumentAssert.Rejects(() => f.Value(Vector<double>.Build.DenseOfArray([1e10])), "theta", "beyond ±double.MaxValue");
        Assert.Contains("the margin y_j·x_jᵀw", e.Message, StringComparison.Ordinal);
    }
}
