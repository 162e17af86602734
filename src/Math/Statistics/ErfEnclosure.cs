using System.Numerics;
using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Statistics;

/// <summary>
/// Rigorous rational enclosures of erf (thesis eqs. 5.10, B.1–B.2): every returned interval contains the true value, so a
/// claim about erf can be refuted by interval arithmetic and never by rounding. Every rational argument is accepted
/// (subnormal to ±MaxValue and beyond); bits must lie in [16, 512], else an ArgumentException.
/// </summary>
/// <remarks>
/// For 0 &lt; x ≤ <see cref="SeriesLimit"/>: erf(x) = (2/√π) Σₙ (−1)ⁿ x^(2n+1)/(n!(2n+1)). The terms decrease in
/// magnitude once n + 1 &gt; x², so after such an n the alternating remainder is bounded by the first omitted term; the sum
/// stops at a term below 2^(−bits)·min(x, 1), relative to the sum, which is ≥ 2x/3 for x ≤ 1 and ≥ 0.746 beyond.
/// For <see cref="SeriesLimit"/> &lt; x &lt; <see cref="TailCap"/>: erfc(x) = e^(−x²)/√π·R(x), e^(−x²) enclosed by
/// <see cref="ExactExp"/> and R by the two truncations of Laplace's continued fraction that bracket it (see MillsRatio),
/// so erf(x) = 1 − erfc(x) with erfc(x) to 2^(1−bits) relatively. From <see cref="TailCap"/> on: 0 &lt; erfc(x) ≤ erfc(64) ≤
/// e^(−4096)/(64√π) &lt; 2^-5915 (Mills' ratio; erf is increasing), so erf(x) ∈ [1 − 2^-1100, 1] (a short end, and narrower than 2^-bits at every accepted precision). π is <see cref="ExactConstants.Pi"/> at bits + 8 bits.
/// Until stop 35 every x &gt; 5 got [1 − T, 1] with Mills' ratio and e^(x²) ≥ Σ_{k≤40} x^(2k)/k!: T was 1.6·10^-12 at 5
/// at every precision, and reached 2^-bits only from about 2^((bits + 158.5)/81) on (6.2 at 53 bits, 310 at 512).
/// </remarks>
public static class ErfEnclosure
{
    /// <summary>Above this argument the tail bound is used instead of the series.</summary>
    public const double SeriesLimit = 5;

    /// <summary>
    /// From this argument on, erf(x) ∈ [1 − 2^-1100, 1] (erfc(x) ≤ e^(−4096)/(64√π) &lt; 2^-5915), narrower than any
    /// precision accepted (1024 until stop 35, for the 40-term bound used then).
    /// </summary>
    public const double TailCap = 64;

    /// <summary>The least precision accepted, in bits.</summary>
    public const int MinBits = 16;

    /// <summary>The largest precision accepted, in bits (the series is summed in exact fractions).</summary>
    public const int MaxBits = 512;

    /// <summary>
    /// An enclosure of erf(x) for every x in <paramref name="x"/> (erf is increasing, so its ends suffice): each end is
    /// rounded outward to bits + 8 significant bits (a double is kept as it is from 45 bits on), which moves erf there by at
    /// most 2^(−bits−7)·|erf| (x·erf'(x) ≤ erf(x) for x ≥ 0), then enclosed by <see cref="ErfPoint"/>. For a point x with
    /// |x| ≤ 5 the width is thus below (4 + 2^-6)·2^(−bits)·|erf x|; beyond, the rounded end stays beyond 5 (more bits are
    /// kept where the rounding would reach 5), and the width is below 2^(8−bits)·erfc(|x|) for |x| &lt; 64 (ErfPoint's
    /// 2^(1−bits)·erfc at each rounded end, and the rounding's move of erf, at most (2x² + 2)·2^(−bits−7)·erfc per end,
    /// as (2/√π)e^(−x²)·x ≤ (2x² + 2)·erfc(x)), and 2^-1099 from 64 on.
    /// </summary>
    /// <exception cref="ArgumentException">bits outside [16, 512].</exception>
    public static RationalInterval Erf(RationalInterval x, int bits = RationalInterval.DefaultSqrtBits)
    {
        CheckBits(bits);
        // Rounded to significant bits, not to bits + 8 fractional ones: those took a subnormal x to 0, and erf(2^-1074)
        // was enclosed as [0, 1.13·2^-61] at 53 bits.
        var lower = ErfPoint(Rounded(x.Lower, bits + 8, up: false), bits).Lower;
        var upper = ErfPoint(Rounded(x.Upper, bits + 8, up: true), bits).Upper;
        return new RationalInterval(lower, upper);
    }

