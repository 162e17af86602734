using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// The change of variables x = t² (<see cref="CoordinateMap.Square"/>, issue "Theorem checking"): it sends t = 1/2 to the
/// exact point 1/4, has no pole (t² is finite for every t), and describes itself as "x = t²" in the caller's names, which is
/// what a proof report prints for the coordinate (mutation run 30: the description was not checked).
/// </summary>
public class CoordinateMapRun32Examples
{
    [Fact]
    public void Square_SquaresTheCoordinate_HasNoPole_AndSaysSo()
    {
        using var _ = EnclosureSettings.Use(128);
        var x = CoordinateMap.Square.Apply(RationalInterval.Exact(0.5));

        Assert.Equal(new Fractions.Fraction(1, 4), x.Lower);
        Assert.Equal(new Fractions.Fraction(1, 4), x.Upper);
        Assert.Null(CoordinateMap.Square.Pole);
        Assert.Equal("x = t²", CoordinateMap.Square.Describe("x", "t"));
        Assert.Equal("m = s²", CoordinateMap.Square.Describe("m", "s"));
    }
}
