using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="Graded"/>: the strict order a &gt; b is false at a tie (as it is for the reals); an input that is not a
/// coordinate with a declared degree cannot be graded, and the exception says which input; erfc needs a dimensionless
/// argument, says so naming erfc, and its value has degree 0, which is not the "any degree" of the constant 0, so it
/// cannot be added to a quantity of degree 1. Degrees here are small integers, compared exactly.
/// </summary>
public class GradedRun25Examples
{
    [Fact]
    public void GreaterThan_IsStrict()
    {
        Assert.False(Graded.Of(1) > Graded.Of(1));
        Assert.True(Graded.Of(2) > Graded.Of(1));
        Assert.False(Graded.Of(1) > Graded.Of(2));
        using (EnclosureSettings.UseTags([1.5], [RationalInterval.Exact(1.5)]))
        using (EnclosureSettings.UseDegrees([[1.0]]))
        {
            var x = Graded.Input(1.5);
            var sameX = Graded.Input(1.5);
            Assert.False(x > sameX);
            Assert.True(x + x > sameX);
        }
    }

    [Fact]
    public void InputWithoutADeclaredDegree_IsNotGraded_NamingTheInput()
    {
        // Untagged: not a proof coordinate at all.
        var untagged = Assert.Throws<NotHomogeneousException>(() => Graded.Input(0.625));
        Assert.Contains("the input 0.625 is not a coordinate with a declared degree", untagged.Message, StringComparison.Ordinal);

        // Tagged, but only coordinate 0 has a declared degree: coordinate 1 cannot be graded.
        using (EnclosureSettings.UseTags([1.5, 2.5], [new RationalInterval(1, 2), new RationalInterval(2, 3)]))
        using (EnclosureSettings.UseDegrees([[1.0]]))
        {
            Assert.Equal([1.0], Graded.Input(1.5).Degree!);
            var undeclared = Assert.Throws<NotHomogeneousException>(() => Graded.Input(2.5));
            Assert.Contains("the input 2.5 is not a coordinate with a declared degree", undeclared.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Erfc_NeedsADimensionlessArgument_AndHasDegreeZero()
    {
        using (EnclosureSettings.UseTags([1.5, 2.5], [new RationalInterval(1, 2), new RationalInterval(2, 3)]))
        using (EnclosureSettings.UseDegrees([[1.0], [1.0]]))
        {
            var x = Graded.Input(1.5);
            var y = Graded.Input(2.5);

            var e = Assert.Throws<NotHomogeneousException>(() => Graded.Erfc(x));
            Assert.StartsWith("erfc of a quantity of degree (1)", e.Message, StringComparison.Ordinal);

            // x/y has degree 1 − 1 = 0, so erfc(x/y) is defined and has degree 0: no degree of its own, but not the
            // constant 0's "any degree" either.
            var ratio = Graded.Erfc(x / y);
            Assert.NotNull(ratio.Degree);
            Assert.All(ratio.Degree!, d => Assert.Equal(0.0, d));
            Assert.False(Graded.SameDegree(ratio, x));
            Assert.True(Graded.SameDegree(ratio, Graded.Of(1)));
            Assert.Throws<NotHomogeneousException>(() => ratio + x);
        }
    }
}
