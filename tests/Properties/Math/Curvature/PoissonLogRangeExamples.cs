using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The inputs where <see cref="PoissonLog"/> went wrong before issue 15, item 1 (found by
/// <see cref="PoissonLogRangeProperties"/>), each against a reference derived by hand or enclosed exactly.
/// </summary>
public class PoissonLogRangeExamples
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// y = 0, f = −40: log p = −e^-40 = −4.248354255291589e-18 (log 0! = 0), within 7u of it; GammaLn(1) is −4.4e-16, not 0,
    /// so log p was +4.4e-16, a positive log-probability.
    /// </summary>
    [Fact]
    public void LogDensity_CountZero_IsMinusTheRate()
    {
        double value = new PoissonLog().LogDensity(0, V(-40));
        var exact = -ExactExp.Of(-40.0, 96);
        Assert.True(ExactDouble.UlpError(value, exact) <= 1, $"log p(0|−40) = {value:R}, exact {exact.Midpoint:R}");
    }

    /// <summary>
    /// y = 2, f = 0: log p = −1 − log 2 = −1.6931471805599453…, within 7u·(1 + log 2) = 1.3e-15 (the documented bound);
    /// GammaLn(3) is 42u above log 2, and log p was 3.1e-15 off.
    /// </summary>
    [Fact]
    public void LogDensity_CountTwo_HasTheExactLogFactorial()
    {
        double value = new PoissonLog().LogDensity(2, V(0));
        var exact = RationalInterval.Exact(-1.0) - ExactLog.Of(new Fraction(2), 96);
        var error = ExactDouble.ToFraction(value) - exact.Lower;
        Assert.True(Math.Abs(ExactDouble.ToDouble(error)) <= 7 * Unit * (1 + Math.Log(2)), $"log p(2|0) = {value:R}, exact {exact.Midpoint:R}");
    }

    /// <summary>
    /// η = (log 5.9 − 1075·log 2)/3 ≈ −247.79: λ³ ≈ 5.9·2^-1075, K = 2, and the first omitted term p(3)·(3 − λ)² =
    /// e^-λ·λ³·(3 − λ)²/6 ≈ 4.4·2^-1074 is a representable positive number; the tail bound 4p(3)·9 was 0 because p(3) ≈ λ³/6
    /// is below 2^-1075 and exp rounded it to 0.
    /// </summary>
    [Fact]
    public void TailBound_WhereTheNextWeightUnderflows_StillBoundsTheTail()
    {
        double eta = (Math.Log(5.9) - 1075 * Math.Log(2)) / 3;
        var rule = new PoissonLog().Expectation(V(eta));
        var lambda = ExactExp.Of(eta, 96);
        var firstOmitted = lambda.Lower * lambda.Lower * lambda.Lower * ExactExp.Of(-lambda.Upper, 96).Lower * (3 - lambda.Upper) * (3 - lambda.Upper) / 6;
        Assert.Equal(3, rule.Labels.Count);
        Assert.True(ExactDouble.ToFraction(rule.TailBound) >= firstOmitted,
            $"tail bound {rule.TailBound:R} < first omitted term {ExactDouble.ToDouble(firstOmitted):R}");
    }

    /// <summary>
    /// log y! is defined for natural numbers only: negative, fractional, NaN and ±∞ arguments are rejected, naming y (+∞
    /// passed the integer test y = ⌊y⌋ and gave log y! = +∞ before LogFactorial became public for the tensor side).
    /// </summary>
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void LogFactorial_OfANonNaturalNumber_IsRejected(double y) =>
        Assert.True(ArgumentAssert.IsRejection(() => PoissonLog.LogFactorial(y), "y", "must be an integer in [0, ∞]"));

    /// <summary>The largest double is a natural number: log y! there is beyond double.MaxValue, so +∞, as documented.</summary>
    [Fact]
    public void LogFactorial_OfTheLargestDouble_IsInfinite() =>
        Assert.Equal(double.PositiveInfinity, PoissonLog.LogFactorial(double.MaxValue));
}
