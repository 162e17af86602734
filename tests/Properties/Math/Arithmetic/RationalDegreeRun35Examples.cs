using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="RationalDegree"/> (issue "Theorem checking", exact identities): <see cref="RationalDegree.HasRoot"/> is true
/// exactly for values that involve r = √D (r itself and 3 + r, not the constants 3 and 9); an untagged input widened
/// into a box (a constant of the statement's data that is not a single point) ranges over the whole box on the region, so
/// its region range must contain both ends of the box, not just the lower one.
/// </summary>
public class RationalDegreeRun35Examples
{
    [Fact]
    public void HasRoot_IsTrueExactlyForValuesInvolvingTheRoot()
    {
        using var session = RationalDegree.Track(null);
        var three = RationalDegree.Of(3);
        var r = RationalDegree.Sqrt(RationalDegree.Of(2));
        Assert.Null(r.NotRational);
        Assert.True(r.HasRoot);
        Assert.True((three + r).HasRoot);
        Assert.False(three.HasRoot);
        Assert.False((three * three).HasRoot);
    }

    [Fact]
    public void AWidenedConstant_RangesOverItsWholeBoxOnTheRegion()
    {
        using var settings = EnclosureSettings.Use(EnclosureSettings.DefaultBits, 0.25);
        var widened = RationalDegree.Input(2.0);
        var box = widened.Box!.Value;
        Assert.True(box.Lower < box.Upper, $"the input was not widened: {box}");
        Assert.True(box.Lower <= new Fraction(2) && new Fraction(2) <= box.Upper);
        var region = widened.Region;
        Assert.True(region.Lower is not { } low || low <= box.Lower, $"region {region} misses the box's lower end {box.Lower}");
        Assert.True(region.Upper is not { } high || high >= box.Upper, $"region {region} misses the box's upper end {box.Upper}");
    }
}
