using System.Globalization;
using System.Text.RegularExpressions;

namespace Verification.Engine;

/// <summary>
/// How simple a counterexample is, for shrinking: small integers first, then dyadics with few significant bits and
/// small exponents, then everything else. The complexity of a double m·2^e (m odd) is 4·(significant bits of m) +
/// |e + bits − 1| + 1 for a negative sign; 0 costs 0. An input's complexity is the sum over every number its
/// description prints.
/// </summary>
public static partial class Simplicity
{
    /// <summary>The complexity of one double (NaN and ±∞ count as maximal).</summary>
    public static int Of(double x)
    {
        if (x == 0)
            return 0;
        if (!double.IsFinite(x))
            return 10_000;
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int exponentBits = (int)(bits >> 52);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent;
        if (exponentBits == 0)
            exponent = -1074;
        else
        {
            mantissa |= 1L << 52;
            exponent = exponentBits - 1075;
        }
        int trailing = System.Numerics.BitOperations.TrailingZeroCount(mantissa);
        mantissa >>= trailing;
        exponent += trailing;
        int significant = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)mantissa);
        // x = m·2^exponent with m odd: its leading bit sits at 2^(exponent + significant − 1).
        return 4 * significant + Math.Abs(exponent + significant - 1) + (x < 0 ? 1 : 0);
    }

    /// <summary>The sum of <see cref="Of(double)"/> over every number printed in <paramref name="values"/>.</summary>
    public static long Of(IEnumerable<NamedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long total = 0;
        foreach (var v in values)
            foreach (Match m in NumberPattern().Matches(v.Value))
                total += double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? Of(x) : 64;
        return total;
    }

    /// <summary>Candidates simpler than x: 0, ±1, small integers, the integer part, x with fewer significant bits, powers of 2.</summary>
    public static IEnumerable<double> Candidates(double x)
    {
        if (x == 0 || !double.IsFinite(x))
            yield break;
        double sign = x < 0 ? -1 : 1;
        double ax = Math.Abs(x);
        var seen = new HashSet<double>();
        IEnumerable<double> raw()
        {
            yield return 0;
            yield return sign;
            if (x < 0) yield return ax;
            yield return sign * 2;
            yield return sign * Math.Truncate(ax);
            yield return sign * Math.Round(ax);
            // The nearest power of two and x rounded to 1, 2, 4, …, 32 significant bits.
            int e = Math.ILogB(ax);
            yield return sign * Math.ScaleB(1, e);
            yield return sign * Math.ScaleB(1, e + 1);
            for (int b = 1; b <= 32; b *= 2)
                yield return sign * RoundToBits(ax, b);
            if (x < 0) yield return -x;
        }
        foreach (var c in raw())
            if (double.IsFinite(c) && c != x && seen.Add(c))
                yield return c;
    }

    /// <summary>x rounded to the nearest value with <paramref name="bits"/> significant bits (exact scaling, no libm).</summary>
    public static double RoundToBits(double x, int bits)
    {
        if (x == 0 || !double.IsFinite(x))
            return x;
        int e = Math.ILogB(x);
        double scaled = Math.ScaleB(x, bits - 1 - e);
        return Math.ScaleB(Math.Round(scaled), e - bits + 1);
    }

    [GeneratedRegex(@"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
