using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactConstants"/> over its whole range (issue 15, item 1): π and ln 2 at precisions 16 to 4096 against
/// formulas the code does not use (Hutton's π = 8·atan(1/3) + 4·atan(1/7); ln 2 = 4·atanh(1/7) + 2·atanh(1/17), since
/// 2·ln(4/3) + ln(9/8) = ln 2), each summed here in integers 64 bits finer; atanh of rationals from ±1/2 down to far below
/// 2^-1074 against tanh∘atanh (e^(2y) = (1 + z)/(1 − z), through <see cref="ExactExp"/>) or, for tiny z, its exact
/// Maclaurin bracket; 2·atanh(1/3) against ln 2; and the rejection of everything outside the range.
/// </summary>
[Properties(MaxTest = 25)] // π at 4096 bits takes 0.3 s, once per precision (cached)
public class ExactConstantsFullRangeProperties
{
    private static Gen<int> Precision { get; } = Gen.Frequency((3, Gen.Choose(16, 600)), (1, Gen.Choose(600, 4096)));

    /// <summary>
    /// 2^P·atan(1/q) (alternating) or 2^P·atanh(1/q) (all terms positive) in integers, q ≥ 3: the terms
    /// ⌊2^P/((2n + 1)·q^(2n+1))⌋ until the first that floors to 0, with u_n = ⌊2^P/q^(2n+1)⌋ = ⌊u_(n−1)/q²⌋ (nested floors
    /// of quotients by positive integers are exact). Each term errs by less than 1 unit and the remainder from the first zero
    /// term on is below 1/(1 − 1/q²) &lt; 2 units (alternating: below 1), so with N terms summed the value lies within
    /// [S − N − 2, S + N + 2].
    /// </summary>
    internal static (BigInteger Low, BigInteger High) ScaledArcTangent(int q, int precisionBits, bool hyperbolic)
    {
        var power = (BigInteger.One << precisionBits) / q;
        var sum = BigInteger.Zero;
        int n = 0;
        for (; ; n++)
        {
            var term = power / (2 * n + 1);
            if (term.IsZero)
                break;
            sum += hyperbolic || n % 2 == 0 ? term : -term;
            power /= q * q;
        }
        return (sum - n - 2, sum + n + 2);
    }

    /// <summary>π = 8·atan(1/3) + 4·atan(1/7) (Hutton), within 12·(N₃ + N₇ + 4) units of 2^-P.</summary>
    internal static RationalInterval PiReference(int precisionBits)
    {
        var (l3, h3) = ScaledArcTangent(3, precisionBits, hyperbolic: false);
        var (l7, h7) = ScaledArcTangent(7, precisionBits, hyperbolic: false);
        var scale = BigInteger.One << precisionBits;
        return new RationalInterval(new Fraction(8 * l3 + 4 * l7, scale), new Fraction(8 * h3 + 4 * h7, scale));
    }

    /// <summary>ln 2 = 4·atanh(1/7) + 2·atanh(1/17), within 6·(N₇ + N₁₇ + 4) units of 2^-P.</summary>
    internal static RationalInterval Ln2Reference(int precisionBits)
    {
        var (l7, h7) = ScaledArcTangent(7, precisionBits, hyperbolic: true);
        var (l17, h17) = ScaledArcTangent(17, precisionBits, hyperbolic: true);
        var scale = BigInteger.One << precisionBits;
        return new RationalInterval(new Fraction(4 * l7 + 2 * l17, scale), new Fraction(4 * h7 + 2 * h17, scale));
    }

    private static bool Encloses(RationalInterval outer, RationalInterval inner) => outer.Lower <= inner.Lower && inner.Upper <= outer.Upper;

