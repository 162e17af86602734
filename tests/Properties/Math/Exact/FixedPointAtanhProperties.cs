using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Engine.Generators;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactConstants.AtanhOfRational"/> (the fixed-point sum of FixedPointAtanh, then outward rounding to bits + 8
/// significant bits) against two independent facts: an exact-fraction Taylor sum with its geometric remainder 64 bits
/// finer (no fixed-point rounding), which the enclosure must contain; and, for long rationals where that sum is too slow,
/// tanh y = z ⇔ e^(2y) = (1 + z)/(1 − z), checked on the endpoints with ExactExp. The width must stay below 2^(−bits)·|z|:
/// FixedPointAtanh promises 2^(−bits−4)·|z| and the rounding adds at most 2·2^(−bits−7)·|atanh z| ≤ 2^(−bits−5)·|z| (|atanh z|
/// ≤ 1.1|z| for |z| ≤ 1/2).
/// </summary>
[Properties(MaxTest = 60)]
public class FixedPointAtanhProperties
{
    private static readonly Fraction Half = new(1, 2);

    private static Gen<int> Bits => Gen.Choose(16, 256);

    /// <summary>Doubles in (0, 1/2] of both signs, subnormals included (z = 2^-1074: one term).</summary>
    private static Gen<double> Doubles => EdgeDoubles.Signed(double.Epsilon, 0.5);

    /// <summary>Non-dyadic rationals p/q with |p/q| ≤ 1/2 (q odd).</summary>
    private static Gen<Fraction> Rationals =>
        Gen.Choose(1, 1_000_000).SelectMany(q => Gen.Choose(-q, q), (q, p) => new Fraction(p, 2 * q + 1)).Where(z => !z.IsZero);

    /// <summary>Rationals with 500 to 3000-bit numerators and denominators (odd), |z| ≤ 1/2, both signs.</summary>
    private static Gen<Fraction> LongRationals =>
        from bitsNum in Gen.Choose(500, 3000)
        from seed in Gen.Choose(0, int.MaxValue)
        from negative in Gen.Elements(false, true)
        select Long(bitsNum, seed, negative);

    private static Fraction Long(int bits, int seed, bool negative)
    {
        var random = new System.Random(seed);
        var bytes = new byte[bits / 8 + 1];
        random.NextBytes(bytes);
        var den = BigInteger.Abs(new BigInteger(bytes)) | BigInteger.One;
        random.NextBytes(bytes);
        var num = BigInteger.Abs(new BigInteger(bytes)) % (den / 2) + 1;
        return negative ? -new Fraction(num, den) : new Fraction(num, den);
    }

    private static bool Encloses(RationalInterval outer, RationalInterval inner) =>
        outer.Lower <= inner.Lower && inner.Upper <= outer.Upper;

    private static bool NarrowEnough(RationalInterval a, Fraction z, int bits) => a.Width <= Fraction.Abs(z) * ExactDouble.Pow2(-bits);

    private static bool Checked(Fraction z, int bits, out string label)
    {
        var a = ExactConstants.AtanhOfRational(z, bits);
        var reference = ReferenceAtanh(z, bits + 64);
        label = $"z = {z.ToDouble():R}, bits = {bits}: {a}, reference {reference}";
        return Encloses(a, reference) && NarrowEnough(a, z, bits);
    }

    [Property]
    public Property AtDoubles_ContainsAFinerReference_AndIsNarrow() => Prop.ForAll(Doubles.ToArbitrary(), Bits.ToArbitrary(), (x, bits) =>
        Checked(ExactDouble.ToFraction(x), bits, out var label).Label(label));

    [Property(MaxTest = 40)]
    public Property AtNonDyadicRationals_ContainsAFinerReference_AndIsNarrow() => Prop.ForAll(Rationals.ToArbitrary(), Bits.ToArbitrary(), (z, bits) =>
        Checked(z, bits, out var label).Label(label));

