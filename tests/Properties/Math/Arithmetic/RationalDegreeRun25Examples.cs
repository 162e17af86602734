using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// The obligation a second √ leaves for the identity method (<see cref="RationalDegree.Session.RadicandDifferenceDegree"/>):
/// with r = √2 first and then √x (x a proof coordinate), x must equal 2 as a rational function, and the numerator of
/// x − 2 has degree 1 in x and 0 in y (by hand; the rule max(n_a + d_b, n_b + d_a) gives exactly that); in the other
/// order (√x first, then √2) the numerator of 2 − x has the same degrees. Each order has one obligation. A bound below
/// the true degree 1 would let the grid check x − 2 ≡ 0 on a single point, where it may vanish by chance.
/// </summary>
public class RationalDegreeRun25Examples
{
    private static EnclosureSettings.TagScope TagTwoCoordinates() =>
        EnclosureSettings.UseTags([1.5, 3.5], [new RationalInterval(1, 2), new RationalInterval(3, 4)]);

    [Fact]
    public void ConstantRadicandThenCoordinateRadicand_ObligesDegreeOneInThatCoordinate()
    {
        using var tags = TagTwoCoordinates();
        using var session = RationalDegree.Track(null);
        _ = RationalDegree.Input(3.5); // y: a second coordinate, in no radicand
        _ = RationalDegree.Sqrt(RationalDegree.Of(2)); // defines D = 2
        _ = RationalDegree.Sqrt(RationalDegree.Input(1.5)); // x ≡ 2 is the obligation

        Assert.Equal(2, session.TrackedRoots);
        Assert.Equal(1, session.Obligations);
        Assert.Equal(1, session.RadicandDifferenceDegree(0));
        Assert.Equal(0, session.RadicandDifferenceDegree(1));
    }

    [Fact]
    public void CoordinateRadicandThenConstantRadicand_ObligesDegreeOneInThatCoordinate()
    {
        using var tags = TagTwoCoordinates();
        using var session = RationalDegree.Track(null);
        _ = RationalDegree.Sqrt(RationalDegree.Input(1.5)); // defines D = x
        _ = RationalDegree.Sqrt(RationalDegree.Of(2)); // 2 ≡ x is the obligation

        Assert.Equal(2, session.TrackedRoots);
        Assert.Equal(1, session.Obligations);
        Assert.Equal(1, session.RadicandDifferenceDegree(0));
        Assert.Equal(0, session.RadicandDifferenceDegree(1));
    }
}
