using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Verification.Tests.Properties.Numerics.Statistics;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ErfEnclosure"/> at arguments over the whole double range (subnormal to ±MaxValue, both zeros) and at
/// precisions 16 to 512 (issue 15, item 1). Each enclosure must contain erf x, checked against a reference computed
/// another way: <see cref="ExactErf"/> (a fixed-point series and erfc's asymptotic series) for |x| &lt; 64, and from 64 on
/// Mills' ratio at 64: erfc x ≤ e^(−4096)/(64√π), with <see cref="ExactExp"/> at 128 bits and the tests' own π. (Until stop
/// 35 it was 100!/(x^201·√π), looser than the enclosure's 2^-1100 since that stop.) ErfEnclosure's continued fraction for
/// 5 &lt; |x| &lt; 64 is thus checked against ExactErf's asymptotic series and Maclaurin sum, a different method.
/// Its width must be the one the doc comment states, and it must lie in [−1, 1].
/// </summary>
[Properties(MaxTest = 60)] // series at up to 512 bits in exact fractions: up to a second for 1 < |x| ≤ 5
public class ErfEnclosureFullRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static readonly Fraction Five = new(5);

    /// <summary>The precisions: the ends of the accepted range and the ones the claims use.</summary>
    internal static Gen<int> Precision { get; } = Gen.Elements(16, 53, 120, 200, 512);

    /// <summary>
    /// Either sign of: a double from anywhere in the range; one within 2^(−bits−8)…8, where the series is cut after a few
    /// terms and an absolute cut of 2^-bits is coarse relative to erf x (x³/3 &lt; 2^-bits ≤ x·2^-bits·4); or an edge of
    /// the branches (5 and its neighbours, the tail cap 64 and its neighbours); or one in (5, 64), the continued fraction's range.
    /// </summary>
    internal static Gen<double> Arguments(int bits) => Gen.Frequency(
        (3, FullRangeDoubles.Signed),
        (3, from k in Gen.Choose(-bits - 8, 0)
            from v in FullRangeDoubles.Moderate
            from negative in Gen.Elements(false, true)
            select (negative ? -1 : 1) * Math.ScaleB(v, k)),
        (1, from v in Gen.Elements(5.0, Math.BitIncrement(5.0), Math.BitDecrement(5.0), 4.9, 5.5, 27.0, 64.0,
                Math.BitIncrement(64.0), Math.BitDecrement(64.0), 1024.0)
            from negative in Gen.Elements(false, true)
            select negative ? -v : v),
        (2, from k in Gen.Choose(1, int.MaxValue)
            from negative in Gen.Elements(false, true)
            select (negative ? -1 : 1) * (5 + 59.0 * k / int.MaxValue)));

    /// <summary>
    /// True when a reference for erf x, taken at growing precision from <paramref name="bits"/> + 32 to 4096, lies inside
    /// <paramref name="enclosure"/>; false when one lies outside it entirely (refuted) or none is decided. An end of the
    /// enclosure may lie closer to erf x than any fixed reference width, hence the growing precision.
    /// </summary>
    internal static bool Contains(RationalInterval enclosure, Fraction x, int bits)
    {
        for (int p = bits + 32; p <= 4096; p *= 2)
        {
            var r = Reference(x, p);
            if (enclosure.Lower <= r.Lower && r.Upper <= enclosure.Upper)
                return true;
            if (r.Upper < enclosure.Lower || r.Lower > enclosure.Upper)
                return false;
        }
        return false;
    }

    /// <summary>
    /// erf x: <see cref="ExactErf"/> at <paramref name="bits"/> for |x| ≤ 5; for 5 &lt; |x| &lt; 64, 1 − ExactErf's erfc at
    /// <paramref name="bits"/> relatively (mirrored; an absolute 2^-bits on erf near 1 could not decide an enclosure as
    /// narrow as 2^-bits·erfc); from 64 on 1 − [0, e^(−4096)/(64√π)] (mirrored; erfc is decreasing, and Mills' ratio bounds
    /// erfc(64)), e^(−4096)'s upper end from <see cref="ExactExp"/> at 128 bits and √π's lower end from the 36 decimals of
    /// <see cref="ErfReference.Pi"/> at 128 bits.
    /// </summary>
    internal static RationalInterval Reference(Fraction x, int bits)
    {
        var a = Fraction.Abs(x);
        if (a <= Five)
            return ExactErf.ErfPoint(x, bits);
        if (a < new Fraction(64))
        {
            var tail = RationalInterval.Exact(Fraction.One) - ExactErf.ErfcPoint(a, bits);
            return x.Sign() > 0 ? tail : -tail;
        }
        var mills = ExactExp.Of(new Fraction(-4096), 128).Upper / (64 * ErfReference.Pi.Sqrt(128).Lower);
        var positive = new RationalInterval(Fraction.One - mills, Fraction.One);
        return x.Sign() > 0 ? positive : -positive;
    }

    /// <summary>
    /// The width <see cref="ErfEnclosure.ErfPoint"/> states: 0 at x = 0; below 2^(2−bits)·|erf x| for 0 &lt; |x| ≤ 5 (the
    /// series cut, 1.5·2^-bits relative to a sum ≥ 2x/3 or ≥ 0.746, and 2/√π, 2^-bits·(1 + 2^-8) with √π at bits
    /// significant bits and π at bits + 8; |erf x| is taken as the reference's lower end of |erf|); for 5 &lt; |x| &lt; 64
    /// below 2^(1−bits)·erfc|x| (the continued fraction's bracket and rounding, e^(−x²) and 1/√π, each relative to erfc;
    /// erfc from <see cref="ExactErf.ErfcPoint"/>), and 2^-1100 from 64 on.
    /// </summary>
    internal static bool HasStatedWidth(RationalInterval e, Fraction x, int bits, out string why)
    {
        var a = Fraction.Abs(x);
        if (a.IsZero)
        {
            why = "x = 0";
            return e.Width.IsZero;
        }
        if (a <= Five)
        {
            var r = Reference(a, bits + 32);
            why = $"width/erf = {ExactDouble.ToDouble(e.Width / r.Lower * ExactDouble.Pow2(bits)):G4}·2^-bits (at most 4)";
            return e.Width <= ExactDouble.Pow2(2 - bits) * r.Lower;
        }
        if (a >= new Fraction(64))
        {
            why = $"width = 2^{ExactDouble.FloorLog2(e.Width)} (at most 2^-1100 from 64 on)";
            return e.Width <= ExactDouble.Pow2(-1100);
        }
        var erfc = ExactErf.ErfcPoint(a, bits + 32).Lower;
        why = $"width/erfc = {ExactDouble.ToDouble(e.Width / erfc * ExactDouble.Pow2(bits)):G6}·2^-bits (at most 2)";
        return e.Width <= ExactDouble.Pow2(1 - bits) * erfc;
    }

    /// <summary>
    /// <see cref="ErfEnclosure.ErfPoint"/> at any double and precision: contains erf x, has the stated width, lies in
    /// [−1, 1], is odd end for end, and its lower end is at most the upper end at the next double up (erf increases).
    /// </summary>
    [Property]
    public Property ErfPoint_OverTheWholeRange_ContainsErfWithinItsStatedWidth() => Prop.ForAll(
        Precision.SelectMany(b => Arguments(b).Select(x => (b, x))).ToArbitrary(), c =>
    {
        var (bits, x) = c;
        var a = F(x);
        var e = ErfEnclosure.ErfPoint(a, bits);
        bool contains = Contains(e, a, bits);
        bool narrow = HasStatedWidth(e, a, bits, out var why);
        bool ranged = e.Lower >= -1 && e.Upper <= 1;
        var mirror = ErfEnclosure.ErfPoint(-a, bits);
        bool odd = mirror.Lower == -e.Upper && mirror.Upper == -e.Lower;
        double up = Math.BitIncrement(x);
        bool monotone = !double.IsFinite(up) || ErfEnclosure.ErfPoint(F(up), bits).Upper >= e.Lower;
        return (contains && narrow && ranged && odd && monotone).Label(
            $"erf({x:R}) at {bits} bits: {e}; contains {contains}, narrow {narrow} ({why}), in [−1, 1] {ranged}, odd {odd}, monotone {monotone}");
    });

    /// <summary>
    /// <see cref="ErfEnclosure.Erf"/> on [a, b] for any two doubles a ≤ b (a point half the time): contains erf a and erf b
    /// (so all of erf([a, b]), erf being increasing), lies in [−1, 1], and for a point x has the width its doc states:
    /// (4 + 2^-6)·2^-bits·|erf x| for |x| ≤ 5 (ErfPoint's 2^(2−bits) and the rounding of each end to bits + 8 significant
    /// bits, 2^(−bits−7) relative, x·erf'(x) ≤ erf(x)); for 5 &lt; |x| &lt; 64, 2^(8−bits)·erfc|x| (ErfPoint's 2^(1−bits)·erfc at
    /// each rounded end, which stays beyond 5, and the rounding's move of erf, (2x² + 2)·2^(−bits−7)·erfc at most per end);
    /// from 64 on, 2^-1099.
    /// </summary>
    [Property]
    public Property Erf_OnAnyInterval_ContainsErfAtBothEnds() => Prop.ForAll(
        (from b in Precision
         from u in Arguments(b)
         from v in Arguments(b)
         from point in Gen.Elements(true, false)
         select (b, u, v, point)).ToArbitrary(), c =>
    {
        var (bits, u, v, point) = c;
        double lo = point ? u : Math.Min(u, v), hi = point ? u : Math.Max(u, v);
        var e = ErfEnclosure.Erf(new RationalInterval(F(lo), F(hi)), bits);
        bool contains = Contains(e, F(lo), bits) && Contains(e, F(hi), bits);
        bool ranged = e.Lower >= -1 && e.Upper <= 1 && e.Lower <= e.Upper;
        bool narrow = true;
        string why = "";
        if (point)
        {
            var a = Fraction.Abs(F(lo));
            if (a.IsZero)
                narrow = e.Width.IsZero;
            else if (a <= Five)
                narrow = e.Width <= (4 + new Fraction(1, 64)) * ExactDouble.Pow2(-bits) * Reference(a, bits + 32).Lower;
            else if (a < new Fraction(64))
                narrow = e.Width <= ExactDouble.Pow2(8 - bits) * ExactErf.ErfcPoint(a, bits + 32).Lower;
            else
                narrow = e.Width <= ExactDouble.Pow2(-1099);
            why = $", width {ExactDouble.ToDouble(e.Width):G4}";
        }
        return (contains && ranged && narrow).Label(
            $"erf([{lo:R}, {hi:R}]) at {bits} bits: {e}; contains {contains}, in [−1, 1] {ranged}, narrow {narrow}{why}");
    });
}
