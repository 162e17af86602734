using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// <see cref="LogisticRegression.Value"/> and <see cref="LogisticRegression.Gradient"/>, the summed objective, over the
/// whole range. With one sample they are f_0 and ∇f_0, so the one-sample property checks them against the enclosures and
/// bounds of <see cref="LogisticRegressionTermRangeProperties"/> (16u·ℓ + 5u·μw²/2 + 11·2^-1074 and
/// 3u·(σ|x| + μ|w|) + 2^-1074, tighter than the documented (m + n + 4)u and (m + 4)u at m = n = 1 because the computation
/// is then the term's); two samples check the mean of losses whose plain sum overflows.
/// </summary>
[Properties(MaxTest = 400)]
public class LogisticRegressionSumRangeProperties
{
    [Property]
    public Property ValueAndGradient_OfOneSample_AreWithinTheTermBounds() => Prop.ForAll(
        LogisticRegressionTermRangeProperties.OneSample.ToArbitrary(),
        c =>
        {
            string? failure = Summed(c.x, c.w, c.mu, c.y);
            return (failure is null).Label(failure ?? "");
        });

    /// <summary>The ridge term alone under- or overflowing (old code: 0 for the exact 5e-301, and a rejection of 5e99).</summary>
    [Theory]
    [InlineData(1e300, 1e-200, 1e100)]
    [InlineData(1e300, 1e-160, 1e10)]
    [InlineData(1e-300, 1e200, 1e-300)]
    public void Value_WhereTheRidgeTermAloneUnderOrOverflows_IsWithinItsBound(double x, double w, double mu) =>
        Assert.Null(Summed(x, w, mu, 1));

    /// <summary>
    /// x = (1.5e308, 1.5e308), y = (1, 1), w = −1, μ = 0: both losses are softplus(1.5e308) = 1.5e308 (the exact
    /// 1.5e308 + log(1 + e^{−1.5e308}) rounds to it), so f = 1.5e308, though their plain sum overflows (the old code
    /// rejected w); each loss/2 is exact, so the one rounding of the sum gives 1.5e308 exactly.
    /// </summary>
    [Fact]
    public void Value_WhereThePlainSumOfLossesOverflows_IsTheMean()
    {
        var f = new LogisticRegression(Matrix<double>.Build.DenseOfArray(new double[,] { { 1.5e308 }, { 1.5e308 } }), [1.0, 1.0], 0);
        Assert.Equal(1.5e308, f.Value(Vector<double>.Build.Dense(1, -1.0)));
    }

    private static string? Summed(double x, double w, double mu, double y) =>
        LogisticRegressionTermRangeProperties.Check(x, w, mu, y, (f, theta) => f.Value(theta), (f, theta) => f.Gradient(theta)[0]);
}
