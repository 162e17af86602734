using System.Numerics;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.Exact;

namespace Verification.Numerics.Exact;

/// <summary>
/// Enclosures of erf and erfc at any precision. erf(x) = (2/√π) Σₙ (−1)ⁿ x^(2n+1)/(n!(2n+1)); once n + 1 &gt; x² the
/// terms decrease, so the alternating remainder lies between 0 and the first omitted term. erfc(x) for x &gt; 0 is
/// 1 − erf(x) with erf computed ~1.45x² bits finer (erfc(x) ≥ e^(−x²)/(2x√π)·… keeps its relative precision), and for
/// large x the asymptotic series e^(−x²)/(x√π)·Σ (−1)ⁿ(2n−1)!!/(2x²)ⁿ, whose remainder is bounded by the first omitted
/// term and has its sign.
/// </summary>
public static class ExactErf
{
    /// <summary>An interval containing erf x for every x in <paramref name="x"/> (erf is increasing).</summary>
    public static RationalInterval Erf(RationalInterval x, int bits)
    {
        if (x.Lower == x.Upper)
            return ErfPoint(x.Lower, bits);
        return new RationalInterval(ErfPoint(x.Lower, bits).Lower, ErfPoint(x.Upper, bits).Upper);
    }

    /// <summary>An interval containing erfc x for every x in <paramref name="x"/> (erfc is decreasing).</summary>
    public static RationalInterval Erfc(RationalInterval x, int bits)
    {
        if (x.Lower == x.Upper)
            return ErfcPoint(x.Lower, bits);
        return new RationalInterval(ErfcPoint(x.Upper, bits).Lower, ErfcPoint(x.Lower, bits).Upper);
    }

    /// <summary>erf at one rational, within about 2^(−bits) relatively (absolutely for |x| ≥ 1, where |erf x| ≥ 0.84).</summary>
    public static RationalInterval ErfPoint(Fraction x, int bits)
    {
        if (x.Sign() < 0)
            return -ErfPoint(-x, bits);
        if (x.IsZero)
            return RationalInterval.Zero;
        if (x > new Fraction(64))
        {
            // 1 − erf(x) = erfc(x) ≤ e^(−x²)/(x√π) < 2^(−5900): far below any precision asked for. (x = 64 itself was cut
            // here until stop 35, so ErfcPoint(64) above 5874 bits, which goes through erf, had no relative precision.)
            var tail = ExactDouble.Pow2(-5900);
            return new RationalInterval(Fraction.One - tail, Fraction.One);
        }
        if (!IsShortDyadic(x, bits + 16))
            return Erf(new RationalInterval(DyadicRounding.Down(x, bits + 16), DyadicRounding.Up(x, bits + 16)), bits);
        double x2 = ExactDouble.ToDouble(x * x);
        if (1.44 * x2 >= bits + 24)
            // erf(x) = 1 − erfc(x), with erfc(x) < 2^(−bits−24): the asymptotic series encloses it without the
            // e^(x²)-sized intermediate terms of the Maclaurin sum.
            return WithinUnit(DyadicRounding.Outward(RationalInterval.Exact(Fraction.One) - Asymptotic(x, bits), bits + 8));
        var series = Series(x, bits + 8);
        return WithinUnit(DyadicRounding.Outward(series * TwoOverSqrtPi(bits + 8), bits + 8));
    }

    /// <summary>An enclosure of erf x for x &gt; 0 cut to [0, 1], where erf x lies: outward rounding took it past 1 (x = 7.19 at 53 bits).</summary>
    private static RationalInterval WithinUnit(RationalInterval y) =>
        new(FractionExtensions.Max(y.Lower, Fraction.Zero), y.Upper > Fraction.One ? Fraction.One : y.Upper);

