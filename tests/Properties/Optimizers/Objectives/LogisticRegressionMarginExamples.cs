using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// A margin whose plain dot product overflows though its exact value is in range: x = (1e300, 1e300), w = (1e10, −1e10)
/// gives 1e310 − 1e310 = ∞ − ∞ = NaN as doubles, and every member rejected the exact margin 0 naming theta (fails on the
/// old code). Now the products are summed unrounded there: f = ℓ(0) = ln 2 exactly rounded, ∇f = −σ(0)·x = −½x exactly,
/// f_j and ∇f_j the same; a margin beyond the range (w = (1e10, 1e10)) is still rejected naming theta.
/// </summary>
public class LogisticRegressionMarginExamples
{
    private static readonly LogisticRegression Problem =
        new(Matrix<double>.Build.DenseOfArray(new double[,] { { 1e300, 1e300 } }), [1.0], 0);

    [Fact]
    public void MarginWhoseProductsOverflow_ButIsZero_IsKept()
    {
        var w = Vector<double>.Build.DenseOfArray([1e10, -1e10]);
        Assert.Equal(Math.Log(2), Problem.Value(w));
        Assert.Equal(Math.Log(2), Problem.TermValue(0, w));
        Assert.Equal(new[] { -5e299, -5e299 }, Problem.Gradient(w).ToArray());
        Assert.Equal(new[] { -5e299, -5e299 }, Problem.TermGradient(0, w).ToArray());
    }

    [Fact]
    public void MarginBeyondTheRange_IsRejectedNamingTheta()
    {
        var w = Vector<double>.Build.DenseOfArray([1e10, 1e10]);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => Problem.Value(w)).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => Problem.Gradient(w)).ParamName);
    }
}
