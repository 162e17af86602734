using System.Collections.Concurrent;
using System.Numerics;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// s = f − ln y for a count y ≥ 2 and a finite f, from an enclosure of ln y in fixed point (steps of 2^-192) computed once
/// per count and kept (at most <see cref="Capacity"/> counts, emptied when full; safe across threads): the enclosure costs
/// tens to hundreds of µs, the fixed-point difference a few.
/// </summary>
internal static class LabelLogRatio
{
    /// <summary>The fixed point's fraction bits: ln y and f are held as integers times 2^-192.</summary>
    private const int Scale = 192;

    /// <summary>Bits asked of <see cref="ExactLog"/> (width about 2^-200·max(1, ln y) ≤ 2^-190 for a double y).</summary>
    private const int EnclosureBits = 200;

    /// <summary>Counts kept at once.</summary>
    private const int Capacity = 1 << 14;

    private static readonly ConcurrentDictionary<double, (BigInteger Lower, BigInteger Upper)> Enclosures = new();

    /// <summary>[L, U] with L·2^-192 ≤ ln y ≤ U·2^-192 (<see cref="ExactLog"/>'s enclosure rounded outward to the grid).</summary>
    internal static (BigInteger Lower, BigInteger Upper) Enclosure(double y)
    {
        if (Enclosures.TryGetValue(y, out var kept))
            return kept;
        var log = ExactLog.Of(ExactDouble.ToFraction(y), EnclosureBits);
        var entry = (Floor(log.Lower), -Floor(-log.Upper));
        if (Enclosures.Count >= Capacity)
            Enclosures.Clear();
        Enclosures[y] = entry;
        return entry;
    }

    /// <summary>
    /// s = f − ln y rounded to a double within 1.01u relative (u = 2^-53): the enclosure [f − U, f − L]·2^-192 of s (f's own
    /// ends floor and ceiling where f is finer than the grid) where its width is at most 2^-61 of its end nearer 0, its lower
    /// end truncated to 62 bits (below 2^-61 relative) and rounded once (u): u + 2^-60 ≤ 1.01u, and normal (|s| ≥ 2^-192).
    /// Null where the width is not so small (|s| below about 2^-125; the caller encloses further).
    /// </summary>
    internal static double? TryOf(double y, double f)
    {
        var (lower, upper) = Enclosure(y);
        var (fLower, fUpper) = FixedPoint(f);
        BigInteger sLower = fLower - upper, sUpper = fUpper - lower;
        if (sLower.Sign != sUpper.Sign || sLower.IsZero)
            return null;
        var nearer = sLower.Sign > 0 ? sLower : -sUpper;
        if ((sUpper - sLower) << 61 > nearer)
            return null;
        return ToDouble(sLower);
    }

    /// <summary>⌊x·2^192⌋.</summary>
    private static BigInteger Floor(Fraction x)
    {
        BigInteger numerator = x.Numerator, denominator = x.Denominator;
        if (denominator.Sign < 0)
            (numerator, denominator) = (-numerator, -denominator);
        var quotient = BigInteger.DivRem(numerator << Scale, denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>[⌊f·2^192⌋, ⌈f·2^192⌉] for a finite f (one integer where f is on the grid).</summary>
    private static (BigInteger Lower, BigInteger Upper) FixedPoint(double f)
    {
        long bits = BitConverter.DoubleToInt64Bits(f);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
            exponent = 1;
        else
            mantissa |= 1L << 52;
        int shift = exponent - 1075 + Scale; // |f| = mantissa·2^(exponent − 1075)
        BigInteger magnitudeLower, magnitudeUpper;
        if (shift >= 0)
            magnitudeLower = magnitudeUpper = new BigInteger(mantissa) << shift;
        else
        {
            long truncated = -shift >= 63 ? 0 : mantissa >> -shift;
            magnitudeLower = truncated;
            magnitudeUpper = -shift < 63 && truncated << -shift == mantissa ? truncated : truncated + 1;
        }
        return f < 0 ? (-magnitudeUpper, -magnitudeLower) : (magnitudeLower, magnitudeUpper);
    }

    /// <summary>x·2^-192 for x ≠ 0: its top 62 bits (truncated, below 2^-61 relative) rounded once to a double.</summary>
    private static double ToDouble(BigInteger x)
    {
        var magnitude = BigInteger.Abs(x);
        int drop = (int)Math.Max(0, (long)magnitude.GetBitLength() - 62);
        double value = Math.ScaleB((double)(long)(magnitude >> drop), drop - Scale);
        return x.Sign < 0 ? -value : value;
    }
}
