using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactDouble"/>, the conversions every exact reference of the range tests goes through, over the whole
/// double range: ToFraction against the double's exact decimal expansion (the runtime's formatting, an independent
/// route), ToDouble ∘ ToFraction the identity, and ToDouble of a rational between two neighbouring doubles within one
/// ulp (0 below the range, ±∞ beyond it); that ToDouble is correctly rounded, as its doc comment states, is checked by
/// <see cref="ExactDoubleRoundingProperties"/>.
/// </summary>
[Properties(MaxTest = 500)]
public class ExactDoubleFullRangeProperties
{
    /// <summary>
    /// Every finite double is m·2^e, whose decimal expansion ends after at most 767 significant digits, and the runtime
    /// formats the exact digits for any requested precision: 800 digits after the point are the exact value.
    /// </summary>
    private static Fraction ExactDecimal(double x)
    {
        string s = Math.Abs(x).ToString("E800", CultureInfo.InvariantCulture);
        int e = s.IndexOf('E');
        var digits = BigInteger.Parse(s[..e].Replace(".", ""), CultureInfo.InvariantCulture);
        int exponent = int.Parse(s[(e + 1)..], CultureInfo.InvariantCulture) - 800;
        var value = exponent >= 0
            ? new Fraction(digits * BigInteger.Pow(10, exponent), BigInteger.One)
            : new Fraction(digits, BigInteger.Pow(10, -exponent));
        return x < 0 ? -value : value;
    }

    /// <summary>ToFraction(x) is the exact value of x, for every finite x (both zeros give 0).</summary>
    [Property]
    public Property ToFraction_IsTheExactValue() => Prop.ForAll(FullRangeDoubles.Signed.ToArbitrary(), x =>
        (ExactDouble.ToFraction(x) == ExactDecimal(x)).Label($"x = {x:R}: {ExactDouble.ToFraction(x)}"));

    /// <summary>ToDouble(ToFraction(x)) is x bit for bit (+0 for −0, the rational 0 has no sign).</summary>
    [Property]
    public Property ToDouble_OfAnExactDouble_IsThatDouble() => Prop.ForAll(FullRangeDoubles.Signed.ToArbitrary(), x =>
    {
        double back = ExactDouble.ToDouble(ExactDouble.ToFraction(x));
        return (x == 0 ? BitConverter.DoubleToInt64Bits(back) == 0 : BitConverter.DoubleToInt64Bits(back) == BitConverter.DoubleToInt64Bits(x))
            .Label($"x = {x:R}: back {back:R}");
    });

    /// <summary>
    /// q = x + t·(next(x) − x) for t = k/2^40 ∈ [0, 1) (ties and near-ties included): ToDouble(q) is within one ulp of q,
    /// the ulp being next(x) − x (the spacing where q lies); its sign is q's (or it is 0). Where next(x) is +∞ the spacing is 2^971.
    /// </summary>
    [Property]
    public Property ToDouble_IsWithinOneUlp_BetweenNeighbours() => Prop.ForAll(
        (from x in FullRangeDoubles.NonNegative
         from k in Gen.Frequency((3, Gen.Choose(0, (1 << 30) - 1).Select(i => (long)i << 10)), (1, Gen.Elements(1L << 39, (1L << 39) - 1, (1L << 39) + 1, 1L, (1L << 40) - 1)))
         from negative in Gen.Elements(false, true)
         select (x, k, negative)).ToArbitrary(), c =>
    {
        var lower = ExactDouble.ToFraction(c.x);
        var spacing = c.x == double.MaxValue ? ExactDouble.Pow2(971) : ExactDouble.ToFraction(Math.BitIncrement(c.x)) - lower;
        var q = lower + spacing * new Fraction(c.k, 1L << 40);
        if (c.negative)
            q = -q;
        double r = ExactDouble.ToDouble(q);
        string label = $"x = {c.x:R}, t = {c.k}/2^40, negative = {c.negative}: {r:R}";
        if (q.IsZero)
            return (r == 0).Label(label);
        if (double.IsInfinity(r))
            return (c.x == double.MaxValue && (r > 0) != c.negative).Label(label + " (∞ inside the range)");
        return ((r == 0 || (r > 0) != c.negative) && Fraction.Abs(ExactDouble.ToFraction(r) - q) <= spacing).Label(label);
    });

    /// <summary>Rationals beyond the range: ±∞ from 2^1024 on, and 0 (or 2^-1074) for magnitudes below 2^-1075.</summary>
    [Property]
    public Property ToDouble_BeyondTheRange_IsInfinityOrZero() => Prop.ForAll(
        (from k in Gen.Choose(0, 3000)
         from m in FullRangeDoubles.Moderate
         select (k, m)).ToArbitrary(), c =>
    {
        var mantissa = ExactDouble.ToFraction(c.m % 1 + 1); // in [1, 2)
        double huge = ExactDouble.ToDouble(mantissa * ExactDouble.Pow2(1024 + c.k));
        double tiny = ExactDouble.ToDouble(mantissa * ExactDouble.Pow2(-1076 - c.k));
        return (huge == double.PositiveInfinity && tiny == 0).Label($"mantissa {c.m % 1 + 1:R}, k = {c.k}: {huge:R}, {tiny:R}");
    });
}
