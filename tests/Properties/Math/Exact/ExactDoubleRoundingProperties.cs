using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactDouble.ToDouble"/> is correctly rounded (to nearest, ties to even) over the whole range: every result
/// is checked by meaning, comparing it exactly with its two neighbouring doubles, and against IEEE division of two
/// doubles (correctly rounded by the standard, an oracle that shares no code with ExactDouble). The rationals lie near
/// ties (a midpoint of two adjacent doubles ± a tiny rational), on exact midpoints (subnormal ones included), at the
/// overflow threshold 2^1024 − 2^970 and around it, on powers of two, and have numerators and denominators of 1 to
/// 2200 bits.
/// </summary>
[Properties(MaxTest = 1000)]
public class ExactDoubleRoundingProperties
{
    /// <summary>2^1024 − 2^970, the midpoint of double.MaxValue and 2^1024: from it on (it included) IEEE rounds to ∞.</summary>
    internal static Fraction OverflowThreshold => ExactAgreement.OverflowThreshold;

    /// <summary>
    /// True when r is the double that rounding x to nearest, ties to even, gives: its sign bit is x's (+0 for x = 0,
    /// −0 for a negative x that rounds to 0, as IEEE division gives); ±∞ exactly when |x| ≥ 2^1024 − 2^970; otherwise
    /// neither neighbour of r is nearer to x, and r is even where one is as near. Decided in exact rationals.
    /// </summary>
    internal static bool IsCorrectlyRounded(double r, Fraction x)
    {
        if (double.IsNaN(r) || double.IsNegative(r) != (x.Sign() < 0))
            return false;
        if (double.IsInfinity(r))
            return Fraction.Abs(x) >= OverflowThreshold;
        if (Fraction.Abs(x) >= OverflowThreshold)
            return false;
        var distance = Fraction.Abs(ExactDouble.ToFraction(r) - x);
        foreach (double neighbour in new[] { Math.BitDecrement(r), Math.BitIncrement(r) })
        {
            if (double.IsInfinity(neighbour))
                continue; // the neighbour of ±MaxValue beyond the range: decided by the threshold above
            var other = Fraction.Abs(ExactDouble.ToFraction(neighbour) - x);
            if (other < distance || (other == distance && (BitConverter.DoubleToInt64Bits(r) & 1) != 0))
                return false;
        }
        return true;
    }

    /// <summary>A rational x near a tie and the double that rounding it must give, derived from how x was built.</summary>
    internal readonly record struct NearTie(Fraction Value, double Expected, string Description);

    /// <summary>
    /// x = ±(midpoint of a and its upper neighbour b + s·(b − a)/(c·2^t)), t in 1…400, c odd, s ∈ {−1, 0, 1}: x lies
    /// strictly between a and b, so it rounds to a below the midpoint, to b above it, and to the even one of the two on
    /// it. For a = MaxValue, b is 2^1024 (the midpoint is the overflow threshold and b stands for ∞, "even" as IEEE
    /// counts it). a ranges over the whole range, with subnormals, 0, the top of binades and MaxValue weighted up.
    /// </summary>
    internal static Gen<NearTie> NearTies { get; } =
        from a in Gen.Frequency(
            (6, FullRangeDoubles.Positive),
            (3, FullRangeDoubles.Subnormal),
            (1, FullRangeDoubles.BinadeTop),
            (1, Gen.Elements(0.0, double.Epsilon, FullRangeDoubles.MinNormal, Math.BitDecrement(FullRangeDoubles.MinNormal), double.MaxValue)))
        from t in Gen.Frequency((3, Gen.Choose(1, 80)), (1, Gen.Choose(1, 400)))
        from c in Gen.Frequency((2, Gen.Constant(1)), (1, Gen.Elements(3, 5, 7)), (1, Gen.Choose(0, (1 << 20) - 1).Select(i => 2 * i + 1)))
        from side in Gen.Elements(-1, 0, 1)
        from negative in Gen.Elements(false, true)
        select MakeNearTie(a, t, c, side, negative);

    private static NearTie MakeNearTie(double a, int t, int c, int side, bool negative)
    {
        double b = Math.BitIncrement(a); // +∞ for MaxValue
        var lower = ExactDouble.ToFraction(a);
        var upper = a == double.MaxValue ? ExactDouble.Pow2(1024) : ExactDouble.ToFraction(b);
        var spacing = upper - lower;
        var x = (lower + upper) / 2 + side * spacing / (c * ExactDouble.Pow2(t));
        double expected = side switch
        {
            < 0 => a,
            > 0 => b,
            _ => (BitConverter.DoubleToInt64Bits(a) & 1) == 0 ? a : b,
        };
        if (negative)
        {
            x = -x;
            expected = -expected;
        }
        return new NearTie(x, expected, $"a = {a:R}, side {side}, offset spacing/({c}·2^{t}), negative = {negative}");
    }