    /// <summary>
    /// End <paramref name="end"/> rounded outward to <paramref name="significant"/> bits, with more bits where that rounding
    /// would carry it across ±<see cref="SeriesLimit"/> into the series branch (x just above 5 rounded down to 5 at 16 bits
    /// gave a width of 2^-14 instead of the tail's 1.6·10^-12) or onto ±<see cref="TailCap"/> (64 − 2^-47 rounded up to 64 at
    /// 16 to 44 bits took the end to 1, a width of erfc(x) itself; found in review, stop 35): the end stays on its own side
    /// of both, as erf is monotone either way.
    /// </summary>
    private static Fraction Rounded(Fraction end, int significant, bool up)
    {
        var limit = ExactDouble.ToFraction(SeriesLimit);
        var cap = ExactDouble.ToFraction(TailCap);
        bool beyond = up ? end < -limit : end > limit;
        bool within = Fraction.Abs(end) < cap;
        for (int b = significant; ; b *= 2)
        {
            var rounded = up ? DyadicRounding.Up(end, b) : DyadicRounding.Down(end, b);
            bool keepsBeyond = !beyond || (up ? rounded < -limit : rounded > limit);
            bool keepsWithin = !within || Fraction.Abs(rounded) < cap;
            if (keepsBeyond && keepsWithin)
                return rounded;
        }
    }

    private static void CheckBits(int bits)
    {
        if (bits < MinBits)
            throw new ArgumentException($"bits must be ≥ 16, got {bits} (erf is enclosed at 16 to 512 bits).", nameof(bits));
        if (bits > MaxBits)
            throw new ArgumentException($"bits must be ≤ 512, got {bits} (erf is enclosed at 16 to 512 bits).", nameof(bits));
    }

    /// <summary>
    /// An enclosure of erf(x) at one rational x (odd symmetry for x &lt; 0), within [−1, 1]. Width: 0 at x = 0; below
    /// 2^(2−bits)·|erf x| for 0 &lt; |x| ≤ 5 (the series cut, 1.5·2^-bits of it, and 2/√π, 2^-bits·(1 + 2^-8)); for
    /// 5 &lt; |x| &lt; 64 below 2^(1−bits)·erfc(|x|) &lt; 2^-(bits+38) (relative to erfc: the continued fraction's bracket
    /// 2^-(bits+2), its rounding 2^-(bits+9), e^(−x²)'s 2^-(bits+8) and 1/√π's 2^-bits·(1 + 2^-8)); from 64 on it is
    /// [1 − 2^-1100, 1] (mirrored).
    /// </summary>
    /// <exception cref="ArgumentException">bits outside [16, 512].</exception>
    public static RationalInterval ErfPoint(Fraction x, int bits = RationalInterval.DefaultSqrtBits)
    {
        CheckBits(bits);
        if (x.Sign() < 0)
            return -ErfPoint(-x, bits);
        if (x.IsZero)
            return RationalInterval.Zero;
        // π at bits + 8 bits: the 36 decimals of Pi held every precision above 117 bits to 2^-117.
        var twoOverSqrtPi = RationalInterval.Exact(new Fraction(2)) / ExactConstants.Pi(bits + 8).Sqrt(bits);
        if (x > ExactDouble.ToFraction(SeriesLimit))
        {
            var halfTwoOverSqrtPi = twoOverSqrtPi / RationalInterval.Exact(new Fraction(2)); // 1/√π
            if (x >= ExactDouble.ToFraction(TailCap))
                // erfc(x) ≤ erfc(64) ≤ e^(−4096)/(64√π) (Mills' ratio) < 2^-5909·2^-6 (4096·log₂e > 5909.3, 64√π > 2^6).
                return new RationalInterval(Fraction.One - ExactDouble.Pow2(-1100), Fraction.One);
            // erfc(x) = e^(−x²)/√π · R(x), R enclosed by the continued fraction (see MillsRatio), at x's ends rounded outward
            // to bits + 24 significant bits (erfc is decreasing; the move, (2x² + 2)·2^-(bits+23)·erfc < 2^-(bits+10)·erfc
            // each, fits the width's budget): the continued fraction's integers grow by x's length at every level, and
            // x = 5 + 2^-4000 took two minutes at 512 bits (found in review, stop 35).
            var below = DyadicRounding.Down(x, bits + 24);
            var above = DyadicRounding.Up(x, bits + 24);
            var erfcLower = Erfc(above, bits, halfTwoOverSqrtPi).Lower;
            var erfcUpper = Erfc(below, bits, halfTwoOverSqrtPi).Upper;
            return new RationalInterval(Fraction.One - erfcUpper, Fraction.One - erfcLower);
        }
        // Relative to x: an absolute 2^-bits stopped erf(2^-18) at its first term at 53 bits, 2^-37.6 relatively.
        Fraction tolerance = (x < Fraction.One ? x : Fraction.One) / new Fraction(BigInteger.One << bits);
        Fraction x2n = x * x;
        Fraction power = x;         // x^(2n+1)
        Fraction factorial = Fraction.One;
        Fraction sum = Fraction.Zero;
        for (int n = 0; ; n++)
        {
            var term = power / (factorial * new Fraction(2 * n + 1));
            if (n % 2 == 0) sum += term; else sum -= term;
            var nextPower = power * x2n;
            var nextFactorial = factorial * new Fraction(n + 1);
            var next = nextPower / (nextFactorial * new Fraction(2 * n + 3));
            if (new Fraction(n + 1) > x2n && next < tolerance)
            {
                // Alternating with decreasing magnitude from here: the remainder lies between 0 and the next term.
                var series = n % 2 == 0 ? new RationalInterval(sum - next, sum) : new RationalInterval(sum, sum + next);
                // Cut to erf's range: near x = 5 the upper end passed 1 (erf(4.9) at 16 bits, by 2/√π's width).
                var y = series * twoOverSqrtPi;
                return y.Upper > Fraction.One ? new RationalInterval(y.Lower, Fraction.One) : y;
            }
            power = nextPower;
            factorial = nextFactorial;
        }
    }