    /// <summary>
    /// Pi(bits) contains π (the reference at bits + 64, whose width, below 12·(bits + 100) units of 2^(−bits−64), is far
    /// inside any rounding step of Pi) and its width is below π·2^-bits/6: the series to 20·2^(−bits−12), then two outward
    /// steps of 2^(−bits−2) at bits + 4 significant bits, 2^(−bits−1)·1.0098 in all, 0.1607·2^-bits·π.
    /// </summary>
    [Property]
    public Property Pi_AtAnyPrecision_ContainsPiAndIsNarrow() => Prop.ForAll(Precision.ToArbitrary(), bits =>
    {
        var pi = ExactConstants.Pi(bits);
        var reference = PiReference(bits + 64);
        bool contains = Encloses(pi, reference);
        bool narrow = pi.Width * 6 <= ExactDouble.Pow2(-bits) * reference.Lower;
        return (contains && narrow).Label($"Pi({bits}): contains {contains}, width {ExactDouble.ToDouble(pi.Width / reference.Lower * ExactDouble.Pow2(bits)):G4}·2^-bits·π");
    });

    /// <summary>
    /// Ln2(bits) contains ln 2 (the reference at bits + 64) and is narrower than ln 2·2^-bits/5: 2·atanh(1/3) at bits + 8 to
    /// 2^(−bits−11)·2/3, then two outward steps of 2^(−bits−4) at bits + 4 significant bits, 0.1808·2^-bits·ln 2 in all.
    /// 2·atanh(1/3) at bits, which is how Ln2 is computed, also contains ln 2 and is narrower than 2·2^(−bits−3)/3.
    /// </summary>
    [Property]
    public Property Ln2_AtAnyPrecision_ContainsLn2AndIsNarrow() => Prop.ForAll(Precision.ToArbitrary(), bits =>
    {
        var ln2 = ExactConstants.Ln2(bits);
        var reference = Ln2Reference(bits + 64);
        bool contains = Encloses(ln2, reference);
        bool narrow = ln2.Width * 5 <= ExactDouble.Pow2(-bits) * reference.Lower;
        var twice = RationalInterval.Exact(new Fraction(2)) * ExactConstants.AtanhOfRational(new Fraction(1, 3), bits);
        bool atanh = Encloses(twice, reference) && twice.Width <= ExactDouble.Pow2(-bits - 3) * new Fraction(2, 3);
        return (contains && narrow && atanh).Label(
            $"Ln2({bits}): contains {contains}, width {ExactDouble.ToDouble(ln2.Width / reference.Lower * ExactDouble.Pow2(bits)):G4}·2^-bits·ln 2; 2·atanh(1/3) {atanh}");
    });

    /// <summary>
    /// Arguments z with 0 &lt; |z| ≤ 1/2, both signs: doubles from the smallest subnormal up (±1/2 included); rationals
    /// p/(q·2^j) far below 2^-1074 (j up to 5000, q odd, so no double is one); and long-denominator rationals near 1/2.
    /// </summary>
    private static Gen<Fraction> Arguments { get; } = Gen.Frequency(
        (3, FullRangeDoubles.Positive.Select(v => v > 0.5 ? Math.ScaleB(v, -Math.ILogB(v) - 2) : v).Select(ExactDouble.ToFraction)),
        (1, Gen.Elements(new Fraction(1, 2), ExactDouble.ToFraction(double.Epsilon), new Fraction(1, 3))),
        (2, from j in Gen.Choose(1000, 5000)
            from q in Gen.Choose(1, 100_000)
            from p in Gen.Choose(1, 2 * q + 1)
            select new Fraction(p, 2 * q + 1) * ExactDouble.Pow2(-j)),
        (1, from k in Gen.Choose(1, 400)
            select new Fraction(1, 2) - new Fraction(1, BigInteger.Pow(3, k))))
        .SelectMany(z => Gen.Elements(z, -z));

