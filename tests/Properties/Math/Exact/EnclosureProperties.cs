using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// The enclosures every certificate and proof rests on contain the true value: checked against an independent enclosure
/// at four times the precision (the true value lies in both, so they must overlap, and the finer one must be narrow),
/// against inverse functions (exp(ln x) ∋ x, (√x)² ∋ x), and against the platform's double within a few ulps.
/// </summary>
[Properties(MaxTest = 60)]
public class EnclosureProperties
{
    private static Arbitrary<double> Moderate => EdgeDoubles.Signed(1e-6, 30).ToArbitrary();

    private static Arbitrary<double> Positive => EdgeDoubles.Positive(1e-300, 1e300).ToArbitrary();

    private static bool Overlap(RationalInterval a, RationalInterval b) => a.Lower <= b.Upper && b.Lower <= a.Upper;

    private static double RelativeWidth(RationalInterval x)
    {
        var w = ExactDouble.ToDouble(x.Width);
        var m = Math.Abs(x.Midpoint);
        return m == 0 ? w : w / m;
    }

    private static RationalInterval At(int bits, Func<RationalInterval> f)
    {
        using var _ = EnclosureSettings.Use(bits);
        return f();
    }

    [Property]
    public Property Erf_AtTwoPrecisions_Overlap_AndAgreeWithTheDouble() => Prop.ForAll(Moderate, x =>
    {
        var coarse = At(128, () => RationalInterval.Erf(RationalInterval.Exact(x)));
        var fine = At(512, () => RationalInterval.Erf(RationalInterval.Exact(x)));
        double libm = MathNet.Numerics.SpecialFunctions.Erf(x);
        return (Overlap(coarse, fine) && RelativeWidth(coarse) < 1e-30
            && Math.Abs(fine.Midpoint - libm) <= 4e-16 * Math.Max(Math.Abs(libm), 1e-300) + 1e-300)
            .Label($"x = {x:R}: 128 bits {coarse}, 512 bits {fine}, double {libm:R}");
    });

    [Property]
    public Property Erfc_KeepsRelativePrecision_WhereItIsTiny() => Prop.ForAll(EdgeDoubles.Positive(1e-3, 26).ToArbitrary(), x =>
    {
        var coarse = At(128, () => RationalInterval.Erfc(RationalInterval.Exact(x)));
        var fine = At(512, () => RationalInterval.Erfc(RationalInterval.Exact(x)));
        double libm = MathNet.Numerics.SpecialFunctions.Erfc(x);
        // erfc(26) ≈ 5.7e-296: the enclosure keeps ~128 significant bits there, not an absolute 2^-128.
        return coarse.Lower.Sign() > 0 && Overlap(coarse, fine) && RelativeWidth(coarse) < 1e-30
            && Math.Abs(fine.Midpoint - libm) <= 1e-13 * libm;
    });

    /// <summary>
    /// x within 10⁻³ of where ExactErf switches from 1 − erf (Maclaurin series) to the asymptotic series, 1.44x² = bits + 24:
    /// x ≈ 10.274 at 128 bits (where 256 bits still use the series) and x ≈ 13.944 at 256 bits (where 128 bits already use
    /// the asymptotic series), so each side of each switch is checked against the other method.
    /// </summary>
    private static Arbitrary<double> AroundTheSwitches => Gen.OneOf(
        Gen.Choose(-1000, 1000).Select(k => Math.Sqrt(152 / 1.44) + k * 1e-6),
        Gen.Choose(-1000, 1000).Select(k => Math.Sqrt(280 / 1.44) + k * 1e-6)).ToArbitrary();

    [Property(MaxTest = 16)]
    public Property Erfc_AroundItsMethodSwitches_AgreesAcrossPrecisions() => Prop.ForAll(AroundTheSwitches, x =>
    {
        var coarse = At(128, () => RationalInterval.Erfc(RationalInterval.Exact(x)));
        var fine = At(256, () => RationalInterval.Erfc(RationalInterval.Exact(x)));
        return (coarse.Lower.Sign() > 0 && Overlap(coarse, fine) && RelativeWidth(coarse) < 1e-30 && RelativeWidth(fine) < 1e-70)
            .Label($"x = {x:R}: 128 bits {coarse}, 256 bits {fine}");
    });

