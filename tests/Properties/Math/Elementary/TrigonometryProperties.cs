using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elementary;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Elementary;

/// <summary>
/// The outward enclosures of cos, sin and atan (<see cref="RationalTrigonometry"/>) contain the true values: checked by
/// identities that hold exactly (sin² + cos² = 1, atan x + atan(1/x) = π/2, odd symmetry), by nesting across precisions,
/// and against the platform's correctly-rounded-in-practice functions within a stated number of ulps.
/// </summary>
[Properties(Arbitrary = [typeof(TrigonometryProperties)], MaxTest = 60, Replay = "(9912377120013443541,8437651108472881125)")]
public class TrigonometryProperties
{
    /// <summary>
    /// The platform's cos, sin and atan (glibc, CoreCLR) are accurate to within 1 ulp; 2 ulp leaves room for another libm
    /// without letting a wrong enclosure pass (a wrong series or doubling is off by far more).
    /// </summary>
    private const double LibraryUlps = 2;

    /// <summary>An enclosure at 128 bits must be narrower than 2⁻¹⁰⁰ (absolute for cos and sin, relative for atan beyond 1).</summary>
    private static readonly Fraction MaxWidth = ExactDouble.Pow2(-100);

    private const int Bits = 128;

    /// <summary>Arguments of both signs from subnormal to 1e5, with exact zeros and small integers.</summary>
    public static Arbitrary<double> Arguments() => Arb.From(Gen.Frequency(
        (6, EdgeDoubles.Signed(1e-300, 1e5)),
        (2, EdgeDoubles.Signed(1e-3, 10)),
        (1, Gen.Elements(0.0, -0.0, double.Epsilon, 1.0, -1.0, 0.25, 3.0))));

    private static RationalInterval Point(double x) => RationalInterval.Exact(x);

    private static bool WithinUlps(double library, RationalInterval enclosure, double ulps)
    {
        var slack = ExactDouble.UnitInLastPlace(ExactDouble.ToFraction(library)) * new Fraction(ulps);
        var value = ExactDouble.ToFraction(library);
        return value >= enclosure.Lower - slack && value <= enclosure.Upper + slack;
    }

    [Property]
    public Property CosAndSin_SquaresSumToOne_AndAreNarrow(double x)
    {
        var c = RationalTrigonometry.Cos(Point(x), Bits);
        var s = RationalTrigonometry.Sin(Point(x), Bits);
        var one = c * c + s * s;
        bool contains = one.Lower <= Fraction.One && Fraction.One <= one.Upper;
        return (contains && c.Width <= MaxWidth && s.Width <= MaxWidth).Label($"x = {x:R}: cos ∈ {c}, sin ∈ {s}, cos² + sin² ∈ {one}");
    }

    [Property]
    public Property CosAndSin_AgreeWithThePlatformWithinTwoUlps(double x)
    {
        var c = RationalTrigonometry.Cos(Point(x), Bits);
        var s = RationalTrigonometry.Sin(Point(x), Bits);
        return (WithinUlps(Math.Cos(x), c, LibraryUlps) && WithinUlps(Math.Sin(x), s, LibraryUlps))
            .Label($"x = {x:R}: cos {Math.Cos(x):R} vs {c}, sin {Math.Sin(x):R} vs {s}");
    }

    [Property]
    public Property Atan_OfAPositiveArgumentAndItsReciprocal_SumsToHalfPi(double x)
    {
        if (x == 0)
            return true.ToProperty().Label("0 has no reciprocal");
        var a = RationalTrigonometry.Atan(Point(Math.Abs(x)), Bits);
        var b = RationalTrigonometry.Atan(RationalInterval.Exact(Fraction.One / ExactDouble.ToFraction(Math.Abs(x))), Bits);
        var halfPi = ExactConstants.Pi(Bits + 8) / RationalInterval.Exact(new Fraction(2));
        var sum = a + b;
        bool overlaps = sum.Lower <= halfPi.Upper && halfPi.Lower <= sum.Upper;
        return (overlaps && a.Width <= MaxWidth * new Fraction(2)).Label($"x = {x:R}: atan x + atan(1/x) ∈ {sum}, π/2 ∈ {halfPi}");
    }

    [Property]
    public Property Atan_IsOdd_AndAgreesWithThePlatform(double x)
    {
        var a = RationalTrigonometry.Atan(Point(x), Bits);
        var minus = RationalTrigonometry.Atan(Point(-x), Bits);
        return (minus.Lower == -a.Upper && minus.Upper == -a.Lower && WithinUlps(Math.Atan(x), a, LibraryUlps))
            .Label($"x = {x:R}: atan {Math.Atan(x):R} vs {a}, atan(−x) ∈ {minus}");
    }

    [Property(MaxTest = 30)]
    public Property Enclosures_AtTwoPrecisions_Overlap(double x)
    {
        bool Overlap(RationalInterval p, RationalInterval q) => p.Lower <= q.Upper && q.Lower <= p.Upper;
        return (Overlap(RationalTrigonometry.Cos(Point(x), 64), RationalTrigonometry.Cos(Point(x), 512))
                && Overlap(RationalTrigonometry.Sin(Point(x), 64), RationalTrigonometry.Sin(Point(x), 512))
                && Overlap(RationalTrigonometry.Atan(Point(x), 64), RationalTrigonometry.Atan(Point(x), 512)))
            .Label($"x = {x:R}");
    }

    [Property]
    public Property IntervalEnclosure_ContainsThePointEnclosuresOfItsEnds(double x)
    {
        var a = ExactDouble.ToFraction(x);
        var width = ExactDouble.Pow2(-20) * (Fraction.One + Fraction.Abs(a));
        var box = new RationalInterval(a - width, a + width);
        bool Contains(RationalInterval outer, RationalInterval inner) => outer.Lower <= inner.Lower && inner.Upper <= outer.Upper;
        return (Contains(RationalTrigonometry.Cos(box, Bits), RationalTrigonometry.Cos(RationalInterval.Exact(box.Lower), Bits))
                && Contains(RationalTrigonometry.Sin(box, Bits), RationalTrigonometry.Sin(RationalInterval.Exact(box.Upper), Bits))
                && Contains(RationalTrigonometry.Atan(box, Bits), RationalTrigonometry.Atan(RationalInterval.Exact(box.Lower), Bits)))
            .Label($"box around {x:R}");
    }
}
