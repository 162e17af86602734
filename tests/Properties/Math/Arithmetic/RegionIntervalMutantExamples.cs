using Fractions;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Hand-derived examples for <see cref="RegionInterval"/>: the supremum of max(A, B) is the larger supremum, whichever
/// operand holds it, with that operand's openness; and the sign of an interval is +1 exactly when its infimum is
/// positive, or 0 and not attained; 1/A of an interval that excludes 0 is [1/sup, 1/inf] with each end attained exactly
/// when the opposite end of A is (1/∞ = 0 never is). Exact rationals, no tolerance.
/// </summary>
public class RegionIntervalMutantExamples
{
    private static RegionInterval Of(int lower, bool lowerOpen, int upper, bool upperOpen) =>
        RegionInterval.Of(new Fraction(lower), lowerOpen, new Fraction(upper), upperOpen);

    [Fact]
    public void Max_TakesTheLargerSupremumFromEitherSide()
    {
        // max([1, 2], [3, 5)) = [3, 5): every max is in [3, 5), 5 is not attained (B does not attain it).
        var low = Of(1, false, 2, false);
        var high = Of(3, false, 5, true);
        foreach (var (a, b) in new[] { (low, high), (high, low) })
        {
            var m = RegionInterval.Max(a, b);
            Assert.Equal(new Fraction(3), m.Lower);
            Assert.Equal(new Fraction(5), m.Upper);
            Assert.True(m.UpperOpen);
        }
        // max([1, 7], [3, 5)) = [3, 7]: the larger supremum 7 belongs to A and is attained.
        var wide = RegionInterval.Max(Of(1, false, 7, false), high);
        Assert.Equal(new Fraction(7), wide.Upper);
        Assert.False(wide.UpperOpen);
    }

    [Fact]
    public void Sign_IsPositiveOnlyWhenEveryPointIs()
    {
        Assert.Equal(1, Of(1, false, 2, false).Sign());   // [1, 2]
        Assert.Equal(1, Of(0, true, 2, false).Sign());    // (0, 2]: 0 is excluded
        Assert.Null(Of(0, false, 2, false).Sign());       // [0, 2] holds 0 and 1
        Assert.Null(Of(-1, true, 2, false).Sign());       // (−1, 2] holds −½ and 1
        Assert.Equal(-1, Of(-3, false, -1, false).Sign()); // [−3, −1]
    }

    [Fact]
    public void Reciprocal_SwapsTheEndsAndTheirOpenness()
    {
        // 1/[2, 4) = (1/4, 1/2]: 1/4 would need x = 4, which is excluded; 1/2 is attained at x = 2.
        var positive = Of(2, false, 4, true).Reciprocal()!.Value;
        Assert.Equal(new Fraction(1, 4), positive.Lower);
        Assert.True(positive.LowerOpen);
        Assert.Equal(new Fraction(1, 2), positive.Upper);
        Assert.False(positive.UpperOpen);
        // 1/(−4, −2] = [−1/2, −1/4): the negative side is the mirror image.
        var negative = Of(-4, true, -2, false).Reciprocal()!.Value;
        Assert.Equal(new Fraction(-1, 2), negative.Lower);
        Assert.False(negative.LowerOpen);
        Assert.Equal(new Fraction(-1, 4), negative.Upper);
        Assert.True(negative.UpperOpen);
        // 1/[2, 4] = [1/4, 1/2], both attained.
        var closed = Of(2, false, 4, false).Reciprocal()!.Value;
        Assert.Equal((new Fraction(1, 4), false, new Fraction(1, 2), false), (closed.Lower!.Value, closed.LowerOpen, closed.Upper!.Value, closed.UpperOpen));
        // 1/[2, ∞) = (0, 1/2]: 0 is not attained.
        var unbounded = RegionInterval.Of(new Fraction(2), false, null, true).Reciprocal()!.Value;
        Assert.Equal((Fraction.Zero, true, new Fraction(1, 2), false), (unbounded.Lower!.Value, unbounded.LowerOpen, unbounded.Upper!.Value, unbounded.UpperOpen));
    }

    /// <summary>
    /// The sign is −1 only when every point is negative: an interval whose supremum 0 is attained, or whose positive
    /// supremum is not, holds points of another sign; one whose supremum 0 is not attained is negative throughout.
    /// </summary>
    [Fact]
    public void Sign_IsNegativeOnlyWhenEveryPointIs()
    {
        Assert.Null(Of(-2, false, 0, false).Sign());       // [−2, 0] holds 0
        Assert.Equal(-1, Of(-2, false, 0, true).Sign());   // [−2, 0): 0 is excluded
        Assert.Null(Of(-1, false, 2, true).Sign());        // [−1, 2) holds −1 and 1
    }

    /// <summary>
    /// Less is false when no pair satisfies a &lt; b (inf A ≥ sup B), true when every pair does, and undecided when A and
    /// B overlap so that some pairs do and some do not.
    /// </summary>
    [Fact]
    public void Less_IsFalseOnlyWhenNoPairIsOrdered()
    {
        Assert.False(RegionInterval.Less(Of(3, false, 4, false), Of(1, false, 2, false)));  // every a ≥ 3 > 2 ≥ every b
        Assert.False(RegionInterval.Less(Of(2, false, 4, false), Of(1, false, 2, false)));  // a ≥ 2 ≥ b: never a < b
        Assert.True(RegionInterval.Less(Of(1, false, 2, false), Of(3, false, 4, false)));
        Assert.Null(RegionInterval.Less(Of(0, false, 5, false), Of(1, false, 2, false)));   // 0 < 1 but 5 > 2
    }

    /// <summary>
    /// A·B for A, B ⊆ (0, ∞): sup AB = sup A·sup B is attained only when both suprema are (and so is the infimum):
    /// [1, 2)·[1, 2] = [1, 4), [1, 2]·[1, 2] = [1, 4], (1, 2]·[1, 2] = (1, 4]. Until stop 47 the upper end's openness was
    /// not read for a product (the mutant "either open" → "both open" survived run 47).
    /// </summary>
    [Fact]
    public void Product_OfPositives_AttainsAnEndOnlyWhereBothFactorsDo()
    {
        var closed = Of(1, false, 2, false);
        var upperOpen = Of(1, false, 2, true);
        foreach (var (a, b) in new[] { (upperOpen, closed), (closed, upperOpen) })
            Assert.Equal(Of(1, false, 4, true), a * b);
        Assert.Equal(Of(1, false, 4, false), closed * closed);
        Assert.Equal(Of(1, true, 4, false), Of(1, true, 2, false) * closed);
        // The same through the sign pieces: [−2, −1]·[1, 2) = (−4, −1].
        Assert.Equal(Of(-4, true, -1, false), Of(-2, false, -1, false) * upperOpen);
    }
}
