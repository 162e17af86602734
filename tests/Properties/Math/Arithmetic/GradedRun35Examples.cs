using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="Graded"/> (dimensional analysis of a statement's code): π is a dimensionless number, degree 0, which is not
/// the "any degree" of the constant 0, so it cannot be added to a quantity of degree 1; a non-strict comparison needs equal
/// degrees like the strict one and says so naming the comparison; min of two values of one degree is the smaller value
/// (over the boxes x ∈ [1, 2] and 2x ∈ [2, 4], by hand: [1, 2]) and keeps that degree. Degrees are small integers, compared
/// exactly.
/// </summary>
public class GradedRun35Examples
{
    private const double XTag = 1.5;

    private static EnclosureSettings.TagScope TagX() => EnclosureSettings.UseTags([XTag], [new RationalInterval(1, 2)]);

    private static EnclosureSettings.DegreeScope DegreeOne() => EnclosureSettings.UseDegrees([[1.0]]);

    [Fact]
    public void Pi_IsDimensionless_NotOfAnyDegree()
    {
        Assert.NotNull(Graded.Pi.Degree);
        Assert.Empty(Graded.Pi.Degree!);
        using (TagX())
        using (DegreeOne())
        {
            var x = Graded.Input(XTag);
            Assert.False(Graded.SameDegree(Graded.Pi, x));
            var e = Assert.Throws<NotHomogeneousException>(() => Graded.Pi + x);
            Assert.StartsWith("a sum of degrees", e.Message, StringComparison.Ordinal);
            // π·x has x's degree, and π + π is dimensionless like π.
            Assert.Equal([1.0], (Graded.Pi * x).Degree!);
            Assert.Empty((Graded.Pi + Graded.Pi).Degree!);
        }
    }

    [Fact]
    public void NonStrictComparison_OfDifferentDegrees_IsNotHomogeneous_NamingTheComparison()
    {
        using (TagX())
        using (DegreeOne())
        {
            var x = Graded.Input(XTag);
            var three = Graded.Of(3);
            var atMost = Assert.Throws<NotHomogeneousException>(() => x <= three);
            Assert.StartsWith("a comparison of degrees (1) and (0)", atMost.Message, StringComparison.Ordinal);
            var atLeast = Assert.Throws<NotHomogeneousException>(() => three >= x);
            Assert.StartsWith("a comparison of degrees (1) and (0)", atLeast.Message, StringComparison.Ordinal);
            // Equal degrees: decided by the boxes, x ∈ [1, 2] ≤ 2x ∈ [2, 4].
            Assert.True(x <= x + x);
        }
    }

    [Fact]
    public void Min_IsTheSmallerValue_OfTheCommonDegree()
    {
        var constants = Graded.Min(Graded.Of(2), Graded.Of(3));
        Assert.Equal(new Fraction(2), constants.Value.Lower);
        Assert.Equal(new Fraction(2), constants.Value.Upper);

        using (TagX())
        using (DegreeOne())
        {
            var x = Graded.Input(XTag);
            var min = Graded.Min(x + x, x);
            Assert.Equal(new Fraction(1), min.Value.Lower);
            Assert.Equal(new Fraction(2), min.Value.Upper);
            Assert.Equal([1.0], min.Degree!);
        }
    }
}
