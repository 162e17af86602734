namespace Verification.Numerics;

/// <summary>
/// A sum of products of doubles carried as m·2^e (|m| in [1, 2), e an int) so that no partial product or partial sum
/// overflows or underflows before the final rounding (issue 15, item 1): x²·c with x = 1e200, c = 1e-300 is 1e100, not ∞,
/// and 1e308 + 1e308 − 1e308 is 1e308. Splitting a double into m·2^e (<see cref="Math.ILogB"/>, <see cref="Math.ScaleB(double, int)"/>)
/// is exact, subnormals included, so a product of k factors has the k − 1 roundings of its mantissas only, and a sum of
/// n terms the n − 1 roundings of recursive summation: the result is within (k − 1 + n)·u·Σ|terms| of the exact sum
/// (u = 2^-53, first order), plus 2^-1074 where it is subnormal (terms below 2^-1074 of the largest are dropped, an error
/// far below u of it).
/// </summary>
internal struct ScaledSum
{
    /// <summary>2^-100 and 2^100: where every input of a formula is 0 or within them, its products of up to four factors
    /// and their sums (a few hundred terms) stay normal doubles, so the plain floating-point formula is used (bit for bit
    /// the results before issue 15, which the trajectory snapshots pin) and is within the same stated bounds.</summary>
    private const double Low = 7.888609052210118e-31, High = 1.2676506002282294e30;

