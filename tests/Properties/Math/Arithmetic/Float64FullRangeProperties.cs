using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="Float64.Ratio"/>, the double instance of IReal's rational constant p/q ("rounded once in doubles"), over
/// every pair of longs: the correctly rounded quotient, decided exactly (no nearer double, ties to even); and
/// <see cref="Float64.Rational"/> ("rounded once") the correctly rounded value of rationals near ties and of every size.
/// </summary>
[Properties(MaxTest = 1000)]
public class Float64FullRangeProperties
{
    /// <summary>Longs of every size: small ones, ones near ±2^53 (where conversion to double starts to round), and any.</summary>
    private static Gen<long> Longs { get; } = Gen.Frequency(
        (1, Gen.Choose(-1000, 1000).Select(i => (long)i)),
        (1, Gen.Choose(-4, 4).SelectMany(d => Gen.Elements(1L, -1L).Select(s => s * ((1L << 53) + d)))),
        (2, from hi in FullRangeDoubles.MantissaBits
            from lo in FullRangeDoubles.MantissaBits
            from bits in Gen.Choose(1, 64)
            select ((hi << 12) ^ lo) >> (64 - bits)),
        (1, Gen.Elements(long.MaxValue, long.MinValue, long.MinValue + 1, (1L << 62) + 1)));

    /// <summary>Ratio(p, q) is p/q rounded once to nearest, for every p and q ≠ 0, with p/q's sign (+0 for p = 0).</summary>
    [Property]
    public Property Ratio_IsTheCorrectlyRoundedQuotient() => Prop.ForAll(
        (from p in Longs from q in Longs.Where(q => q != 0) select (p, q)).ToArbitrary(), c =>
    {
        double r = Float64.Ratio(c.p, c.q).Value;
        return ExactDoubleRoundingProperties.IsCorrectlyRounded(r, new Fraction(c.p, c.q)).Label($"{c.p}/{c.q}: {r:R}");
    });

    /// <summary>(2^53 + 1)/3 = 3002399751580331 exactly; converting 2^53 + 1 to a double first gave 3002399751580330.5.</summary>
    [Fact]
    public void Ratio_WhoseNumeratorIsNotADouble_IsRoundedOnce() =>
        Assert.Equal(3002399751580331.0, Float64.Ratio((1L << 53) + 1, 3).Value);

    /// <summary>
    /// Exact ties beyond 2^53 go to the even neighbour: 2^53 + 1 lies halfway between 2^53 and 2^53 + 2 (2^53 is even),
    /// 2^53 + 3 halfway between 2^53 + 2 and 2^53 + 4 (2^53 + 4 is even); and 2^63 − 1 rounds up to 2^63.
    /// </summary>
    [Theory]
    [InlineData((1L << 53) + 1, 1L, 9007199254740992.0)]
    [InlineData((1L << 53) + 3, 1L, 9007199254740996.0)]
    [InlineData(-((1L << 53) + 3), 1L, -9007199254740996.0)]
    [InlineData(long.MaxValue, 1L, 9223372036854775808.0)]
    [InlineData(long.MaxValue, -2L, -4611686018427387904.0)]
    public void Ratio_AtExactTies_RoundsToEven(long numerator, long denominator, double expected) =>
        Assert.Equal(expected, Float64.Ratio(numerator, denominator).Value);

    /// <summary>
    /// Rational(x) is x rounded once to nearest, ties to even, decided exactly, for x near a tie of two adjacent doubles
    /// anywhere in the range (subnormal and overflow threshold included) and for numerators and denominators of any size.
    /// </summary>
    [Property]
    public Property Rational_IsTheCorrectlyRoundedValue() => Prop.ForAll(
        Gen.Frequency(
            (1, ExactDoubleRoundingProperties.NearTies.Select(t => t.Value)),
            (1, ExactDoubleRoundingProperties.RationalsOfManySizes)).ToArbitrary(), x =>
    {
        double r = Float64.Rational(x).Value;
        return ExactDoubleRoundingProperties.IsCorrectlyRounded(r, x).Label($"{x}: {r:R}");
    });

    /// <summary>1 + 2^-53 + 2^-100 is just above the midpoint of 1 and 1 + 2^-52: it rounds up, not to the even 1.</summary>
    [Fact]
    public void Rational_JustAboveATie_RoundsUp() =>
        Assert.Equal(1.0000000000000002, Float64.Rational(1 + ExactDouble.Pow2(-53) + ExactDouble.Pow2(-100)).Value);

    /// <summary>
    /// The rational 0 is unsigned, so 0/q is +0 whatever q's sign, as <see cref="Float64.Rational"/> gives: IEEE 0.0/−3.0
    /// is −0, which the plain-division path returned for q &lt; 0 while the exact path (|q| &gt; 2^53) returned +0.
    /// </summary>
    [Theory]
    [InlineData(-3L)]
    [InlineData(-(1L << 60))]
    [InlineData(7L)]
    public void Ratio_OfZero_IsPositiveZero(long denominator) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(Float64.Ratio(0, denominator).Value));

    /// <summary>q = 0 is rejected naming the denominator.</summary>
    [Fact]
    public void Ratio_ByZero_IsRejected() => ArgumentAssert.Rejects(() => Float64.Ratio(1, 0), "denominator", "must not be 0");
}
