using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="RationalInterval.Cube"/> is the interval product a·a·a: exact at a point ((2/3)³ = 8/27 by hand), and on a
/// box of one sign it is exactly the range of x³ there ([1, 2]³ = [1, 8], [−2, −1/2]³ = [−8, −1/8], x³ being monotone and
/// the endpoint products all of one sign); on a box straddling 0 it still encloses every x³.
/// </summary>
public class RationalIntervalRun27Examples
{
    [Fact]
    public void Cube_OfAPoint_IsItsExactCube()
    {
        var cube = RationalInterval.Exact(new Fraction(2, 3)).Cube();
        Assert.Equal(new Fraction(8, 27), cube.Lower);
        Assert.Equal(new Fraction(8, 27), cube.Upper);
    }

    [Fact]
    public void Cube_OfAPositiveBox_IsTheRangeOfXCubed()
    {
        var cube = new RationalInterval(1, 2).Cube();
        Assert.Equal(Fraction.One, cube.Lower);
        Assert.Equal(new Fraction(8), cube.Upper);
    }

    [Fact]
    public void Cube_OfANegativeBox_IsTheRangeOfXCubed()
    {
        var cube = new RationalInterval(-2, new Fraction(-1, 2)).Cube();
        Assert.Equal(new Fraction(-8), cube.Lower);
        Assert.Equal(new Fraction(-1, 8), cube.Upper);
    }

    [Fact]
    public void Cube_OfABoxAroundZero_EnclosesEveryCube()
    {
        var box = new RationalInterval(new Fraction(-1, 2), new Fraction(3, 2));
        var cube = box.Cube();
        for (int i = -4; i <= 12; i++)
        {
            var x = new Fraction(i, 8); // points of the box, its two ends included
            var x3 = x * x * x;
            Assert.True(cube.Lower <= x3 && x3 <= cube.Upper, $"{x}³ = {x3} outside {cube}");
        }
    }
}