    /// <summary>True when every value is 0 or has magnitude in [2^-100, 2^100].</summary>
    public static bool Ordinary(params ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            double a = Math.Abs(v);
            if (a != 0 && !(a >= Low && a <= High))
                return false;
        }
        return true;
    }

    /// <summary><see cref="Ordinary(ReadOnlySpan{double})"/> for vectors and matrices.</summary>
    public static bool Ordinary(IEnumerable<double> values)
    {
        foreach (double v in values)
            if (!Ordinary(v))
                return false;
        return true;
    }

    /// <summary>
    /// The product of a few finite factors (at most 50) with one final scaling: the mantissas m_i ∈ [1, 2) are multiplied
    /// left to right (k − 1 roundings, so within (k − 1)·u of the exact product where it is normal, plus one rounding
    /// below 2^-1022) and the exponents added, so that no partial product overflows or underflows before the result does
    /// (1e-300·1e-300·1e300 is 1e-300, not 0). Where every partial product is a normal double this is bit for bit the
    /// plain left-to-right product; a zero factor gives a zero with the IEEE sign of the product.
    /// </summary>
    /// <exception cref="ArgumentException">More than 50 factors, or a factor that is not finite.</exception>
    public static double Product(params ReadOnlySpan<double> factors) => Product(0, factors);

    /// <summary>
    /// 2^<paramref name="exponent"/> times the product of the factors, with the power of two applied in the one final
    /// scaling (<see cref="Product(ReadOnlySpan{double})"/>), for a factor carried as mantissa·2^exponent because it is
    /// itself beyond the double range.
    /// </summary>
    /// <exception cref="ArgumentException">More than 50 factors, or a factor that is not finite.</exception>
    public static double Product(int exponent, params ReadOnlySpan<double> factors)
    {
        if (factors.Length > 50)
            throw new ArgumentException($"at most 50 factors, got {factors.Length}.", nameof(factors));
        double m = 1;
        long e = exponent;
        bool zero = false, negative = false;
        foreach (double f in factors)
        {
            if (!double.IsFinite(f))
                throw new ArgumentException($"a factor must be finite, got {f}.", nameof(factors));
            negative ^= double.IsNegative(f);
            if (f == 0)
            {
                zero = true;
                continue;
            }
            int k = Math.ILogB(f);
            m *= Math.ScaleB(f, -k); // |m| < 2^50: no overflow
            e += k;
        }
        return zero ? (negative ? -0.0 : 0.0) : Math.ScaleB(m, (int)Math.Clamp(e, -3000, 3000));
    }

    private double mantissa;
    private int exponent;

    /// <summary>Adds the product of <paramref name="factors"/> (finite doubles).</summary>
    public void Add(params ReadOnlySpan<double> factors) => Accumulate(1, 0, 1, factors);

    /// <summary>Adds the product of <paramref name="factors"/> divided by <paramref name="divisor"/> (one more rounding).</summary>
    public void AddQuotient(double divisor, params ReadOnlySpan<double> factors) => Accumulate(1, 0, divisor, factors);

    /// <summary>
    /// Adds 2^<paramref name="exponent"/> times the product of <paramref name="factors"/> divided by
    /// <paramref name="divisor"/> (one more rounding unless it is 1), for a factor carried as mantissa·2^exponent because its
    /// double would be subnormal or 0.
    /// </summary>
    public void AddTimesPowerOfTwo(int exponent, double divisor, params ReadOnlySpan<double> factors) =>
        Accumulate(1, exponent, divisor, factors);

    /// <summary>Adds <paramref name="prefix"/>^<paramref name="power"/> (a sum kept unrounded, power 1…3) times the factors, divided by the divisor.</summary>
    public void AddPowerTimes(ScaledSum prefix, int power, double divisor, params ReadOnlySpan<double> factors)
    {
        if (prefix.mantissa == 0)
            return;
        double m = 1;
        for (int i = 0; i < power; i++)
            m *= prefix.mantissa; // |m| < 2^power
        Accumulate(m, power * prefix.exponent, divisor, factors);
    }

    private void Accumulate(double m, int e, double divisor, ReadOnlySpan<double> factors)
    {
        foreach (double f in factors)
        {
            if (f == 0)
                return;
            if (!double.IsFinite(f))
                throw new ArgumentException($"a factor of a scaled sum must be finite, got {f}.", nameof(factors));
            int k = Math.ILogB(f);
            m *= Math.ScaleB(f, -k); // |m| < 2^(number of factors + power): no overflow for the few factors used here
            e += k;
        }
        int kd = Math.ILogB(divisor);
        AddScaled(divisor == 1 ? m : m / Math.ScaleB(divisor, -kd), e - kd);
    }

    private void AddScaled(double m, int e)
    {
        if (mantissa == 0)
        {
            mantissa = m;
            exponent = e;
        }
        else if (e > exponent)
        {
            mantissa = Math.ScaleB(mantissa, Math.Max(exponent - e, -2000)) + m;
            exponent = e;
        }
        else
            mantissa += Math.ScaleB(m, Math.Max(e - exponent, -2000));
        if (mantissa == 0)
        {
            exponent = 0;
            return;
        }
        int k = Math.ILogB(mantissa);
        mantissa = Math.ScaleB(mantissa, -k);
        exponent += k;
    }

    /// <summary>The sum as carried, m·2^e with |m| in [1, 2), or (0, 0): no rounding beyond the terms' own.</summary>
    public readonly (double Mantissa, int Exponent) Parts => (mantissa, exponent);

    /// <summary>True when the sum is exactly 0 (no term, or terms that cancelled): its rounding lost nothing.</summary>
    public readonly bool IsZero => mantissa == 0;

    /// <summary>
    /// True when the final rounding (<see cref="Value"/>) loses no bit of the sum as carried: scaled back, the double is the
    /// mantissa again (a sum landing exactly on the subnormal grid, or an empty sum).
    /// </summary>
    public readonly bool RoundsExactly =>
        mantissa == 0 || exponent >= -3000 && exponent <= 3000 && Math.ScaleB(Value, -exponent) == mantissa;

    /// <summary>|sum|·2^<paramref name="shift"/> rounded once (0 for an empty sum; saturating beyond the range).</summary>
    public readonly double Magnitude(int shift) =>
        mantissa == 0 ? 0 : Math.ScaleB(Math.Abs(mantissa), (int)Math.Clamp((long)exponent + shift, -3000, 3000));

    /// <summary>
    /// The sum rounded to a double: ±∞ where it is beyond ±double.MaxValue (one final rounding); a sum that is 0 or
    /// underflows to zero is +0 (as the plain formulas give it, whose products underflow to +0 first).
    /// </summary>
    public readonly double Value => mantissa == 0 ? 0.0 : Math.ScaleB(mantissa, (int)Math.Clamp((long)exponent, -3000, 3000)) + 0.0;

    /// <summary>
    /// The sum rounded to a double; an <see cref="ArgumentException"/> naming <paramref name="parameter"/> and the range
    /// where it is beyond ±double.MaxValue.
    /// </summary>
    public readonly double Finite(string what, string parameter)
    {
        double v = Value;
        if (double.IsInfinity(v))
            throw new ArgumentException(
                $"{what} is beyond ±double.MaxValue (≈ ±1.8e308), the range of a double result.", parameter);
        return v;
    }
}
