using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// min in degree tracking (<see cref="RationalDegree.Min"/>, issue "Theorem checking"; uncovered in mutation run 30). With
/// x ∈ [1, 2] a proof coordinate and the constant 3, the box decides x ≤ 3, so min(x, 3) and min(3, x) are both x itself
/// (degree 1 in x, box [1, 2]), not the constant. With y ∈ [3/2, 4] a second coordinate the boxes overlap, so min(x, y)
/// is a marked value (not a rational function the method knows) whose enclosures are the smaller of every pair, by hand:
/// over the box [min(1, 3/2), min(2, 4)] = [1, 2], over the region x ∈ [0, 2], y ∈ [1, 5] the interval [0, 2] (the
/// larger ends would be [3/2, 4] and [1, 5]).
/// </summary>
public class RationalDegreeRun32Examples
{
    private const double XTag = 1.5, YTag = 3.5;

    private static EnclosureSettings.TagScope TagTwoCoordinates() =>
        EnclosureSettings.UseTags([XTag, YTag], [new RationalInterval(1, 2), new RationalInterval(new Fraction(3, 2), 4)]);

    private static RegionInterval Closed(int lower, int upper) => RegionInterval.Of(new Fraction(lower), false, new Fraction(upper), false);

    [Fact]
    public void Min_WhereTheBoxDecides_IsTheSmallerOperandInEitherOrder()
    {
        using var tags = TagTwoCoordinates();
        using var session = RationalDegree.Track([Closed(1, 2), Closed(1, 4)]);
        var x = RationalDegree.Input(XTag);
        var three = RationalDegree.Of(3);

        foreach (var min in new[] { RationalDegree.Min(x, three), RationalDegree.Min(three, x) })
        {
            Assert.Null(min.NotRational);
            Assert.Equal(1, min.NumeratorDegree(0));
            Assert.Equal(new Fraction(1), min.Box!.Value.Lower);
            Assert.Equal(new Fraction(2), min.Box!.Value.Upper);
        }
        Assert.Null(session.RegionFailure);
    }

    [Fact]
    public void Min_WhereTheBoxesOverlap_IsMarkedWithTheSmallerEndsOfBoxAndRegion()
    {
        using var tags = TagTwoCoordinates();
        using var session = RationalDegree.Track([Closed(0, 2), Closed(1, 5)]);

        var min = RationalDegree.Min(RationalDegree.Input(XTag), RationalDegree.Input(YTag));

        Assert.NotNull(min.NotRational);
        Assert.StartsWith("min of two values", min.NotRational, StringComparison.Ordinal);
        Assert.Equal(new Fraction(1), min.Box!.Value.Lower);
        Assert.Equal(new Fraction(2), min.Box!.Value.Upper);
        Assert.Equal(new Fraction(0), min.Region.Lower);
        Assert.Equal(new Fraction(2), min.Region.Upper);
        Assert.False(min.Region.LowerOpen);
        Assert.False(min.Region.UpperOpen);
    }
}
