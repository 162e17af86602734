using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elementary;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elementary;

/// <summary>Known values, the range limits, bad precision, and the per-arithmetic dispatch of <see cref="Trigonometry"/>.</summary>
public class TrigonometryExamples
{
    private static bool Contains(RationalInterval x, Fraction value) => x.Lower <= value && value <= x.Upper;

    [Fact]
    public void KnownValues_AreEnclosed()
    {
        Assert.Equal(Fraction.One, RationalTrigonometry.Cos(RationalInterval.Zero, 128).Lower);
        Assert.True(RationalTrigonometry.Sin(RationalInterval.Zero, 128).IsExactlyZero);
        Assert.True(RationalTrigonometry.Atan(RationalInterval.Zero, 128).IsExactlyZero);
        // sin over an enclosure of π/6 contains 1/2; cos over an enclosure of π contains −1; atan 1 contains π/4.
        var pi = ExactConstants.Pi(200);
        Assert.True(Contains(RationalTrigonometry.Sin(pi / RationalInterval.Exact(new Fraction(6)), 128), new Fraction(1, 2)));
        Assert.True(Contains(RationalTrigonometry.Cos(pi, 128), -Fraction.One));
        var quarterPi = RationalTrigonometry.Atan(RationalInterval.Exact(Fraction.One), 128);
        var expected = ExactConstants.Pi(200) / RationalInterval.Exact(new Fraction(4));
        Assert.True(quarterPi.Lower <= expected.Upper && expected.Lower <= quarterPi.Upper);
    }

    [Fact]
    public void Atan_OfHugeAndSubnormalArguments_IsNearHalfPiAndTheArgument()
    {
        var huge = RationalTrigonometry.Atan(RationalInterval.Exact(1e300), 128);
        var halfPi = ExactConstants.Pi(200) / RationalInterval.Exact(new Fraction(2));
        // atan x = π/2 − 1/x + O(x⁻³): the enclosure meets [π/2 − 2e-300, π/2] and is 2⁻¹⁰⁰ narrow.
        Assert.True(huge.Lower <= halfPi.Upper && huge.Upper >= halfPi.Lower - ExactDouble.ToFraction(2e-300));
        Assert.True(huge.Width < ExactDouble.Pow2(-100));
        var tiny = RationalTrigonometry.Atan(RationalInterval.Exact(double.Epsilon), 128);
        var x = ExactDouble.ToFraction(double.Epsilon);
        // atan x = x − x³/3 + …: for the least subnormal the enclosure lies within x·2⁻¹⁰⁰ of x, on both sides.
        Assert.True(tiny.Lower >= x - x * ExactDouble.Pow2(-100) && tiny.Upper <= x + x * ExactDouble.Pow2(-100) && tiny.Lower < x);
    }

    [Fact]
    public void CosAndSin_BeyondTheirLimit_AreUndecided()
    {
        Assert.Throws<UndecidedException>(() => RationalTrigonometry.Cos(RationalInterval.Exact(1e7), 128));
        Assert.Throws<UndecidedException>(() => RationalTrigonometry.Sin(RationalInterval.Exact(-1e7), 128));
        // Just inside the limit the result is an enclosure in [−1, 1].
        var c = RationalTrigonometry.Cos(RationalInterval.Exact(RationalTrigonometry.Limit), 128);
        Assert.True(c.Lower >= -Fraction.One && c.Upper <= Fraction.One && c.Width < ExactDouble.Pow2(-60));
    }

    [Fact]
    public void BadPrecision_IsRejectedNamingBits()
    {
        ArgumentAssert.Rejects(() => RationalTrigonometry.Cos(RationalInterval.Zero, 15), "bits", "bits must be in [16, 65536], got 15");
        ArgumentAssert.Rejects(() => RationalTrigonometry.Atan(RationalInterval.Zero, (1 << 16) + 1), "bits", "bits must be in [16, 65536], got 65537");
        // bits = 16 is accepted: cos 0 = 1 is enclosed.
        var one = RationalTrigonometry.Cos(RationalInterval.Zero, 16);
        Assert.True(one.Lower <= Fraction.One && Fraction.One <= one.Upper, $"[{one.Lower}, {one.Upper}]");
    }

    [Fact]
    public void Doubles_UseThePlatformFunctions_AndIntervalsTheEnclosures()
    {
        Assert.Equal(Math.Cos(0.7), Trigonometry.Cos(new Float64(0.7)).Value);
        Assert.Equal(Math.Sin(-2.5), Trigonometry.Sin(new Float64(-2.5)).Value);
        Assert.Equal(Math.Atan(40.0), Trigonometry.Atan(new Float64(40.0)).Value);
        using var scope = EnclosureSettings.Use(256);
        var c = Trigonometry.Cos(RationalInterval.Exact(0.7));
        Assert.True(c.Width < ExactDouble.Pow2(-240));
    }

    [Fact]
    public void Between_IsTheMidpointInDoublesAndTheHullInIntervals()
    {
        Assert.Equal(1.5, Trigonometry.Between(new Float64(1), new Float64(2)).Value);
        var hull = Trigonometry.Between(RationalInterval.Exact(1.0), RationalInterval.Exact(2.0));
        Assert.Equal(Fraction.One, hull.Lower);
        Assert.Equal(new Fraction(2), hull.Upper);
    }
}
