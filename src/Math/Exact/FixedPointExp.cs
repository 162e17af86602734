using System.Numerics;
using Fractions;

namespace Verification.Numerics.Exact;

/// <summary>
/// The arithmetic behind <c>ExactExp.Of</c>: an outward enclosure of eˣ for a rational x with |x| ≤ 4096, in integer fixed
/// point (no fraction GCDs inside the loop), so a 1000-bit non-dyadic argument costs one big division instead of a Taylor
/// sum of exact fractions whose numerators grow by ~1000 bits a term. All quantities below are integers in units of 2^(−F).
/// <list type="number">
/// <item>Argument reduction: k ≥ 0 is the least integer with |x|/2^k ≤ 1/4, and e^x = (e^t)^(2^k) for t = x/2^k (exact).</item>
/// <item>Rounding the argument: a = ⌊t·2^F⌋ and T = a·2^(−F), so T ≤ t &lt; T + 2^(−F) and |T| ≤ 1/4 + 2^(−F); eᵗ lies in
/// [e^T, e^T·e^(2^(−F))], and e^T·(e^(2^(−F)) − 1) ≤ e^0.26·1.01·2^(−F) &lt; 2 units (0 when t·2^F is an integer).</item>
/// <item>Taylor terms: u_i = 2^F·T^i/i! = u_(i−1)·a/(2^F·i); the computed P_i = trunc(⌊P_(i−1)·a/2^F⌋/i) satisfies
/// |P_i − u_i| ≤ |P_(i−1) − u_(i−1)|·|T|/i + 1/i + 1, so E_1 &lt; 2 and E_i &lt; 0.13·E_(i−1) + 1.5 &lt; 2 for i ≥ 2.</item>
/// <item>Truncation: the sum stops at the first P_n = 0 (terms 0 … n − 1 added, P_0 = 2^F exact), so |u_n| &lt; 2 and the
/// tail Σ_(j≥n) |u_j| ≤ |u_n|/(1 − |T|/(n + 1)) &lt; 2·7/6 &lt; 3 units. With the rounding of the n − 1 added terms,
/// |S − 2^F·e^T| &lt; 2(n − 1) + 3, and the enclosure [S − D, S + D + 2] with D = 2n + 4 (the + 2 only when T ≠ t) contains
/// 2^F·eᵗ.</item>
/// <item>Squarings: both endpoints are positive (e^T ≥ e^(−0.26) &gt; 0.77, D ≪ 2^F), so squaring is monotone; after each
/// squaring the lower endpoint is rounded down and the upper one up to p = F significant bits (relative change &lt; 2^(1−p)).</item>
/// </list>
/// Width: the initial relative half-width is below D·2^(−F)/0.77 with n ≤ F/2 + 3, each squaring doubles relative widths and
/// adds at most 2^(2−F), so after k squarings the relative width is below 2^(k+4)·F·2^(−F); F = bits + k + G with
/// G = bitlength(bits + k + 64) + 8 keeps it below 2^(−bits).
/// </summary>
internal static class FixedPointExp
{
    /// <summary>An interval containing e^x, of relative width at most 2^(−bits); the caller validates |x| ≤ 4096, bits ≥ 16.</summary>
    internal static RationalInterval Enclose(Fraction x, int bits)
    {
        BigInteger num = x.Numerator, den = x.Denominator;
        if (den.Sign < 0)
        {
            num = -num;
            den = -den;
        }
        if (num.IsZero)
            return RationalInterval.Exact(Fraction.One);

        // Step 1: the least k with 4|num| ≤ den·2^k, i.e. |x/2^k| ≤ 1/4.
        var absNum4 = BigInteger.Abs(num) << 2;
        int k = 0;
        while (absNum4 > den << k)
            k++;

        int guard = int.Log2(bits + k + 64) + 9; // bitlength(bits + k + 64) + 8
        int f = bits + k + guard;

        // Step 2: a = ⌊x·2^(F−k)⌋ (F > k), rounded toward −∞ so that T ≤ t.
        var a = BigInteger.DivRem(num << (f - k), den, out var rem);
        if (rem.Sign < 0)
            a -= 1;
        bool argumentExact = rem.IsZero;

        // Step 3: S = Σ P_i until the first P_n = 0.
        var one = BigInteger.One << f;
        var sum = one;
        var term = one;
        int n = 0;
        while (true)
        {
            n++;
            term = BigInteger.Divide((term * a) >> f, n); // >> is ⌊·⌋ on BigInteger, Divide truncates
            if (term.IsZero)
                break;
            sum += term;
        }

        // Step 4: [S − D, S + D (+ 2)] ∋ 2^F·eᵗ.
        var slack = new BigInteger(2 * n + 4);
        var lo = sum - slack;
        var hi = sum + slack + (argumentExact ? 0 : 2);
        int loExponent = -f, hiExponent = -f;

        // Step 5: k squarings, each endpoint rounded outward to F significant bits.
        for (int s = 0; s < k; s++)
        {
            (lo, loExponent) = SquareRounded(lo, loExponent, f, up: false);
            (hi, hiExponent) = SquareRounded(hi, hiExponent, f, up: true);
        }
        return new RationalInterval(ToFraction(lo, loExponent), ToFraction(hi, hiExponent));
    }

    /// <summary>(m·2^e)² rounded down or up to <paramref name="precision"/> significant bits, as a mantissa and an exponent.</summary>
    private static (BigInteger Mantissa, int Exponent) SquareRounded(BigInteger m, int e, int precision, bool up)
    {
        var square = m * m;
        int exponent = 2 * e;
        int drop = (int)square.GetBitLength() - precision;
        if (drop <= 0)
            return (square, exponent);
        var rounded = square >> drop;
        if (up && !(square & ((BigInteger.One << drop) - 1)).IsZero)
            rounded += 1;
        return (rounded, exponent + drop);
    }

    private static Fraction ToFraction(BigInteger mantissa, int exponent) => exponent >= 0
        ? new Fraction(mantissa << exponent, BigInteger.One)
        : new Fraction(mantissa, BigInteger.One << -exponent);
}
