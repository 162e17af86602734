using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="FaceJet{T}"/> (Taylor expansion at a face of a proof box, issue "Theorem checking" item 2):
/// <list type="bullet">
/// <item>the strict order is strict: a value that is exactly 0 on the whole box (a constant difference x − x, or 0·u for
/// the coordinate u) is not &lt; 0, though it is ≤ 0;</item>
/// <item>min of the coordinate u ∈ [1, 2] (face u = 1, side +1) and the constant 5 is u itself with its expansion
/// (Face₀ = 1, Face₁ = 1), not a constant; min of the overlapping constant intervals [1, 3] and [3/2, 9/2] is [1, 3], endwise;</item>
/// <item>erf of a value with a pole at the face, (t − ½)/t on t ∈ (0, 1], whose factor g = t − ½ changes sign on the box:
/// its tail bound needs the sign of g, so it is undecided and says why;</item>
/// <item>outside an expansion (no <see cref="FaceJet{T}.Use"/>) there is no half-open box to decide on, so a comparison or
/// a sign that the closed enclosures leave open is undecided: [1, 3] ≤ [3/2, 9/2] may be true or false. (It was decided:
/// the missing bracket was read as the value 0, so [1, 3] ≤ [3/2, 9/2] came out true.)</item>
/// </list>
/// </summary>
public sealed class FaceJetRun35Examples
{
    private static bool IsPoint(RationalInterval x, int value) => x.Lower == new Fraction(value) && x.Upper == new Fraction(value);

    [Fact]
    public void StrictOrder_OfAValueThatIsZeroEverywhere_IsFalse()
    {
        Assert.False(FaceJet<Float64>.Of(2) < FaceJet<Float64>.Of(2));
        Assert.False(FaceJet<RationalInterval>.Of(2) < FaceJet<RationalInterval>.Of(2));
        Assert.False(FaceJet<RationalInterval>.Of(2) > FaceJet<RationalInterval>.Of(2));
        Assert.True(FaceJet<RationalInterval>.Of(2) <= FaceJet<RationalInterval>.Of(2));
        using (EnclosureSettings.UseTags([0.5], [new RationalInterval(1, 2)]))
        using (FaceJet<RationalInterval>.Use(0, 1, 1, 3, new RationalInterval(0, 1)))
        {
            var zero = FaceJet<RationalInterval>.Input(0.5) * FaceJet<RationalInterval>.Of(0);
            Assert.False(zero < FaceJet<RationalInterval>.Of(0));
            Assert.True(zero <= FaceJet<RationalInterval>.Of(0));
            Assert.False(FaceJet<RationalInterval>.Of(0) < zero);
        }
    }

    [Fact]
    public void Min_OfTheCoordinateAndALargerConstant_IsTheCoordinateWithItsExpansion()
    {
        using (EnclosureSettings.UseTags([0.5], [new RationalInterval(1, 2)]))
        using (FaceJet<RationalInterval>.Use(0, 1, 1, 3, new RationalInterval(0, 1)))
        {
            var u = FaceJet<RationalInterval>.Input(0.5);
            foreach (var min in new[] { FaceJet<RationalInterval>.Min(u, FaceJet<RationalInterval>.Of(5)), FaceJet<RationalInterval>.Min(FaceJet<RationalInterval>.Of(5), u) })
            {
                Assert.True(IsPoint(min.Face(0), 1), $"Face₀ = {min.Face(0)}");
                Assert.True(IsPoint(min.Face(1), 1), $"Face₁ = {min.Face(1)}");
                Assert.True(min.Box(0).Lower == new Fraction(1) && min.Box(0).Upper == new Fraction(2), $"Box₀ = {min.Box(0)}");
            }
        }
        // Untagged inputs widened by half their size: 2 ↦ [1, 3], 3 ↦ [3/2, 9/2]; they overlap, and min is [1, 3] endwise.
        using (EnclosureSettings.Use(EnclosureSettings.DefaultBits, 0.5))
        using (FaceJet<RationalInterval>.Use(0, 1, 1, 3, new RationalInterval(0, 1)))
        {
            var constants = FaceJet<RationalInterval>.Min(FaceJet<RationalInterval>.Input(2), FaceJet<RationalInterval>.Input(3));
            Assert.True(constants.Box(0).Lower == new Fraction(1) && constants.Box(0).Upper == new Fraction(3), $"min = {constants.Box(0)}");
        }
    }

    [Fact]
    public void Erf_AtAPoleWhoseFactorChangesSign_IsUndecided_SayingWhy()
    {
        using (EnclosureSettings.UseTags([0.5], [new RationalInterval(0, 1)]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 3, new RationalInterval(0, 1)))
        {
            var t = FaceJet<RationalInterval>.Input(0.5);
            var x = (t - FaceJet<RationalInterval>.Ratio(1, 2)) / t;
            Assert.Equal(-1, x.Valuation);
            var e = Assert.Throws<UndecidedException>(() => FaceJet<RationalInterval>.Erf(x));
            Assert.Contains("pole at the face whose sign is not decided", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OutsideAnExpansion_AnUndecidedComparisonOfConstants_IsUndecided()
    {
        using (EnclosureSettings.Use(EnclosureSettings.DefaultBits, 0.5))
        {
            var two = FaceJet<RationalInterval>.Input(2);   // [1, 3]
            var three = FaceJet<RationalInterval>.Input(3); // [3/2, 9/2]
            Assert.Throws<UndecidedException>(() => two <= three);
            Assert.Throws<UndecidedException>(() => two < three);
            Assert.Throws<UndecidedException>(() => FaceJet<RationalInterval>.Sign(two - three));
        }
    }
}
