using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// ½log(2πv) of <see cref="GaussianTerms"/> at the doubles nearest 1/(2π), where 2πv is within a few u of 1 and
/// log(2πv) is about 1e-16 or less: Math.Log of the rounded 2πv gave 0 (v = 0.15915494309189535, where 2πv rounds to 1)
/// or a value with the wrong sign. Each is checked against a 200-bit enclosure within the 10u relative the doc states,
/// which <see cref="GaussianTermsRangeProperties"/> only reaches by chance here.
/// </summary>
public class GaussianTermsRangeExamples
{
    /// <summary>The double nearest 1/(2π).</summary>
    private const double InverseTwoPi = 0.15915494309189535;

    [Theory]
    [InlineData(-4)]
    [InlineData(-3)]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void HalfLogTwoPiVariance_NearOneOverTwoPi_IsRelativelyAccurate(int ulps)
    {
        double v = FullRangeDoubles.Nudge(InverseTwoPi, ulps);
        var exact = GaussianTermsRangeProperties.HalfLogTwoPiVariance(v);
        double computed = GaussianTerms.HalfLogTwoPiVariance(v);
        var c = ExactDouble.ToFraction(computed);
        var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
        var bound = 10 * ExactDouble.Pow2(-53) * FractionExtensions.Max(Fraction.Abs(exact.Lower), Fraction.Abs(exact.Upper));
        Assert.True(error <= bound, $"v = {v:R}: {computed:R} vs exact {exact.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }

    /// <summary>
    /// log p(y = f) of N(f, 1/(2π)) is −½log(2πv) ≈ −4e-17·… ≠ 0 (2π·0.15915494309189535 is not 1): the log-density at the
    /// mean was exactly 0.
    /// </summary>
    [Fact]
    public void GaussianIdentity_AtTheMean_WithVarianceNearOneOverTwoPi_IsNotZero()
    {
        double logP = new GaussianIdentity(InverseTwoPi).LogDensity(0, Vector<double>.Build.Dense(1, 0.0));
        Assert.NotEqual(0.0, logP);
        Assert.Equal(-GaussianTermsRangeProperties.HalfLogTwoPiVariance(InverseTwoPi).Midpoint, logP, 1e-31);
    }
}
