using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Elementary;

/// <summary>
/// Outward enclosures of cos, sin and atan over rational intervals, at about <c>bits</c> significant bits.
/// cos and sin of a point: the argument is halved m times to |y| ≤ 1/4, where the Taylor series alternate with
/// decreasing terms (the remainder is at most the first omitted term), then doubled back with cos 2y = 2cos²y − 1 and
/// sin 2y = 2 sin y cos y (each doubling at most quadruples the width: 2m guard bits). atan of a point: the half-angle
/// map z ↦ z/(1 + √(1 + z²)) (atan z = 2·atan of it, increasing in z) is applied to both ends until z ≤ 1/4, then the
/// alternating series. Over an interval: cos and sin by the mean value theorem (|cos′|, |sin′| ≤ 1) around the midpoint,
/// atan at both ends (atan is increasing).
/// </summary>
public static class RationalTrigonometry
{
    /// <summary>|x| above which cos and sin are not enclosed (the halvings would need too many guard bits).</summary>
    public const double Limit = 1 << 20;

    private static readonly Fraction Quarter = new(1, 4);

    /// <summary>An interval containing cos t for every t in <paramref name="x"/>, clamped to [−1, 1].</summary>
    /// <exception cref="UndecidedException">|x| exceeds <see cref="Limit"/>.</exception>
    public static RationalInterval Cos(RationalInterval x, int bits) => Periodic(x, bits, cos: true);

    /// <summary>An interval containing sin t for every t in <paramref name="x"/>, clamped to [−1, 1].</summary>
    /// <exception cref="UndecidedException">|x| exceeds <see cref="Limit"/>.</exception>
    public static RationalInterval Sin(RationalInterval x, int bits) => Periodic(x, bits, cos: false);

    /// <summary>An interval containing atan t for every t in <paramref name="x"/>.</summary>
    public static RationalInterval Atan(RationalInterval x, int bits)
    {
        CheckBits(bits);
        if (x.Lower == x.Upper)
            return AtanPoint(x.Lower, bits);
        return new RationalInterval(AtanPoint(x.Lower, bits).Lower, AtanPoint(x.Upper, bits).Upper);
    }

    private static RationalInterval Periodic(RationalInterval x, int bits, bool cos)
    {
        CheckBits(bits);
        var limit = new Fraction(Limit);
        if (x.Lower < -limit || x.Upper > limit)
            throw new UndecidedException($"cos and sin are enclosed for |x| ≤ 2^20 only, got {x}.");
        if (x.Lower == x.Upper)
        {
            var (c, s) = CosSinPoint(x.Lower, bits);
            return cos ? c : s;
        }
        var mid = (x.Lower + x.Upper) / 2;
        var half = (x.Upper - x.Lower) / 2;
        var (cm, sm) = CosSinPoint(mid, bits);
        var at = cos ? cm : sm;
        return Clamp(new RationalInterval(at.Lower - half, at.Upper + half));
    }

    /// <summary>(cos q, sin q) for a rational point q.</summary>
    private static (RationalInterval Cos, RationalInterval Sin) CosSinPoint(Fraction q, int bits)
    {
        if (q.IsZero)
            return (RationalInterval.Exact(Fraction.One), RationalInterval.Zero);
        int m = 0;
        var y = q;
        while (Fraction.Abs(y) > Quarter)
        {
            y /= 2;
            m++;
        }
        int work = bits + 2 * m + 16;
        var tolerance = ExactDouble.Pow2(-work - 4);
        // a_j = |y|^j / j!, each rounded outward; the series of cos takes the even j, sin the odd j, with alternating signs.
        var ay = Fraction.Abs(y);
        var term = RationalInterval.Exact(Fraction.One);
        var cosSum = RationalInterval.Exact(Fraction.One);
        var sinSum = RationalInterval.Zero;
        for (int j = 1; ; j++)
        {
            term = DyadicRounding.Outward(term * RationalInterval.Exact(ay / j), work);
            int sign = (j / 2) % 2 == 0 ? 1 : -1; // j = 1, 2: +, −  (sin: +y, cos: −y²/2); j = 3, 4: −, +; …
            if (j % 2 == 0)
                cosSum = DyadicRounding.Outward(sign > 0 ? cosSum + term : cosSum - term, work);
            else
                sinSum = DyadicRounding.Outward(sign > 0 ? sinSum + term : sinSum - term, work);
            if (term.Upper <= tolerance)
            {
                // Both series alternate with decreasing terms (|y| ≤ 1/4): each remainder is at most its next term, a_{j+1}
                // or a_{j+2} ≤ a_{j+1} ≤ a_j.
                var tail = new RationalInterval(-term.Upper, term.Upper);
                cosSum += tail;
                sinSum += tail;
                break;
            }
        }
        if (y.Sign() < 0)
            sinSum = -sinSum;
        var c = Clamp(cosSum);
        var s = Clamp(sinSum);
        var two = RationalInterval.Exact(new Fraction(2));
        for (int k = 0; k < m; k++)
        {
            var next = Clamp(DyadicRounding.Outward(two * Square(c) - RationalInterval.Exact(Fraction.One), work));
            s = Clamp(DyadicRounding.Outward(two * s * c, work));
            c = next;
        }
        return (DyadicRounding.Outward(c, bits + 8), DyadicRounding.Outward(s, bits + 8));
    }

