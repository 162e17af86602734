namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// A derivative φ'(a) or φ''(a) of an elementary function for forward mode, either a normal double (the plain formula's
/// value, used as is) or m·2^e where it is beyond the double range or subnormal (e^800, 1/(2^-1074)², sech²(400)), so
/// that its products with the infinitesimal parts are rounded once, at the end (issue 15, item 1).
/// </summary>
internal readonly struct ScaledDerivative
{
    /// <summary>The smallest positive normal double, 2^-1022.</summary>
    internal const double MinNormal = 2.2250738585072014E-308;

    /// <summary>
    /// Exponents are kept within ±2^20, where e^x saturates (|x| above about 7.2e5): far enough that the few scalings by a
    /// finite double that may follow (erf'' = −2x·erf', each adding at most 1024) leave it beyond <see cref="ApplyLimit"/>.
    /// The old limit of ±4000 was reached by e^x for |x| &gt; 2760 and then scaled back into the range by −2x (erf'' at
    /// x = 1e300 would have been 2^-3003 instead of e^-1e600).
    /// </summary>
    private const int ExponentLimit = 1 << 20;

    /// <summary>
    /// Where a value is applied to at most three finite factors (each within 2^±1074, so their product within 2^±3222) its
    /// exponent is clamped to ±5000: beyond, the term is below 2^-1778 or above 2^1778, so 0 against the final rounding's
    /// 2^-1074 (or ±∞) whatever its exact exponent.
    /// </summary>
    private const int ApplyLimit = 5000;

    /// <summary>ln 2 split for argument reduction (fdlibm's ln2_hi, whose low 21 mantissa bits are 0, and ln2_lo).</summary>
    private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;

    private readonly double mantissa;
    private readonly int exponent;

    private ScaledDerivative(double mantissa, int exponent, bool isNormal)
    {
        this.mantissa = mantissa;
        this.exponent = Math.Clamp(exponent, -ExponentLimit, ExponentLimit);
        IsNormal = isNormal;
    }

    /// <summary>True when the value is a normal double or 0 (<see cref="Value"/> exactly, and the plain formula may use it).</summary>
    internal bool IsNormal { get; }

    /// <summary>The value rounded to a double (±∞ or a subnormal/0 where it is beyond the range).</summary>
    internal double Value => IsNormal ? mantissa : Math.ScaleB(mantissa, exponent);

    /// <summary>(m, e) with the value m·2^e (e = 0 where the value is a normal double or 0).</summary>
    internal (double Mantissa, int Exponent) Parts => (mantissa, exponent);

    /// <summary>A finite double: as is where normal or 0, split exactly into m·2^e where subnormal.</summary>
    internal static ScaledDerivative Of(double value)
    {
        if (value == 0 || Math.Abs(value) >= MinNormal)
            return new(value, 0, double.IsFinite(value));
        int k = Math.ILogB(value);
        return new(Math.ScaleB(value, -k), k, false);
    }

    /// <summary>e^x: the platform exp where it is a normal double (within 1u); else 2^k·e^r with x = k·ln 2 + r, |r| ≤ ½ln 2, k·ln2_hi and x − k·ln2_hi exact, within 2u.</summary>
    internal static ScaledDerivative Exp(double x)
    {
        double e = Math.Exp(x);
        if (e >= MinNormal && double.IsFinite(e))
            return new(e, 0, true);
        if (double.IsNaN(x))
            return new(double.NaN, 0, true);
        if (Math.Abs(x) > ExponentLimit * 0.69)
            return new(1, x > 0 ? ExponentLimit : -ExponentLimit, false);
        double k = Math.Round(x / (Ln2Hi + Ln2Lo));
        double r = (x - k * Ln2Hi) - k * Ln2Lo;
        return new(Math.Exp(r), (int)k, false);
    }

    /// <summary>
    /// 1/x for a finite non-zero x, as (1/m)·2^-k with x = m·2^k exactly: one correctly rounded quotient, within u (u = 2^-53;
    /// "½u" before stop 36, which holds only where 1/m is near the top of its binade).
    /// </summary>
    internal static ScaledDerivative Reciprocal(double x)
    {
        int k = Math.ILogB(x);
        return new(1 / Math.ScaleB(x, -k), -k, false);
    }

    /// <summary>
    /// 1/v² for a finite non-zero v = m·2^k (m ∈ [1, 2), exact), as 1/fl(m²)·2^-k·2^-k: two roundings, within 2u + u².
    /// (The rounded 1/m squared is within 3u: HyperDual's log'' at 1.1017670147593689e229 was 2.51u off its stated 2.5u.)
    /// </summary>
    internal static ScaledDerivative InverseSquare(double v)
    {
        int k = Math.ILogB(v);
        double m = Math.ScaleB(v, -k);
        var power = Reciprocal(Math.ScaleB(1.0, k));
        return Reciprocal(m * m) * power * power;
    }

    /// <summary>sech²x, within 6u (the cancellation-free form of the tanh MLP, 4e^{−2|x|}·2^e beyond |x| = 350).</summary>
    internal static ScaledDerivative SechSquared(double x)
    {
        var (m, e) = Models.TanhMlp.SechSquaredScaled(x);
        return new(m, e, false);
    }

    /// <summary>The square (one rounding of the mantissas).</summary>
    internal ScaledDerivative Squared() => this * this;

    /// <summary>The value times a finite double c (one rounding).</summary>
    internal ScaledDerivative Scale(double c)
    {
        if (c == 0 || mantissa == 0)
            return new(0, 0, true);
        int k = Math.ILogB(c);
        return new(mantissa * Math.ScaleB(c, -k), exponent + k, false);
    }

    /// <summary>The product (one rounding of the mantissas).</summary>
    public static ScaledDerivative operator *(ScaledDerivative a, ScaledDerivative b) =>
        a.mantissa == 0 || b.mantissa == 0 ? new(0, 0, true) : Normalized(a.mantissa * b.mantissa, a.exponent + b.exponent);

    /// <summary>Negation (exact).</summary>
    public static ScaledDerivative operator -(ScaledDerivative a) => new(-a.mantissa, a.exponent, a.IsNormal);

    private static ScaledDerivative Normalized(double m, int e)
    {
        int k = Math.ILogB(m);
        return new(Math.ScaleB(m, -k), e + k, false);
    }

    /// <summary>
    /// The value times a double, rounded once (±0 for a zero factor, ±∞ only beyond the range). A factor x = ±∞ (a part
    /// that has already overflowed) gives ±∞ with the product's sign, 0 against a zero value, as <see cref="PartSum"/>;
    /// NaN gives NaN.
    /// </summary>
    /// <exception cref="DoubleRangeException">x is ±∞ and the value is non-zero and below 1 in magnitude: the product of the
    /// exact value beyond the range and it may be within the range (<see cref="OverflowError"/>); names <paramref name="parameter"/>.</exception>
    internal double Apply(double x, string parameter)
    {
        if (double.IsNaN(mantissa))
            return double.NaN;
        if (double.IsFinite(x))
            return ScaledSum.Product(IsNormal ? 0 : exponent, mantissa, x);
        if (!double.IsNaN(x) && mantissa != 0 && Magnitude(0, 1) < 1)
            throw OverflowError.Shrunk($"the product of {x:R} and a derivative of magnitude {Magnitude(0, 1):R}", parameter);
        return double.IsNaN(x) ? x : mantissa == 0 ? 0 : double.IsNegative(mantissa) == double.IsNegative(x) ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>True when the value is exactly 0.</summary>
    internal bool IsZero => mantissa == 0;

    /// <summary><see cref="UnderflowError.Rounding"/> of <see cref="Apply"/>'s result r for the factor x (units of 2^-1075).</summary>
    internal double ApplyRounding(double r, double x) =>
        UnderflowError.ScaledProductRounding(r, mantissa, IsNormal ? 0 : exponent, x);

    /// <summary>
    /// |value|·Π|factors|·2^<paramref name="shift"/> rounded once, for underflow error bounds (<see cref="UnderflowError"/>):
    /// 0 where the value or a factor is 0, +∞ where a factor is ±∞ or NaN (and none is 0) or the product is beyond the range.
    /// </summary>
    internal double Magnitude(int shift, params ReadOnlySpan<double> factors)
    {
        if (mantissa == 0)
            return 0;
        Span<double> all = stackalloc double[factors.Length + 1];
        bool unbounded = double.IsNaN(mantissa);
        for (int i = 0; i < factors.Length; i++)
        {
            if (factors[i] == 0)
                return 0;
            unbounded |= !double.IsFinite(factors[i]);
            all[i] = Math.Abs(factors[i]);
        }
        if (unbounded)
            return double.PositiveInfinity;
        all[factors.Length] = Math.Abs(mantissa);
        // The factors (at most a few dozen, each within 2^±1075) move the exponent by less than 2^16: a clamp at ±2^18 keeps
        // every product that is within the range exact in its exponent and saturates the others.
        long e = (long)(IsNormal ? 0 : exponent) + shift;
        return UnderflowError.Floor(ScaledSum.Product((int)Math.Clamp(e, -(1 << 18), 1 << 18), all));
    }

    /// <summary>Adds the value times the finite factors to <paramref name="sum"/> (no partial product rounded to the double range).</summary>
    internal void AddTimes(ref PartSum sum, params ReadOnlySpan<double> factors)
    {
        Span<double> all = stackalloc double[factors.Length + 6];
        factors.CopyTo(all);
        all[factors.Length] = mantissa;
        int n = factors.Length + 1;
        int e = IsNormal ? 0 : Math.Clamp(exponent, -ApplyLimit, ApplyLimit);
        while (e != 0)
        {
            int piece = Math.Clamp(e, -1000, 1000);
            all[n++] = Math.ScaleB(1.0, piece);
            e -= piece;
        }
        sum.Add(all[..n]);
    }
}

/// <summary>
/// One part of a hyper-dual result, a sum of products of doubles, where a factor may be a part that has already
/// overflowed to ±∞ (a finite value beyond the range, as e^800 is in <see cref="HyperDual.Exp"/>) or NaN: a term with a
/// zero factor is 0 (the exact product of such a value and 0, as e^800·0 = 0), a term with a ±∞ factor and no zero one is
/// ±∞ with the product's sign, and the finite terms are one <see cref="ScaledSum"/>. The part is that scaled sum where no
/// term is infinite (bit for bit <see cref="ScaledSum"/> then), ±∞ where the infinite terms share a sign, NaN where a
/// factor is NaN, and a <see cref="DoubleRangeException"/> where they have both signs (∞ − ∞: the exact value exists,
/// doubles cannot give it; was NaN). Without it a part that had overflowed
/// made the next operation an ArgumentException naming ScaledSum's internal parameter "factors".
/// </summary>
internal struct PartSum
{
    private ScaledSum finite;
    private bool positiveInfinity, negativeInfinity, notANumber, shrunk;

    /// <summary>Adds the product of the factors.</summary>
    internal void Add(params ReadOnlySpan<double> factors)
    {
        bool infinite = false, negative = false;
        foreach (double f in factors)
        {
            if (double.IsNaN(f))
            {
                notANumber = true;
                return;
            }
            infinite |= double.IsInfinity(f);
            negative ^= double.IsNegative(f);
        }
        foreach (double f in factors)
            if (f == 0)
                return;
        if (infinite)
            shrunk |= OverflowError.ShrinksTerm(factors);
        if (!infinite)
            finite.Add(factors);
        else if (negative)
            negativeInfinity = true;
        else
            positiveInfinity = true;
    }

    /// <summary>
    /// True where the finite terms' sum is not 0 and its rounding lands on the subnormal grid or at 0 (and no term is
    /// infinite or NaN): the rounding may have cost up to 2^-1075 (<see cref="UnderflowError.Rounding"/>).
    /// </summary>
    internal readonly bool Underflowed =>
        !notANumber && !positiveInfinity && !negativeInfinity && !finite.IsZero && Math.Abs(finite.Value) < ScaledDerivative.MinNormal;

    /// <summary>
    /// <see cref="UnderflowError.Rounding"/> of the part: the error its rounding onto the subnormal grid or to 0 may have
    /// made (units of 2^-1075; 0 where it is normal, infinite or NaN or the sum is exactly 0).
    /// </summary>
    internal readonly double UnderflowUnits =>
        Underflowed && !finite.RoundsExactly ? UnderflowError.Rounding(finite.Value, finite.Magnitude(1075)) : 0;

    /// <summary>The part rounded once (see the type's summary); a rejection names <paramref name="parameter"/>, the operation's.</summary>
    /// <exception cref="DoubleRangeException">Infinite terms of both signs (∞ − ∞), or a term or sum that may bring an overflowed factor back within the range (<see cref="OverflowError"/>).</exception>
    internal readonly double Rounded(string parameter) =>
        notANumber ? double.NaN
        : shrunk || OverflowError.Shrinks(positiveInfinity, negativeInfinity, finite.Value) ? throw OverflowError.Shrunk("a derivative part", parameter)
        : positiveInfinity && negativeInfinity ? throw new DoubleRangeException(
            "a derivative part sums terms beyond ±double.MaxValue of both signs (∞ − ∞): its exact value is undetermined in doubles; every factor must be within the double range.", parameter)
        : positiveInfinity ? double.PositiveInfinity
        : negativeInfinity ? double.NegativeInfinity
        : finite.Value;
}