    /// <summary>A positive BigInteger of exactly <c>bits</c> bits (top bit set, the others random).</summary>
    private static Gen<BigInteger> PositiveOfBitLength(int bits) =>
        Gen.ArrayOf(Gen.Choose(0, 255), (bits + 7) / 8).Select(bytes =>
        {
            var random = new BigInteger(bytes.Select(v => (byte)v).ToArray(), isUnsigned: true);
            return (random >> ((bytes.Length * 8) - bits)) | (BigInteger.One << (bits - 1));
        });

    /// <summary>A non-zero rational ±n/d with n and d of 1…2200 bits each (small sizes weighted up): any magnitude.</summary>
    internal static Gen<Fraction> RationalsOfManySizes { get; } =
        from numeratorBits in Gen.Frequency((2, Gen.Choose(1, 70)), (1, Gen.Choose(1, 2200)))
        from denominatorBits in Gen.Frequency((2, Gen.Choose(1, 70)), (1, Gen.Choose(1, 2200)))
        from n in PositiveOfBitLength(numeratorBits)
        from d in PositiveOfBitLength(denominatorBits)
        from negative in Gen.Elements(false, true)
        select new Fraction(negative ? -n : n, d);

    /// <summary>Near ties, exact midpoints included: the result is the neighbour fixed by the construction, and correctly rounded.</summary>
    [Property]
    public Property ToDouble_NearATie_IsTheNearestDouble() => Prop.ForAll(NearTies.ToArbitrary(), c =>
    {
        double r = ExactDouble.ToDouble(c.Value);
        bool sameBits = BitConverter.DoubleToInt64Bits(r) == BitConverter.DoubleToInt64Bits(c.Expected);
        return (sameBits && IsCorrectlyRounded(r, c.Value)).Label($"{c.Description}: {r:R}, expected {c.Expected:R}");
    });

    /// <summary>
    /// For doubles p and q ≠ 0 from the whole range, ToDouble(p/q taken exactly) is p / q computed by IEEE division, bit
    /// for bit (signed zeros, subnormals and ∞ included); and that quotient passes the exact check (the check validated).
    /// </summary>
    [Property]
    public Property ToDouble_OfAQuotientOfDoubles_IsIeeeDivision() => Prop.ForAll(
        (from p in FullRangeDoubles.Signed
         from q in FullRangeDoubles.Positive.SelectMany(v => Gen.Elements(v, -v))
         select (p, q)).ToArbitrary(), c =>
    {
        var x = ExactDouble.ToFraction(c.p) / ExactDouble.ToFraction(c.q);
        double ieee = c.p / c.q;
        double r = ExactDouble.ToDouble(x);
        // A zero p has no sign as a rational: the rational 0 gives +0 whatever IEEE's sign of p/q.
        double expected = c.p == 0 ? 0.0 : ieee;
        return (BitConverter.DoubleToInt64Bits(r) == BitConverter.DoubleToInt64Bits(expected) && IsCorrectlyRounded(expected, x))
            .Label($"{c.p:R} / {c.q:R}: {r:R}, IEEE {ieee:R}");
    });

    /// <summary>Numerators and denominators of 1 to 2200 bits (values from far below 2^-1074 to far above 2^1024).</summary>
    [Property]
    public Property ToDouble_OfRationalsOfManySizes_IsCorrectlyRounded() => Prop.ForAll(RationalsOfManySizes.ToArbitrary(), x =>
    {
        double r = ExactDouble.ToDouble(x);
        return IsCorrectlyRounded(r, x).Label($"{x}: {r:R}");
    });

    /// <summary>2^k over k = −1200…1200: itself where a double, ∞ from 2^1024, 0 from 2^-1075 down (that one a tie to 0).</summary>
    [Property]
    public Property ToDouble_OfAPowerOfTwo_IsThatPowerOrBeyondTheRange() => Prop.ForAll(
        (from k in Gen.Choose(-1200, 1200) from negative in Gen.Elements(false, true) select (k, negative)).ToArbitrary(), c =>
    {
        var x = c.negative ? -ExactDouble.Pow2(c.k) : ExactDouble.Pow2(c.k);
        double r = ExactDouble.ToDouble(x);
        double magnitude = c.k >= 1024 ? double.PositiveInfinity
            : c.k <= -1075 ? 0.0
            : BitConverter.Int64BitsToDouble(c.k >= -1022 ? (long)(c.k + 1023) << 52 : 1L << (c.k + 1074));
        double expected = c.negative ? -magnitude : magnitude;
        return (BitConverter.DoubleToInt64Bits(r) == BitConverter.DoubleToInt64Bits(expected) && IsCorrectlyRounded(r, x))
            .Label($"2^{c.k}, negative = {c.negative}: {r:R}");
    });

    /// <summary>
    /// 1 + 2^-53 + 2^-100 lies just above the midpoint of 1 and 1 + 2^-52, so it rounds up; truncating the quotient to
    /// 64 bits loses the 2^-100 and leaves an exact tie, which went to the even 1.
    /// </summary>
    [Fact]
    public void ToDouble_JustAboveATie_RoundsUp()
    {
        var x = 1 + ExactDouble.Pow2(-53) + ExactDouble.Pow2(-100);
        Assert.Equal(1.0000000000000002, ExactDouble.ToDouble(x));
        Assert.Equal(-1.0000000000000002, ExactDouble.ToDouble(-x));
    }

