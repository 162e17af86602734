using System.Numerics;
using Fractions;

namespace Verification.Numerics.Exact;

/// <summary>
/// The arithmetic behind <c>ExactConstants.AtanhOfRational</c>: an outward enclosure of atanh z = Σ z^(2n+1)/(2n+1) for a
/// rational 0 &lt; |z| ≤ 1/2, in integer fixed point. The exact-fraction sum it replaces let each power grow by the size of
/// z² (at 2048 bits, ln of a 1000-bit rational took 73 s); here every quantity is an integer in units of 2^(−F), and the
/// sum runs on s = |z| (atanh is odd).
/// <list type="number">
/// <item>Scale: with 2^e ≤ s &lt; 2^(e+1) (e ≤ −1), F = bits + 4 − e + G, so that 2^(−F) = 2^(−bits−4)·2^e·2^(−G) ≤
/// 2^(−bits−4)·s·2^(−G): the error budget below is relative to s, as the exact sum's was.</item>
/// <item>Argument: a = ⌊s·2^F⌋ and T = a·2^(−F) ≤ s &lt; T + 2^(−F). atanh is increasing with atanh' = 1/(1 − x²) ≤ 4/3 on
/// [0, 1/2], so atanh s ∈ [atanh T, atanh T + (4/3)·2^(−F)]: 2 units more on the upper side (none when s·2^F is an
/// integer).</item>
/// <item>Powers: u_n = 2^F·T·q^(2n) = u_(n−1)·q², u_0 = a exact, with q = T or q = s (q ≤ 1/2 either way); P_n =
/// ⌊P_(n−1)·q²⌋ satisfies u_n − E_n &lt; P_n ≤ u_n with E_n ≤ E_(n−1)·q² + 1 ≤ E_(n−1)/4 + 1 &lt; 4/3 (E_0 = 0, and
/// P_(n−1) ≤ u_(n−1) makes the floor one-sided). q = T multiplies by a² and shifts by 2F; q = s = p/d multiplies by p² and
/// divides by d², far cheaper where d has fewer than F/4 bits (ln 2 = 2·atanh(1/3) at 65536 bits: one word a step instead
/// of a 2F-bit product).</item>
/// <item>Terms: Q_n = ⌊P_n/(2n + 1)⌋, so u_n/(2n + 1) − Q_n ∈ [0, 1 + E_n) ⊂ [0, 7/3).</item>
/// <item>Truncation: the sum S = Σ_(n&lt;N) Q_n stops at the first P_N = 0, so u_N &lt; 4/3 and the tail
/// Σ_(j≥N) u_j/(2j + 1) ≤ u_N/(1 − q²) &lt; (4/3)² &lt; 2 units. Hence 2^F·Σ T·q^(2n)/(2n + 1) ∈ [S, S + ⌈7N/3⌉ + 2]. With
/// q = T that sum is atanh T, and step 2 applies. With q = s, atanh s − Σ T·s^(2n)/(2n + 1) = (s − T)·Σ s^(2n)/(2n + 1) ∈
/// [0, (s − T)/(1 − s²)] ⊂ [0, (4/3)·2^(−F)): the same 2 units on the upper side (none when s·2^F is an integer).</item>
/// </list>
/// Width: u_n falls by q² ≤ 1/4 a term from u_0 &lt; 2^F, so N ≤ F/2 + 1 and the width is below 7F/6 + 8 units; G =
/// ⌊log₂(bits − e + 64)⌋ + 4 makes 2^G &gt; 8(bits − e + 64) ≥ 8F exceed it, so the enclosure is narrower than 2^(−bits−4)·|z|.
/// </summary>
internal static class FixedPointAtanh
{
    /// <summary>An interval containing atanh z, of width below 2^(−bits−4)·|z|; the caller validates 0 &lt; |z| ≤ 1/2, bits ≥ 16.</summary>
    internal static RationalInterval Enclose(Fraction z, int bits)
    {
        BigInteger num = BigInteger.Abs(z.Numerator), den = BigInteger.Abs(z.Denominator);
        bool negative = z.Sign() < 0;
        var s = new Fraction(num, den);
        int e = ExactDouble.FloorLog2(s);
        int guard = int.Log2(bits - e + 64) + 4;
        int f = bits + 4 - e + guard;

        // Step 2: a = ⌊s·2^F⌋ (F > 0: e ≤ −1).
        var a = BigInteger.DivRem(num << f, den, out var rem);
        bool argumentExact = rem.IsZero;

        // Steps 3–5: S = Σ Q_n until the first P_N = 0.
        // q = s where its numerator and denominator are short against F, else q = T.
        bool shortRatio = 4 * (long)den.GetBitLength() < f;
        var multiplier = shortRatio ? num * num : a * a;
        var divisor = shortRatio ? den * den : BigInteger.Zero;
        int shift = 2 * f;
        var power = a;
        var sum = BigInteger.Zero;
        int n = 0;
        while (!power.IsZero)
        {
            sum += BigInteger.Divide(power, 2 * n + 1);
            n++;
            power = shortRatio ? BigInteger.Divide(power * multiplier, divisor) : (power * multiplier) >> shift;
        }

        var lo = sum;
        var hi = sum + (7 * n + 2) / 3 + 2 + (argumentExact ? 0 : 2);
        var scale = BigInteger.One << f;
        return negative
            ? new RationalInterval(new Fraction(-hi, scale), new Fraction(-lo, scale))
            : new RationalInterval(new Fraction(lo, scale), new Fraction(hi, scale));
    }
}
