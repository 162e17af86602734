using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// A tagged input of <see cref="Dual{T}"/> carries the unit gradient of its own coordinate: with two coordinates x and y
/// tagged as exact points, f = x·x + 3·y has the gradient (2x, 3) exactly (by hand), and x alone has (1, 0), y alone
/// (0, 1). Exact rational points, so the comparison is exact.
/// </summary>
public class DualRun25Examples
{
    private static readonly Fraction X = new(1, 3);
    private static readonly Fraction Y = new(2, 5);

    private static EnclosureSettings.TagScope TagTwoCoordinates() =>
        EnclosureSettings.UseTags([0.25, 0.75], [RationalInterval.Exact(X), RationalInterval.Exact(Y)]);

    private static void AssertPoint(Fraction expected, RationalInterval actual)
    {
        Assert.Equal(expected, actual.Lower);
        Assert.Equal(expected, actual.Upper);
    }

    [Fact]
    public void TaggedInputs_HaveTheUnitGradientOfTheirOwnCoordinate()
    {
        using var _ = TagTwoCoordinates();
        var x = Dual<RationalInterval>.Input(0.25);
        var y = Dual<RationalInterval>.Input(0.75);

        Assert.Equal(2, x.Dimension);
        AssertPoint(Fraction.One, x.Derivative(0));
        AssertPoint(Fraction.Zero, x.Derivative(1));
        AssertPoint(Fraction.Zero, y.Derivative(0));
        AssertPoint(Fraction.One, y.Derivative(1));
    }

    [Fact]
    public void GradientOfXSquaredPlusThreeY_IsTwoXAndThree()
    {
        using var _ = TagTwoCoordinates();
        var x = Dual<RationalInterval>.Input(0.25);
        var y = Dual<RationalInterval>.Input(0.75);
        var f = x * x + Dual<RationalInterval>.Of(3) * y;

        AssertPoint(X * X + 3 * Y, f.Value);
        AssertPoint(2 * X, f.Derivative(0));
        AssertPoint(new Fraction(3), f.Derivative(1));
    }
}