    /// <summary>
    /// 2^-1075 + 2^-1134 lies just above half the smallest subnormal, so it rounds to 2^-1074; rounding first to 53 bits
    /// (to 2^-1075) and then onto the subnormal grid made an exact tie of it, which went to 0.
    /// </summary>
    [Fact]
    public void ToDouble_JustAboveHalfTheSmallestSubnormal_IsTheSmallestSubnormal()
    {
        var x = ExactDouble.Pow2(-1075) + ExactDouble.Pow2(-1134);
        Assert.Equal(double.Epsilon, ExactDouble.ToDouble(x));
        Assert.Equal(-double.Epsilon, ExactDouble.ToDouble(-x));
    }

    /// <summary>
    /// 2^53 + 1 has 54 bits and is not a double: (2^53 + 1)/7, 7/(2^53 + 1) and 13/(2^53 + 1) (both coprime to it, so
    /// the fraction keeps the 54-bit term) are correctly rounded; converting 2^53 + 1 first, to 2^53 or 2^53 + 2, and
    /// then dividing gives the wrong neighbour for 7/(2^53 + 1) and 13/(2^53 + 1) either way, and for (2^53 + 1)/7
    /// when it goes to 2^53.
    /// </summary>
    [Theory]
    [InlineData(7, false)]
    [InlineData(7, true)]
    [InlineData(13, true)]
    public void ToDouble_WithA54BitNumeratorOrDenominator_IsRoundedOnce(int small, bool inverted)
    {
        var wide = ExactDouble.Pow2(53) + 1;
        var x = inverted ? small / wide : wide / small;
        double r = ExactDouble.ToDouble(x);
        Assert.True(IsCorrectlyRounded(r, x), $"{x}: {r:R}");
        Assert.NotEqual(inverted ? small / 9007199254740992.0 : 9007199254740992.0 / small, r);
        if (inverted)
            Assert.NotEqual(small / 9007199254740994.0, r);
    }

    /// <summary>
    /// At the overflow threshold T = 2^1024 − 2^970 (the midpoint of MaxValue and 2^1024) the tie goes to ∞ as in IEEE;
    /// anything below it, however close, is MaxValue; a negative x mirrors it. MaxValue itself, 2^1024 − 2^971, lies 2^970
    /// below the threshold.
    /// </summary>
    [Theory]
    [InlineData(0, 0, double.PositiveInfinity)]
    [InlineData(1, 0, double.PositiveInfinity)]
    [InlineData(-1, 0, double.MaxValue)]
    [InlineData(-1, 900, double.MaxValue)]
    [InlineData(-1, 1200, double.MaxValue)]
    [InlineData(1, 1200, double.PositiveInfinity)]
    public void ToDouble_AtTheOverflowThreshold_IsInfinityFromTheTieOn(int side, int offsetExponent, double expected)
    {
        var x = OverflowThreshold + side * ExactDouble.Pow2(-offsetExponent);
        Assert.Equal(expected, ExactDouble.ToDouble(x));
        Assert.Equal(-expected, ExactDouble.ToDouble(-x));
        Assert.Equal(double.MaxValue, ExactDouble.ToDouble(ExactDouble.Pow2(1024) - ExactDouble.Pow2(971)));
    }

    /// <summary>
    /// Just below 2^1025 every rational is beyond the threshold and is ±∞. Its 56-bit quotient rounds up to 2^53 on the
    /// largest exponent field, whose bit pattern (2^63) a signed assembly wrapped to −0: an integer, the bottom of the
    /// window [2^1025 − 2^971, 2^1025), and a non-integer (denominator 32).
    /// </summary>
    [Theory]
    [InlineData(1)]   // 2^1025 − 1, an integer
    [InlineData(971)] // 2^1025 − 2^971, the bottom of the window
    [InlineData(-5)]  // 2^1025 − 1/32
    public void ToDouble_JustBelow2ToThe1025_IsInfinity(int offsetExponent)
    {
        var x = ExactDouble.Pow2(1025) - ExactDouble.Pow2(offsetExponent);
        Assert.Equal(double.PositiveInfinity, ExactDouble.ToDouble(x));
        Assert.Equal(double.NegativeInfinity, ExactDouble.ToDouble(-x));
    }

    /// <summary>
    /// Below half the smallest subnormal a rational rounds to 0, signed as IEEE division signs it: −0 for a negative
    /// value; the exact half 2^-1075 is a tie that goes to the even 0.
    /// </summary>
    [Fact]
    public void ToDouble_BelowHalfTheSmallestSubnormal_IsSignedZero()
    {
        var half = ExactDouble.Pow2(-1075);
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(ExactDouble.ToDouble(half)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(ExactDouble.ToDouble(-half)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(ExactDouble.ToDouble(-half / 3)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(ExactDouble.ToDouble(Fraction.Zero)));
    }
}
