using System.Numerics;
using Fractions;
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
/// For x &gt; <see cref="SeriesLimit"/>: 0 &lt; erfc(x) ≤ e^(−x²)/(x√π) (Mills' ratio) with e^(x²) ≥ Σ_{k≤40} x^(2k)/k!, so
/// erf(x) ∈ [1 − 1/(t√π Σ), 1] at t = min(x, <see cref="TailCap"/>) (erf is increasing). π is
/// <see cref="ExactConstants.Pi"/> at bits + 8 bits.
/// </remarks>
public static class ErfEnclosure
{
    /// <summary>Above this argument the tail bound is used instead of the series.</summary>
    public const double SeriesLimit = 5;

    /// <summary>
    /// The tail bound is taken at min(x, 1024): there it is below 2^-651, narrower than any precision accepted, and the
    /// 40-term sum stays short (at x = MaxValue its numbers had 83 000 bits).
    /// </summary>
    public const double TailCap = 1024;

    /// <summary>The least precision accepted, in bits.</summary>
    public const int MinBits = 16;

    /// <summary>The largest precision accepted, in bits (the series is summed in exact fractions).</summary>
    public const int MaxBits = 512;

    /// <summary>
    /// An enclosure of erf(x) for every x in <paramref name="x"/> (erf is increasing, so its ends suffice): each end is
    /// rounded outward to bits + 8 significant bits (a double is kept as it is from 45 bits on), which moves erf there by at
    /// most 2^(−bits−7)·|erf| (x·erf'(x) ≤ erf(x) for x ≥ 0), then enclosed by <see cref="ErfPoint"/>. For a point x with
    /// |x| ≤ 5 the width is thus below (4 + 2^-6)·2^(−bits)·|erf x|; beyond, it is <see cref="ErfPoint"/>'s T at the rounded end,
    /// which stays beyond 5 (more bits are kept where the rounding would reach 5).
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
    /// gave a width of 2^-14 instead of the tail's 1.6·10^-12): the end stays on its own side, as erf is monotone either way.
    /// </summary>
    private static Fraction Rounded(Fraction end, int significant, bool up)
    {
        var limit = ExactDouble.ToFraction(SeriesLimit);
        bool beyond = up ? end < -limit : end > limit;
        for (int b = significant; ; b *= 2)
        {
            var rounded = up ? DyadicRounding.Up(end, b) : DyadicRounding.Down(end, b);
            if (!beyond || (up ? rounded < -limit : rounded > limit))
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
    /// 2^(2−bits)·|erf x| for 0 &lt; |x| ≤ 5 (the series cut, 1.5·2^-bits of it, and 2/√π, 2^-bits·(1 + 2^-8)); for |x| &gt; 5
    /// it is [1 − T, 1] (mirrored), T = (1 + 2^-bits)/(t√π Σ_{k≤40} t^(2k)/k!) at most, t = min(|x|, 1024): T &lt; 1.6·10^-12,
    /// T ≤ 40!/(t^81·√π)·(1 + 2^-bits), so T &lt; 2^-bits only from about 2^((bits + 158.5)/81) on (6.2 at 53 bits, 21.5 at
    /// 200, 310 at 512), and T &lt; 2^-651 from 1024 on.
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
            var t = x > ExactDouble.ToFraction(TailCap) ? ExactDouble.ToFraction(TailCap) : x;
            var x2 = t * t;
            Fraction partial = Fraction.Zero, term = Fraction.One;
            for (int k = 0; k <= 40; k++)
            {
                partial += term;
                term = term * x2 / new Fraction(k + 1);
            }
            // erfc(x) ≤ erfc(t) ≤ e^(−t²)/(t√π) ≤ 1/(t√π Σ): the upper end of 1/√π is (2/√π)/2.
            var tailUpper = RationalInterval.Exact(Fraction.One / (t * partial)) * twoOverSqrtPi / RationalInterval.Exact(new Fraction(2));
            return new RationalInterval(Fraction.One - tailUpper.Upper, Fraction.One);
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
}