    /// <summary>
    /// Long rationals at 512 and 2048 bits (ExactLog passes (m − 1)/(m + 1) for a long m; the exact-fraction sum took 73 s for
    /// a 1000-bit argument at 2048 bits): e^(2·lower) ≤ (1 + z)/(1 − z) ≤ e^(2·upper), each exponential enclosed 16 bits finer.
    /// </summary>
    [Property(MaxTest = 6)]
    public Property AtLongRationals_TheExponentialBracketsTheArgument() => Prop.ForAll(
        LongRationals.ToArbitrary(), Gen.Elements(512, 2048).ToArbitrary(), (z, bits) =>
        {
            var a = ExactConstants.AtanhOfRational(z, bits);
            var ratio = (Fraction.One + z) / (Fraction.One - z);
            var below = ExactExp.Of(2 * a.Lower, bits + 16);
            var above = ExactExp.Of(2 * a.Upper, bits + 16);
            return (below.Upper <= ratio && ratio <= above.Lower && NarrowEnough(a, z, bits))
                .Label($"z ≈ {z.ToDouble():R}, bits = {bits}: width {(a.Width / Fraction.Abs(z)).ToDouble():E3}·|z|");
        });

    /// <summary>ln of long rationals at 2048 bits: e^lower ≤ x ≤ e^upper (ExactLog reduces x to m·2^k, then atanh).</summary>
    [Property(MaxTest = 4)]
    public Property LogOfLongRationals_TheExponentialBracketsTheArgument() => Prop.ForAll(
        LongRationals.ToArbitrary(), Gen.Choose(-3000, 3000).ToArbitrary(), (z, k) =>
        {
            var x = Fraction.Abs(z) * ExactDouble.Pow2(k);
            var ln = ExactLog.Of(x, 2048);
            return (ExactExp.Of(ln.Lower, 2064).Upper <= x && x <= ExactExp.Of(ln.Upper, 2064).Lower && ln.Width <= ExactDouble.Pow2(-2040) * (1 + k * k))
                .Label($"x ≈ 2^{k}·{Fraction.Abs(z).ToDouble():R}: {ln}");
        });

    [Theory]
    [InlineData(1, 2)]
    [InlineData(-1, 2)]
    [InlineData(1, 3)]
    [InlineData(-7, 15)]
    public void AtTheEndsOfTheRange_ContainsAFinerReference(int p, int q)
    {
        foreach (int bits in new[] { 16, 53, 200, 1000 })
            Assert.True(Checked(new Fraction(p, q), bits, out var label), label);
    }

    /// <summary>z = ±2^-3000: one term, F above 3000 bits; the enclosure keeps its precision relative to z.</summary>
    [Fact]
    public void AtATinyArgument_KeepsRelativePrecision()
    {
        var z = ExactDouble.Pow2(-3000);
        Assert.True(Checked(z, 128, out var label), label);
        Assert.True(Checked(-z, 128, out label), label);
    }

    [Fact]
    public void BadInput_IsRejected_NamingTheParameter()
    {
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => ExactConstants.AtanhOfRational(Half + ExactDouble.Pow2(-60), 64)).ParamName);
        Assert.Equal("bits", Assert.Throws<ArgumentException>(() => ExactConstants.AtanhOfRational(Half, 15)).ParamName);
        Assert.Equal(RationalInterval.Zero, ExactConstants.AtanhOfRational(Fraction.Zero, 64));
    }

    /// <summary>
    /// Σ z^(2n+1)/(2n+1) in exact fractions until the remainder bound |z|^(2N+3)/((2N+3)(1 − z²)) is below 2^(−bits)·|z|; the
    /// remainder has the sign of z.
    /// </summary>
    private static RationalInterval ReferenceAtanh(Fraction z, int bits)
    {
        var tolerance = ExactDouble.Pow2(-bits) * Fraction.Abs(z);
        var z2 = z * z;
        var power = z;
        var sum = Fraction.Zero;
        for (int n = 0; ; n++)
        {
            sum += power / (2 * n + 1);
            power *= z2;
            var bound = Fraction.Abs(power) / ((2 * n + 3) * (Fraction.One - z2));
            if (bound <= tolerance)
                return z.Sign() > 0 ? new RationalInterval(sum, sum + bound) : new RationalInterval(sum - bound, sum);
        }
    }
}