    /// <summary>atan q for a rational point q.</summary>
    private static RationalInterval AtanPoint(Fraction q, int bits)
    {
        if (q.IsZero)
            return RationalInterval.Zero;
        int work = bits + 24;
        var z = Fraction.Abs(q);
        var low = z;
        var high = z;
        int halvings = 0;
        var one = RationalInterval.Exact(Fraction.One);
        while (high > Quarter)
        {
            // z ↦ z/(1 + √(1 + z²)) is increasing on z ≥ 0: the image of [low, high] lies between the images of its ends.
            RationalInterval Half(Fraction t)
            {
                var point = RationalInterval.Exact(t);
                return point / (one + (one + point * point).Sqrt(work));
            }
            low = DyadicRounding.Down(Half(low).Lower, work);
            high = DyadicRounding.Up(Half(high).Upper, work);
            halvings++;
        }
        var lower = AtanSeries(low, work).Lower;
        var upper = AtanSeries(high, work).Upper;
        var result = RationalInterval.Exact(ExactDouble.Pow2(halvings)) * new RationalInterval(lower, upper);
        result = DyadicRounding.Outward(result, bits + 8);
        return q.Sign() < 0 ? -result : result;
    }

    /// <summary>atan z = Σ (−1)ⁿ z^(2n+1)/(2n+1) for 0 ≤ z ≤ 1/4: alternating, decreasing, remainder ≤ the next term.</summary>
    private static RationalInterval AtanSeries(Fraction z, int work)
    {
        if (z.IsZero)
            return RationalInterval.Zero;
        var tolerance = ExactDouble.Pow2(-work - 4);
        var z2 = z * z;
        var power = RationalInterval.Exact(z);
        var sum = RationalInterval.Zero;
        for (int n = 0; ; n++)
        {
            var term = DyadicRounding.Outward(power / RationalInterval.Exact(new Fraction(2 * n + 1)), work);
            sum = DyadicRounding.Outward(n % 2 == 0 ? sum + term : sum - term, work);
            power = DyadicRounding.Outward(power * RationalInterval.Exact(z2), work);
            var next = power.Upper / (2 * n + 3);
            if (next <= tolerance)
                return sum + new RationalInterval(-next, next);
        }
    }

    /// <summary>x² as an interval of non-negative points (x·x would let [−a, b] give a negative lower end).</summary>
    private static RationalInterval Square(RationalInterval x)
    {
        var a = x.Abs();
        return new RationalInterval(a.Lower * a.Lower, a.Upper * a.Upper);
    }

    private static RationalInterval Clamp(RationalInterval x)
    {
        var one = Fraction.One;
        var lower = x.Lower < -one ? -one : x.Lower > one ? one : x.Lower;
        var upper = x.Upper > one ? one : x.Upper < -one ? -one : x.Upper;
        return new RationalInterval(lower, upper);
    }

    private static void CheckBits(int bits)
    {
        if (bits is < 16 or > 1 << 16)
            throw new ArgumentException($"bits must be in [16, 65536], got {bits}.", nameof(bits));
    }
}
