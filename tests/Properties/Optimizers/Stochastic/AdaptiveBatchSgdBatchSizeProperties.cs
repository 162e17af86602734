using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// <see cref="AdaptiveBatchSgd.BatchSizeFor"/> against the exact m* = 2γη²/(2 − γ) (thesis Prop. 4.2, eq. 4.13) in
/// rationals: the result r is the smallest integer ≥ m* clamped into [m_min, m_max], i.e. r ≥ m* unless r = m_max and
/// r − 1 &lt; m* unless r = m_min. No tolerance: an integer is either the ceiling or not.
/// </summary>
[Properties(MaxTest = 400)]
public class AdaptiveBatchSgdBatchSizeProperties
{
    [Property]
    public Property BatchSize_IsTheExactCeilingClamped() => Prop.ForAll(
        (from gamma in Gen.Choose(1, 1 << 30).Select(a => a / (double)(1 << 30))
         from eta2 in Gen.OneOf(FullRangeDoubles.NonNegative, Gen.Choose(0, 1 << 30).Select(k => k / 8.0))
         from max in Gen.Elements(2, 100, 1 << 20, int.MaxValue)
         select (gamma, eta2, max)).ToArbitrary(),
        c =>
        {
            string? failure = Check(c.gamma, c.eta2, 2, c.max);
            return (failure is null).Label(failure ?? "");
        });

    /// <summary>
    /// Exact integers m* (γ = a/2^k, η² = m*(2 − γ)/(2γ) a double, found by an exact search): three roundings put the
    /// floating-point m* just above the integer, and the old code's ceiling was one too large (220431919 for 220431918).
    /// </summary>
    [Theory]
    [InlineData(0.5791615843772888, 536348542.5, 437252355)]
    [InlineData(0.07820694148540497, 2708356329.0, 220431918)]
    [InlineData(0.03648586571216583, 2437730255.5, 90595425)]
    [InlineData(0.5891231000423431, 615435249.0, 513959966)]
    [InlineData(0.4331999495625496, 2944092802.0, 1628007164)]
    [InlineData(0.403440497815609, 4178588485.5, 2111805813)]
    public void BatchSize_AtAnExactIntegerMStar_IsThatInteger(double gamma, double eta2, int mStar)
    {
        Assert.Equal(2 * ExactDouble.ToFraction(gamma) * ExactDouble.ToFraction(eta2) / (2 - ExactDouble.ToFraction(gamma)), new Fraction(mStar));
        Assert.Equal(mStar, new AdaptiveBatchSgd(1, gamma, 2, int.MaxValue).BatchSizeFor(eta2));
    }

    private static string? Check(double gamma, double eta2, int min, int max)
    {
        int r = new AdaptiveBatchSgd(1, gamma, min, max).BatchSizeFor(eta2);
        var g = ExactDouble.ToFraction(gamma);
        var mStar = 2 * g * ExactDouble.ToFraction(eta2) / (2 - g);
        string at = $"γ = {gamma:R}, η² = {eta2:R}, m ∈ [{min}, {max}]: {r}";
        if (r < min || r > max)
            return $"{at} outside the clamp";
        if (r < max && new Fraction(r) < mStar)
            return $"{at} below m* = {ExactDouble.ToDouble(mStar):R}";
        if (r > min && new Fraction(r - 1) >= mStar)
            return $"{at}: {r - 1} is already ≥ m* = {ExactDouble.ToDouble(mStar):R}";
        return null;
    }
}
