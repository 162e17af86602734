using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// Keeps the rationals of long forward-mode computations short: an enclosure whose endpoints have grown past 8× the current
/// enclosure precision (<see cref="EnclosureSettings.Bits"/>) in numerator or denominator is rounded outward to 4× that
/// precision (<see cref="DyadicRounding.Outward"/>). Rigor is kept (the interval only widens, by a relative 2^(−4·bits));
/// exact values stay exact while short (a double's dyadic value is never changed). Doubles pass through unchanged.
/// </summary>
internal static class EnclosureTrim
{
    internal static T Trim<T>(T x) where T : IReal<T>
    {
        if (typeof(T) != typeof(RationalInterval))
            return x;
        var r = (RationalInterval)(object)x;
        long limit = 8L * EnclosureSettings.Bits;
        if (Long(r.Lower, limit) || Long(r.Upper, limit))
            return (T)(object)DyadicRounding.Outward(r, 4 * EnclosureSettings.Bits);
        return x;
    }

    private static bool Long(Fractions.Fraction q, long limit) =>
        q.Numerator.GetBitLength() > limit || q.Denominator.GetBitLength() > limit;
}
