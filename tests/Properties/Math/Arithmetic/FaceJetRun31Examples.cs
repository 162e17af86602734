using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// The Taylor coefficients of a constant <see cref="FaceJet{T}"/> (issue "Theorem checking", item 2): f(t) = c has
/// f(0)/0! = c and f⁽ʲ⁾/j! = 0 for every j ≥ 1, at the face (<see cref="FaceJet{T}.Face"/>) and over the whole box
/// (<see cref="FaceJet{T}.Box"/>), so Taylor's formula with Lagrange's remainder, <see cref="FaceJet{T}.At"/>, gives c
/// exactly at every t of the half-open box. Exact rationals, c = 5, order 3, t ∈ [0, 1].
/// </summary>
public class FaceJetRun31Examples
{
    private static void AssertPoint(Fraction expected, RationalInterval actual, string what)
    {
        Assert.True(actual.Lower == expected && actual.Upper == expected, $"{what} = [{actual.Lower}, {actual.Upper}], expected {expected}");
    }

    [Fact]
    public void Constant_HasItsValueAsOnlyCoefficient_OnTheFaceAndOverTheBox()
    {
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 3, new RationalInterval(0, 1)))
        {
            var c = FaceJet<RationalInterval>.Of(5);
            Assert.Equal(3, c.ExpansionOrder);
            AssertPoint(5, c.Box(0), "Box₀");
            AssertPoint(5, c.Face(0), "Face₀");
            for (int j = 1; j <= 3; j++)
            {
                AssertPoint(0, c.Box(j), $"Box_{j}");
                AssertPoint(0, c.Face(j), $"Face_{j}");
            }
        }
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 1)]
    [InlineData(1, 1024)]
    public void Constant_AtAnyPointOfTheHalfOpenBox_IsExactlyItsValue(int numerator, int denominator)
    {
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 3, new RationalInterval(0, 1)))
        {
            var t = RationalInterval.Exact(new Fraction(numerator, denominator));
            AssertPoint(5, FaceJet<RationalInterval>.Of(5).At(t), $"f({numerator}/{denominator})");
        }
    }
}
