using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="Graded"/> (dimensional analysis of a statement's code): its value is an exact interval, so it is rigorous;
/// a difference and a quotient carry the exact value (3 − 1 = 2, 6/3 = 2); a difference that vanishes is still of its
/// operands' degree, not the "any degree" of the constant 0 (x − x for x of degree 1 cannot be added to 1, nor 3 − 3 to
/// x); a quotient of two dimensionless constants is dimensionless, so times x it has x's degree, and a difference of
/// unequal degrees says it was a difference. Degrees are small integers, compared exactly.
/// </summary>
public sealed class GradedRun36Examples
{
    private const double XTag = 1.5;

    private static EnclosureSettings.TagScope TagXAtAPoint() =>
        EnclosureSettings.UseTags([XTag], [RationalInterval.Exact(new Fraction(3, 2))]);

    private static EnclosureSettings.DegreeScope DegreeOne() => EnclosureSettings.UseDegrees([[1.0]]);

    private static void AssertExactly(Fraction expected, Graded x)
    {
        Assert.Equal(expected, x.Value.Lower);
        Assert.Equal(expected, x.Value.Upper);
    }

    [Fact]
    public void IsRigorous() => Assert.True(Graded.IsRigorous);

    [Fact]
    public void DifferenceAndQuotient_CarryTheExactValue()
    {
        AssertExactly(new Fraction(2), Graded.Of(3) - Graded.Of(1));
        AssertExactly(new Fraction(2), Graded.Of(6) / Graded.Of(3));
        AssertExactly(new Fraction(-1, 2), Graded.Of(1) / Graded.Of(-2));
    }

    [Fact]
    public void AVanishingDifference_KeepsItsDegree()
    {
        var threeMinusThree = Graded.Of(3) - Graded.Of(3);
        Assert.NotNull(threeMinusThree.Degree);
        Assert.Empty(threeMinusThree.Degree!);
        using (TagXAtAPoint())
        using (DegreeOne())
        {
            var x = Graded.Input(XTag);
            var xMinusX = x - x;
            Assert.True(xMinusX.Value.IsExactlyZero);
            Assert.Equal([1.0], xMinusX.Degree!);
            Assert.Throws<NotHomogeneousException>(() => xMinusX + Graded.Of(1));
            Assert.Throws<NotHomogeneousException>(() => threeMinusThree + x);
        }
    }

    [Fact]
    public void QuotientOfConstants_IsDimensionless_AndADifferenceOfUnequalDegreesSaysSo()
    {
        using (TagXAtAPoint())
        using (DegreeOne())
        {
            var x = Graded.Input(XTag);
            var two = Graded.Of(6) / Graded.Of(3);
            Assert.Equal([1.0], (two * x).Degree!);
            Assert.Equal([1.0], (x * two).Degree!);
            var e = Assert.Throws<NotHomogeneousException>(() => two + x);
            Assert.StartsWith("a sum of degrees (0) and (1)", e.Message, StringComparison.Ordinal);
            var d = Assert.Throws<NotHomogeneousException>(() => x - Graded.Of(1));
            Assert.StartsWith("a difference of degrees (1) and (0)", d.Message, StringComparison.Ordinal);
        }
    }
}
