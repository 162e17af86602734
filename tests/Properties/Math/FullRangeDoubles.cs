using FsCheck;
using FsCheck.Fluent;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// Generators of doubles over the whole finite range, subnormals to ±double.MaxValue and both zeros, built from
/// random exponent and mantissa bits (BitConverter, Math.ScaleB) so that no platform libm is involved.
/// FsCheck's own double generator never produces subnormals and almost nothing between ~100 and MaxValue.
/// </summary>
public static class FullRangeDoubles
{
    /// <summary>2^-1022, the smallest positive normal double.</summary>
    public const double MinNormal = 2.2250738585072014e-308;

    /// <summary>52 uniformly random mantissa bits.</summary>
    public static Gen<long> MantissaBits { get; } =
        from hi in Gen.Choose(0, (1 << 26) - 1)
        from lo in Gen.Choose(0, (1 << 26) - 1)
        select ((long)hi << 26) | (long)lo;

    /// <summary>A positive normal double: biased exponent uniform in 1…2046 (every binade equally likely), random mantissa.</summary>
    public static Gen<double> Normal { get; } =
        from e in Gen.Choose(1, 2046)
        from m in MantissaBits
        select BitConverter.Int64BitsToDouble(((long)e << 52) | m);

    /// <summary>A positive subnormal double: biased exponent 0, random non-zero mantissa.</summary>
    public static Gen<double> Subnormal { get; } = MantissaBits.Select(m => BitConverter.Int64BitsToDouble(m == 0 ? 1 : m));

    /// <summary>An exact power of two 2^k, k uniform in −1074…1023 (subnormal powers included).</summary>
    public static Gen<double> PowerOfTwo { get; } = Gen.Choose(-1074, 1023).Select(k => Math.ScaleB(1.0, k));

    /// <summary>The largest double of a random binade, 2^k·(2 − 2^-52): rounding there crosses a power of two.</summary>
    public static Gen<double> BinadeTop { get; } = Gen.Choose(1, 2046).Select(e => BitConverter.Int64BitsToDouble(((long)e << 52) | 0xFFFFFFFFFFFFFL));

    /// <summary>A normal double with exponent in −8…8: the ordinary values, where most callers live.</summary>
    public static Gen<double> Moderate { get; } =
        from e in Gen.Choose(1023 - 8, 1023 + 8)
        from m in MantissaBits
        select BitConverter.Int64BitsToDouble(((long)e << 52) | m);

    /// <summary>Hand-picked magnitudes at the edges of the range and of its binades.</summary>
    public static Gen<double> Edge { get; } = Gen.Elements(
        double.Epsilon, 2 * double.Epsilon, 1e-320, MinNormal - double.Epsilon, MinNormal, 1e-308, 1e-300,
        1e-154, 1e-150, 0.5, 1.0, 1.0000000000000002, 0.9999999999999999, 2.0, 3.0, 1e150, 1e154, 1e300, 1e308,
        Math.ScaleB(1.0, 1023), Math.BitDecrement(double.MaxValue), double.MaxValue);

    /// <summary>A positive finite double from any part of the range (about 1 in 9 subnormal, 1 in 9 an edge).</summary>
    public static Gen<double> Positive { get; } = Gen.Frequency(
        (8, Normal), (2, Subnormal), (2, PowerOfTwo), (1, BinadeTop), (2, Moderate), (2, Edge));

    /// <summary><see cref="Positive"/> or +0.0 (1 in 12).</summary>
    public static Gen<double> NonNegative { get; } = Gen.Frequency((11, Positive), (1, Gen.Constant(0.0)));

    /// <summary>
    /// A moving average's β ∈ [0, 1): 0, 2^-k down to 2^-1074, 1 − 2^-k (the usual β), or a double of [0, 1) from anywhere
    /// in the range (subnormals included).
    /// </summary>
    public static Gen<double> Beta { get; } = Gen.OneOf(
        Gen.Constant(0.0),
        Gen.Choose(1, 1074).Select(k => Math.ScaleB(1.0, -k)),
        Gen.Choose(1, 53).Select(k => 1 - Math.ScaleB(1.0, -k)),
        Positive.Select(x => x < 1 ? x : 1 / (2 * x)).Where(x => x < 1));

    /// <summary>Either sign of <see cref="Positive"/>, or ±0.0 (1 in 12 each).</summary>
    public static Gen<double> Signed { get; } = Gen.Frequency(
        (10, Positive.SelectMany(x => Gen.Elements(x, -x))),
        (1, Gen.Constant(0.0)),
        (1, Gen.Constant(-0.0)));

    /// <summary>
    /// <paramref name="count"/> entries: half the time each from <see cref="Signed"/>, half the time ±<see cref="Moderate"/>
    /// values all scaled by one random 2^s, s in −1000…1000 (a spread of a few binades around a scale far from 1).
    /// </summary>
    public static Gen<double[]> SignedOrOneScale(int count) => Gen.Frequency(
        (1, Gen.ArrayOf(Signed, count)),
        (1, from scale in Gen.Choose(-1000, 1000)
            from values in Gen.ArrayOf(Moderate.SelectMany(x => Gen.Elements(x, -x)), count)
            select values.Select(v => Math.ScaleB(v, scale)).ToArray()));

    /// <summary>Moves x by −3…3 ulps (BitIncrement/BitDecrement), staying finite.</summary>
    public static double Nudge(double x, int ulps)
    {
        for (; ulps > 0 && x < double.MaxValue; ulps--) x = Math.BitIncrement(x);
        for (; ulps < 0 && x > -double.MaxValue; ulps++) x = Math.BitDecrement(x);
        return x;
    }
}