    /// <summary>erfc at one rational, within about 2^(−bits) relatively.</summary>
    public static RationalInterval ErfcPoint(Fraction x, int bits)
    {
        if (x.Sign() <= 0)
            return RationalInterval.Exact(Fraction.One) - ErfPoint(x, bits + 2);
        var x2 = x * x;
        double x2d = ExactDouble.ToDouble(x2);
        if (x2 > new Fraction(4096))
            // erfc(x) ∈ (0, e^(−x²)/(x√π)) and e^(−4096) < 2^(−5909): an enclosure, if not a tight one. (The cut was x² > 4000
            // until stop 35, which left 63.25 < x ≤ 64 without a relative enclosure though ExactExp reaches e^(−4096).)
            return new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-5900));
        if (!IsShortDyadic(x, bits + 16))
            return Erfc(new RationalInterval(DyadicRounding.Down(x, bits + 16), DyadicRounding.Up(x, bits + 16)), bits);
        if (1.44 * x2d >= bits + 24)
            return Asymptotic(x, bits);
        int extra = (int)Math.Ceiling(1.45 * x2d) + 16;
        var erf = ErfPoint(x, bits + extra);
        var erfc = DyadicRounding.Outward(RationalInterval.Exact(Fraction.One) - erf, bits + 8);
        return new RationalInterval(FractionExtensions.Max(erfc.Lower, Fraction.Zero), erfc.Upper);
    }

    /// <summary>
    /// The alternating Maclaurin sum of erf(x)·√π/2 for a short dyadic x = m/2^k &gt; 0, in fixed point: with p_n =
    /// x^(2n+1)/n!, P_n = ⌊P_(n−1)·m²/(4^k·n)⌋ carries an error E_n ≤ E_(n−1)·x²/n + 1 units of 2^(−F), each term
    /// ⌊P_n/(2n+1)⌋ one more; the sum stops once n + 1 &gt; x² and the next term is below 2^(−bits), whose alternating
    /// remainder lies between 0 and that term. Integer arithmetic only (no GCDs), with F chosen so the accumulated error
    /// (at most Σ (E_n + 1) ≤ (N + 1)(e^(x²) + 1) units) stays below 2^(−bits).
    /// </summary>
    private static RationalInterval Series(Fraction x, int bits)
    {
        var m = BigInteger.Abs(x.Numerator);
        var d = BigInteger.Abs(x.Denominator);
        int k = (int)(d.GetBitLength() - 1); // x = m/2^k (a short dyadic: d is a power of two)
        double x2 = ExactDouble.ToDouble(x * x);
        int terms = (int)Math.Ceiling(Math.E * x2) + bits + 16;        // a generous bound on the number of terms
        int guard = (int)Math.Ceiling(1.45 * x2 + Math.Log2(terms + 1)) + 8;
        // Units of 2^(−F) below x·2^(−bits−guard), not only below 2^(−bits−guard): x = m/2^k lies in [2^(−j), 2^(1−j)) with
        // j = k − bitlength(m) + 1, so F = bits + guard + j keeps the sum's few units of error relative to x. With F = bits +
        // guard (raised to k) they were units of x's own last bit: erf(2^-808) came out [−5, 4]·2^-808·2/√π, around 0.
        int j = k - (int)m.GetBitLength() + 1;
        int f = bits + guard + Math.Max(0, j);
        if (f < k)
            f = k;
        var m2 = m * m;
        int shift2 = 2 * k;
        BigInteger p = m << (f - k);            // P_0 = x·2^F exactly
        // E_n and the sum's error, in units of 2^(−F), as integers rounded up: in doubles E_n ≈ e^(x²) overflowed from
        // x² ≈ 710 on (erf(44) at 4096 bits threw an OverflowException from BigInteger(∞)).
        BigInteger error = BigInteger.Zero;
        BigInteger sumError = BigInteger.Zero;
        var scaleX2 = BigInteger.One << shift2;
        BigInteger sum = BigInteger.Zero;
        var threshold = BigInteger.One << guard; // 2^(−bits) in units of 2^(−F)
        for (int n = 0; ; n++)
        {
            var term = BigInteger.Divide(p, 2 * n + 1);
            sumError += CeilingDivide(error, 2 * n + 1) + 1;
            sum = n % 2 == 0 ? sum + term : sum - term;
            // p_(n+1) = p_n·x²/(n+1).
            p = BigInteger.Divide(p * m2, (BigInteger.One << shift2) * (n + 1));
            error = CeilingDivide(error * m2, scaleX2 * (n + 1)) + 1;
            var next = BigInteger.Divide(p, 2 * n + 3) + 1 + error;
            if (n + 1 > x2 && next < threshold)
            {
                // Σ so far ± its error, then the alternating remainder: between 0 and the next term, of sign (−1)^(n+1).
                var slack = sumError + 1;
                var lo = n % 2 == 0 ? sum - slack - next : sum - slack;
                var hi = n % 2 == 0 ? sum + slack : sum + slack + next;
                var scale = BigInteger.One << f;
                return new RationalInterval(new Fraction(lo, scale), new Fraction(hi, scale));
            }
            if (n > terms)
                throw new UndecidedException($"the erf series at x = {ExactDouble.ToDouble(x)} did not converge within {terms} terms");
        }
    }

    /// <summary>
    /// e^(−x²)/(x√π)·Σₙ (−1)ⁿ(2n−1)!!/(2x²)ⁿ for a short dyadic x &gt; 0, stopped at the smallest term; valid where that term
    /// is &lt; 2^(−bits). The sum is in fixed point (units of 2^(−F)): with 2x² = N/D, P_(n+1) = ⌊P_n·(2n + 1)·D/N⌋ carries an
    /// error E_(n+1) ≤ E_n·(2n + 1)/(2x²) + 1 (E_0 = 0, P_0 = 2^F exact), tracked in doubles rounded up; the remainder after
    /// the last added term has the sign of the first omitted one and at most its magnitude, which is below P_next + E_next.
    /// F = bits + 8 + guard with 2^guard ≥ 2^8·(Σ E_n) keeps the accumulated rounding below 2^(−bits−16).
    /// </summary>
    private static RationalInterval Asymptotic(Fraction x, int bits)
    {
        var twoX2 = 2 * x * x;
        BigInteger n2 = twoX2.Numerator, d2 = twoX2.Denominator;
        if (d2.Sign < 0)
        {
            n2 = -n2;
            d2 = -d2;
        }
        double twoX2d = ExactDouble.ToDouble(twoX2);
        // At most ~x² decreasing terms, each E_n ≤ n: Σ E_n ≤ (x² + 2)², below 2^guard/2^8.
        int guard = 2 * (int)Math.Ceiling(Math.Log2(twoX2d / 2 + 2)) + 8;
        int f = bits + 8 + guard;
        var threshold = BigInteger.One << guard;    // 2^(−bits−8) in units of 2^(−F)
        BigInteger term = BigInteger.One << f;
        double error = 0, sumError = 0;
        BigInteger sum = BigInteger.Zero;
        for (int n = 0; ; n++)
        {
            sum = n % 2 == 0 ? sum + term : sum - term;
            sumError += error;
            var next = BigInteger.Divide(term * (2 * n + 1) * d2, n2);
            double nextError = (error * (2 * n + 1) / twoX2d * (1 + 1e-12)) + 1;
            var nextUpper = next + (BigInteger)Math.Ceiling(nextError);
            if (nextUpper < threshold || next >= term)
            {
                // The remainder has the sign of the first omitted term (−1)^(n+1) and is at most its magnitude.
                var slack = (BigInteger)Math.Ceiling(sumError * (1 + 1e-12)) + 1;
                var lo = n % 2 == 0 ? sum - slack - nextUpper : sum - slack;
                var hi = n % 2 == 0 ? sum + slack : sum + slack + nextUpper;
                var scale = BigInteger.One << f;
                var series = new RationalInterval(new Fraction(lo, scale), new Fraction(hi, scale));
                var gauss = ExactExp.Of(-(x * x), bits + 8);
                var factor = gauss / (RationalInterval.Exact(x) * ExactConstants.Pi(bits + 8).Sqrt(bits + 8));
                return DyadicRounding.Outward(series * factor, bits + 8);
            }
            term = next;
            error = nextError;
        }
    }

    /// <summary>⌈a/b⌉ for a ≥ 0, b &gt; 0.</summary>
    private static BigInteger CeilingDivide(BigInteger a, BigInteger b) => BigInteger.Divide(a + b - 1, b);

    /// <summary>True when x = m/2^k with a power-of-two denominator and at most <paramref name="bits"/> significant bits.</summary>
    private static bool IsShortDyadic(Fraction x, int bits)
    {
        var d = System.Numerics.BigInteger.Abs(x.Denominator);
        return d.IsPowerOfTwo && System.Numerics.BigInteger.Abs(x.Numerator).GetBitLength() <= bits;
    }

    private static RationalInterval TwoOverSqrtPi(int bits) =>
        RationalInterval.Exact(new Fraction(2)) / ExactConstants.Pi(bits).Sqrt(bits);
}