    /// <summary>
    /// x ∈ [26, 70], where erfc underflows doubles (erfc(27) ≈ 5e-319) and, past x² = 4000, the enclosure is [0, 2^−5770]: 128
    /// against 192 bits (ExactErf's e^(−x²) costs about 10 s a call at 512 bits there), relative width measured as a
    /// rational (a double of the width underflows).
    /// </summary>
    [Property(MaxTest = 12)]
    public Property Erfc_WhereItUnderflowsDoubles_AgreesAcrossPrecisions() => Prop.ForAll(EdgeDoubles.Positive(26, 70).ToArbitrary(), x =>
    {
        var coarse = At(128, () => RationalInterval.Erfc(RationalInterval.Exact(x)));
        var fine = At(192, () => RationalInterval.Erfc(RationalInterval.Exact(x)));
        bool beyond = x * x > 4000;
        return (coarse.Lower.Sign() >= 0 && Overlap(coarse, fine)
                && (beyond ? coarse.Upper <= ExactDouble.Pow2(-5770) : coarse.Lower.Sign() > 0 && ExactDouble.ToDouble(coarse.Width / coarse.Upper) < 1e-30))
            .Label($"x = {x:R}: 128 bits {coarse}, 192 bits {fine}");
    });

    [Property]
    public Property Exp_ThenLog_ContainsTheArgument() => Prop.ForAll(Moderate, x =>
    {
        var back = At(128, () => RationalInterval.Log(RationalInterval.Exp(RationalInterval.Exact(x))));
        return back.Contains(RationalInterval.Exact(x)) && ExactDouble.ToDouble(back.Width) < 1e-30;
    });

    [Property]
    public Property Log_AgreesWithTheDouble_OverTheWholeRange() => Prop.ForAll(Positive, x =>
    {
        var l = At(128, () => RationalInterval.Log(RationalInterval.Exact(x)));
        return Math.Abs(l.Midpoint - Math.Log(x)) <= 4e-16 * Math.Abs(Math.Log(x)) + 1e-300
            && RelativeWidth(l) < 1e-30;
    });

    [Property]
    public Property Sqrt_SquaredContainsTheArgument() => Prop.ForAll(Positive, x =>
    {
        var s = At(128, () => RationalInterval.Sqrt(RationalInterval.Exact(x)));
        return (s * s).Contains(RationalInterval.Exact(x)) && RelativeWidth(s) < 1e-36;
    });

    [Fact]
    public void Pi_AndLn2_AgreeAcrossPrecisions_AndWithTheirDoubles()
    {
        Assert.True(Overlap(ExactConstants.Pi(128), ExactConstants.Pi(2048)));
        Assert.True(ExactConstants.Pi(128).Contains(RationalInterval.Exact(new Fraction(
            System.Numerics.BigInteger.Parse("31415926535897932384626433832795028841971"), System.Numerics.BigInteger.Pow(10, 40)))));
        Assert.Equal(Math.PI, ExactConstants.Pi(128).Midpoint);
        Assert.Equal(Math.Log(2), ExactConstants.Ln2(128).Midpoint);
    }

    [Fact]
    public void FieldOperations_OnPoints_AreExact()
    {
        var a = RationalInterval.Exact(0.1);
        var b = RationalInterval.Exact(0.2);
        var sum = a + b;
        Assert.True(sum.Lower == sum.Upper);
        Assert.Equal(ExactDouble.ToFraction(0.1) + ExactDouble.ToFraction(0.2), sum.Lower);
        Assert.NotEqual(ExactDouble.ToFraction(0.1 + 0.2), sum.Lower); // double rounding is not what exact arithmetic gives
    }

    [Fact]
    public void UndecidableComparisons_Throw_NeverGuess()
    {
        var straddle = new RationalInterval(new Fraction(-1), new Fraction(1));
        Assert.Throws<UndecidedException>(() => straddle < 0);
        Assert.Throws<UndecidedException>(() => RationalInterval.Sign(straddle));
        Assert.Throws<UndecidedException>(() => RationalInterval.Exact(1.0) / straddle);
        Assert.Throws<DivideByZeroException>(() => RationalInterval.Exact(1.0) / RationalInterval.Zero);
        Assert.True(RationalInterval.Exact(1.0) < 2);
    }
}
