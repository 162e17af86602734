using Fractions;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The quadratic term (y − μ)²/(2v) of the Gaussian log-densities (eqs. D.8 and D.12) in <see cref="GaussianTerms"/>
/// (mutation run 34's survivors): where y − μ itself overflows (y = double.MaxValue, μ = −2^1000) the term is still finite
/// (about double.MaxValue/2 at v = double.MaxValue) and within the documented 7 ulp of the exact rational value; and where
/// every step is exact (y − μ = 2, 2v = 4, √4 = 2) the term is exactly 1, which √2·√2 = 2 + 4.4e-16 in place of √4 misses.
/// </summary>
public sealed class GaussianTermsRun35Examples
{
    [Theory]
    [InlineData(double.MaxValue)]
    [InlineData(1.5e308)] // r²/(2v) ≈ 1.08e308: still below double.MaxValue
    public void HalfSquareOver_WhereTheResidualOverflows_IsTheExactQuotientWithinSevenUlp(double variance)
    {
        double y = double.MaxValue, mean = -Math.ScaleB(1, 1000);
        Assert.True(double.IsInfinity(y - mean)); // the branch for an overflowed residual
        Fraction r = ExactDouble.ToFraction(y) - ExactDouble.ToFraction(mean);
        Fraction exact = r * r / (2 * ExactDouble.ToFraction(variance));
        double computed = GaussianTerms.HalfSquareOver(y, mean, variance);
        Assert.True(double.IsFinite(computed), $"got {computed:R}");
        // 7 ulp: the documented relative error bound where the result is normal (y − μ halved, √, ÷ and the square).
        Assert.True(ExactDouble.UlpError(computed, RationalInterval.Exact(exact)) <= 7, $"got {computed:R}");
    }

    [Fact]
    public void HalfSquareOver_WithEveryStepExact_IsExactlyOne()
    {
        // (2 − 0)²/(2·2) = 1: the residual 2, 2v = 4 and √4 = 2 are exact doubles, so q = 1 and q² = 1 with no rounding.
        Assert.Equal(1.0, GaussianTerms.HalfSquareOver(2, 0, 2));
        // Also with a fractional variance: (3 − 1)²/(2·½) = 4, again √1 = 1 exactly.
        Assert.Equal(4.0, GaussianTerms.HalfSquareOver(3, 1, 0.5));
    }
}
