using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// |x| of a tagged <see cref="Dual{T}"/> over rational boxes: on a box wholly at or above 0 it is x with derivative +1, on
/// a box wholly at or below 0 it is −x with derivative −1, and on a box straddling 0 (|x| has no single derivative there,
/// as the type's summary documents) it throws <see cref="UndecidedException"/> saying why. Exact rationals throughout.
/// </summary>
public class DualRun27Examples
{
    private static Dual<RationalInterval> AbsOfTaggedBox(Fraction lower, Fraction upper)
    {
        using var _ = EnclosureSettings.UseTags([0.5], [new RationalInterval(lower, upper)]);
        return Dual<RationalInterval>.Abs(Dual<RationalInterval>.Input(0.5));
    }

    [Fact]
    public void Abs_OfABoxStraddlingZero_IsUndecidedAndSaysWhy()
    {
        var e = Assert.Throws<UndecidedException>(() => AbsOfTaggedBox(new Fraction(-1, 2), new Fraction(3, 4)));
        Assert.Contains("|x|", e.Message, StringComparison.Ordinal);
        Assert.Contains("derivative", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Abs_OfABoxTouchingZeroFromBelow_IsMinusXWithDerivativeMinusOne()
    {
        var abs = AbsOfTaggedBox(new Fraction(-3, 4), Fraction.Zero);
        Assert.Equal(Fraction.Zero, abs.Value.Lower);
        Assert.Equal(new Fraction(3, 4), abs.Value.Upper);
        Assert.Equal(Fraction.MinusOne, abs.Derivative(0).Lower);
        Assert.Equal(Fraction.MinusOne, abs.Derivative(0).Upper);
    }

    [Fact]
    public void Abs_OfAPositiveBox_IsXWithDerivativeOne()
    {
        var abs = AbsOfTaggedBox(new Fraction(1, 3), new Fraction(2, 3));
        Assert.Equal(new Fraction(1, 3), abs.Value.Lower);
        Assert.Equal(new Fraction(2, 3), abs.Value.Upper);
        Assert.Equal(Fraction.One, abs.Derivative(0).Lower);
        Assert.Equal(Fraction.One, abs.Derivative(0).Upper);
    }
}
