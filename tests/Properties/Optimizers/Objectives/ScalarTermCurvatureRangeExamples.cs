using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// The curvature ranges [inf φ″, sup φ″] the scalar terms declare, against hand-derived values, with the points where the
/// ends are attained; and a Lorentzian term's name, which carries its parameters.
/// </summary>
public class ScalarTermCurvatureRangeExamples
{
    /// <summary>
    /// φ = a·cos x + b·x², φ″ = −a·cos x + 2b ∈ [2b − |a|, 2b + |a|]: a = ±3, b = 2 gives [1, 7], attained at x = 0 for
    /// a = 3 (φ″(0) = −3 + 4 = 1) and for a = −3 (φ″(0) = 3 + 4 = 7).
    /// </summary>
    [Theory]
    [InlineData(3.0)]
    [InlineData(-3.0)]
    public void CosineQuadratic_CurvatureRange_IsTwoBPlusOrMinusAbsA(double a)
    {
        var term = new CosineQuadraticTerm(a, 2);
        Assert.Equal(1.0, term.SecondInfimum);
        Assert.Equal(7.0, term.SecondSupremum);
        Assert.Equal(a > 0 ? 1.0 : 7.0, term.Second(0));
    }

    /// <summary>φ = (q/2)x² + (c/6)x³ with c = 0 is a quadratic: φ″ ≡ q, so both ends are q; with c ≠ 0, φ″ = q + cx spans ℝ.</summary>
    [Fact]
    public void Cubic_CurvatureRange_IsQWithoutTheCubeAndUnboundedWithIt()
    {
        var quadratic = new CubicTerm(2.5, 0);
        Assert.Equal(2.5, quadratic.SecondInfimum);
        Assert.Equal(2.5, quadratic.SecondSupremum);
        Assert.Equal(double.PositiveInfinity, new CubicTerm(2.5, -1).SecondSupremum);
        Assert.Equal(double.NegativeInfinity, new CubicTerm(2.5, -1).SecondInfimum);
    }

    /// <summary>
    /// φ″ = β + s/(1 + x²) lies between β (approached as |x| → ∞) and β + s (at x = 0), whichever is larger: β = 2, s = ±3
    /// gives [2, 5] (φ″(0) = 5) and [−1, 2] (φ″(0) = −1, φ″(2^30) = 2 − 3/(1 + 2^60), which rounds to 2). Until stop 47
    /// no test declared a negative s's range (run 48: a supremum of β + s for every s survived).
    /// </summary>
    [Theory]
    [InlineData(3.0, 2.0, 5.0)]
    [InlineData(-3.0, -1.0, 2.0)]
    public void Lorentzian_CurvatureRange_IsBetweenBetaAndBetaPlusS(double s, double infimum, double supremum)
    {
        var term = new LorentzianTerm(2, s);
        Assert.Equal(infimum, term.SecondInfimum);
        Assert.Equal(supremum, term.SecondSupremum);
        Assert.Equal(2 + s, term.Second(0));
        Assert.InRange(term.Second(Math.ScaleB(1.0, 30)), infimum, supremum);
    }

    [Fact]
    public void Lorentzian_Name_CarriesBetaAndS()
    {
        string name = new LorentzianTerm(0.5, -2).Name;
        Assert.Contains("lorentzian", name, StringComparison.Ordinal);
        Assert.Contains("β=0.5", name, StringComparison.Ordinal);
        Assert.Contains("s=-2", name, StringComparison.Ordinal);
    }
}