    /// <summary>
    /// AtanhOfRational(z, bits) contains atanh z and its width is below 2^(−bits−3)·|z| (the doc comment: FixedPointAtanh's
    /// 2^(−bits−4)·|z|, then two outward steps of at most 2^(−bits−7)·|atanh z| ≤ 2^(−bits−7)·1.1|z|). The reference: for
    /// |z|⁴ ≤ 2^(−bits−16), the Maclaurin bracket z + z³/3 ≤ atanh z ≤ z + z³/3 + z⁵/(5(1 − z²)) (positive terms; mirrored
    /// for z &lt; 0), exact and narrower than 2^(−bits−16)·|z|; otherwise e^(2·lower) ≤ (1 + z)/(1 − z) ≤ e^(2·upper),
    /// each exponential enclosed at growing precision until it is decided.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property AtanhOfRational_FromTinyToHalf_ContainsAtanhAndIsNarrow() => Prop.ForAll(
        Arguments.ToArbitrary(), Gen.Frequency((3, Gen.Choose(16, 256)), (1, Gen.Choose(256, 2048))).ToArbitrary(), (z, bits) =>
    {
        var y = ExactConstants.AtanhOfRational(z, bits);
        var s = Fraction.Abs(z);
        bool contains;
        string how;
        if (s * s * s * s <= ExactDouble.Pow2(-bits - 16))
        {
            var z3 = z * z * z;
            var lower = z + z3 / 3;
            var outer = lower + z3 * z * z / (5 * (1 - z * z));
            var bracket = z.Sign() > 0 ? new RationalInterval(lower, outer) : new RationalInterval(outer, lower);
            contains = Encloses(y, bracket);
            how = "Maclaurin";
        }
        else
        {
            var ratio = (1 + z) / (1 - z);
            contains = LogAndErfFullRangeProperties.Decided(p => ExactExp.Of(2 * y.Lower, p), ratio, below: true, 128, 8192)
                && LogAndErfFullRangeProperties.Decided(p => ExactExp.Of(2 * y.Upper, p), ratio, below: false, 128, 8192);
            how = "exp";
        }
        bool narrow = y.Width < ExactDouble.Pow2(-bits - 3) * s;
        return (contains && narrow).Label(
            $"atanh(z), z ≈ {ExactDouble.ToDouble(z):R} (2^{ExactDouble.FloorLog2(s)}), at {bits} bits: contains {contains} ({how}), width {ExactDouble.ToDouble(y.Width / s * ExactDouble.Pow2(bits)):G4}·2^-bits·|z|");
    });

    /// <summary>
    /// Every entry point rejects bits outside [16, 65536] with an ArgumentException naming the range and the parameter,
    /// and AtanhOfRational rejects |z| &gt; 1/2 (however little above: 1/2 + 2^-k, k up to 5000) naming z.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property OutsideTheRange_IsRejectedNamingIt() => Prop.ForAll(
        Gen.Frequency((1, Gen.Choose(int.MinValue, 15)), (1, Gen.Choose(65537, int.MaxValue)), (1, Gen.Elements(15, 65537))).ToArbitrary(),
        Gen.Choose(1, 5000).SelectMany(k => Gen.Elements(1, -1), (k, sign) => sign * (new Fraction(1, 2) + ExactDouble.Pow2(-k))).ToArbitrary(),
        (bits, z) =>
    {
        const string range = "bits must be in [16, 65536]";
        bool pi = ArgumentAssert.IsRejection(() => ExactConstants.Pi(bits), "bits", range);
        bool ln2 = ArgumentAssert.IsRejection(() => ExactConstants.Ln2(bits), "bits", range);
        bool atanhBits = ArgumentAssert.IsRejection(() => ExactConstants.AtanhOfRational(new Fraction(1, 3), bits), "bits", range);
        bool atanhZ = ArgumentAssert.IsRejection(() => ExactConstants.AtanhOfRational(z, 53), "z", "|z| must be ≤ 1/2");
        return (pi && ln2 && atanhBits && atanhZ).Label($"bits = {bits}, z ≈ {ExactDouble.ToDouble(z):R}: Pi {pi}, Ln2 {ln2}, atanh bits {atanhBits}, atanh z {atanhZ}");
    });
}