    /// <summary>erfc(x) for 5 ≤ x &lt; 64, enclosed as e^(−x²)·R(x)/√π, within 2^(1−bits)·erfc(x) (see <see cref="ErfPoint"/>).</summary>
    private static RationalInterval Erfc(Fraction x, int bits, RationalInterval oneOverSqrtPi) =>
        ExactExp.Of(-(x * x), bits + 8) * MillsRatio(x, bits) * oneOverSqrtPi;

    /// <summary>
    /// R(x) = √π·e^(x²)·erfc(x) for 5 &lt; x &lt; 64, enclosed by Laplace's continued fraction
    /// R = 1/(x + a₁/(x + a₂/(x + …))), a_k = k/2 (Abramowitz–Stegun 7.1.14; DLMF 7.9.2). Every a_k and x is positive, so
    /// each tail τ_n = a_n/(x + τ_(n+1)) lies in (0, a_n/x], and R is a monotone function of τ_n (a composition of
    /// decreasing maps s ↦ a_k/(x + s)): R lies between the values at τ_n = 0 and τ_n = a_n/x. Both are computed with
    /// integers only (s = p/q, p ← k·v·q, q ← 2(u·q + v·p) for x = u/v, no GCDs), then rounded outward to 2^-(bits + 16).
    /// The depth n doubles from 8 until R_hi − R_lo ≤ 2^-(bits + 2)·R_lo (1024 levels at x just above 5 and 512 bits, 32
    /// at 53 bits; from 2^14 on, never reached by an accepted precision, the crude bounds [1/(x + 1/(2x)), 1/x] of the
    /// first two truncations are returned).
    /// </summary>
    private static RationalInterval MillsRatio(Fraction x, int bits)
    {
        BigInteger u = x.Numerator, v = x.Denominator;
        if (v.Sign < 0)
        {
            u = -u;
            v = -v;
        }
        int scale = bits + 16;
        var relative = ExactDouble.Pow2(-(bits + 2));
        for (int depth = 8; depth <= 1 << 14; depth *= 2)
        {
            var atZero = Truncated(u, v, depth, BigInteger.Zero, BigInteger.One);
            var atMost = Truncated(u, v, depth, depth * v, 2 * u); // τ = a_n/x = n·v/(2u)
            var (lower, upper) = atZero < atMost ? (atZero, atMost) : (atMost, atZero);
            var enclosure = new RationalInterval(DyadicRounding.Down(lower, scale), DyadicRounding.Up(upper, scale));
            if (enclosure.Width <= enclosure.Lower * relative)
                return enclosure;
        }
        return new RationalInterval(Fraction.One / (x + Fraction.One / (2 * x)), Fraction.One / x);
    }

    /// <summary>1/(x + a₁/(x + … a_(n−1)/(x + τ))) for x = u/v and τ = p/q, in integers (a_k = k/2).</summary>
    private static Fraction Truncated(BigInteger u, BigInteger v, int depth, BigInteger p, BigInteger q)
    {
        for (int k = depth - 1; k >= 1; k--)
            (p, q) = (k * v * q, 2 * (u * q + v * p));
        return new Fraction(v * q, u * q + v * p);
    }
}
