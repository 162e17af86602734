namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// φ'(x) and φ''(x) of log, √, erf and erfc in doubles for the forward-mode types over <see cref="Arithmetic.Float64"/>
/// (<see cref="HessianJet{T}"/>, <see cref="HyperDualReal{T}"/>; issue 15, item 1): the plain formulas those types used
/// before (bit for bit) wherever both derivatives are normal doubles, and <see cref="ScaledDerivative"/>'s m·2^e beyond,
/// where the plain ones overflowed (log'' at 1e-200 was −∞), underflowed (erf' for |x| &gt; 27 was 0 while x·erf' need not
/// be) or were NaN (√'s 1/s³ at 2^-1074 was ∞). The domain checks name the documented domain.
/// </summary>
internal static class ElementaryDerivatives
{
    /// <summary>2/√π rounded to a double (within u).</summary>
    private const double TwoOverSqrtPi = 1.1283791670955126;

    private static bool Normal(double v) => double.IsFinite(v) && Math.Abs(v) >= ScaledDerivative.MinNormal;

    /// <summary>
    /// log' = 1/x and log'' = −(1/x)² for a finite x &gt; 0: the plain 1/x (u) and −(1/x)·(1/x) (within 3u: 1/x's u twice
    /// and the product's) where both are normal (x in about [2^-511, 2^511]); else 1/x as (1/m)·2^-k (u) and −1/x² as
    /// 1/fl(m²)·2^-2k (2u, <see cref="ScaledDerivative.InverseSquare"/>; the square of the rounded 1/m, 3u, until stop 36).
    /// (The bounds stated ½u and 1.5u until stop 36: a correctly rounded quotient is within u, not ½u.)
    /// </summary>
    internal static (ScaledDerivative First, ScaledDerivative Second) Log(double x)
    {
        double inv = 1 / x, second = -(inv * inv);
        if (Normal(inv) && Normal(second))
            return (ScaledDerivative.Of(inv), ScaledDerivative.Of(second));
        return (ScaledDerivative.Reciprocal(x), -ScaledDerivative.InverseSquare(x));
    }

    /// <summary>
    /// √' = 1/(2s) and √'' = −1/(4s³) with s = √x (within u) for a finite x &gt; 0: the plain (1/s)/2 and −((1/s)³)/4 where
    /// both are normal (x in about [2^-680, 2^680]); else 1/s as (1/m)·2^-k, halved, and its cube times −¼. Relative to the
    /// exact derivatives at x: within 2u (√': s's u and 1/s's u) and 8u (√'': s's u three times, 1/s's u three times, two
    /// products); 1.5u and 4.5u until stop 36, which counted a correctly rounded operation as ½u.
    /// </summary>
    internal static (ScaledDerivative First, ScaledDerivative Second) Sqrt(double s)
    {
        double inv = 1 / s, first = inv / 2, second = -(inv * inv * inv) / 4;
        if (Normal(first) && Normal(second))
            return (ScaledDerivative.Of(first), ScaledDerivative.Of(second));
        var r = ScaledDerivative.Reciprocal(s);
        return (r.Scale(0.5), (r.Squared() * r).Scale(-0.25));
    }

    /// <summary>
    /// erf' = (2/√π)e^{−x²} and erf'' = −2x·erf' for a finite x. Where both are normal doubles (x² up to 1022·ln 2 +
    /// ln(2/√π) ≈ 708.517, |x| up to about 26.618, not 26.5) the plain 2e^{−x·x}/√π and (−2x)·erf' (bit for bit as before):
    /// e^{−fl(x²)} is within x²·u + 1u of e^{−x²}, so erf' within (x² + 4)·u and erf'' within (x² + 5)·u (at most 713.6u
    /// there; 162u and 270u at x = 26.615). Beyond, x² = hi + lo exactly (fused multiply-add) and
    /// e^{−x²} = e^{−hi}·(1 − lo) as m·2^e (|lo| ≤ 2^-33 wherever e^{−hi} is not saturated, so the dropped lo²/2 is below
    /// 2^-67): erf' within 6u (exp 2u, 1 − lo 1u, its product 1u, 2/√π u and its product u) and erf'' within 7u; beyond |x| ≈ 850,
    /// e^{−x²} is carried as 2^-(2^20), which is 0 in every product with the parts.
    /// </summary>
    internal static (ScaledDerivative First, ScaledDerivative Second) Erf(double x)
    {
        double d = 2 * Math.Exp(-(x * x)) / Math.Sqrt(Math.PI), second = -2 * x * d;
        if (Normal(d) && (x == 0 || Normal(second)))
            return (ScaledDerivative.Of(d), ScaledDerivative.Of(second));
        if (double.IsInfinity(x))
            return (ScaledDerivative.Of(0), ScaledDerivative.Of(0)); // e^{−∞} = 0 exactly
        double hi = x * x;
        var e = ScaledDerivative.Exp(-hi);
        if (hi <= 1 << 20) // beyond, e^{−hi} is saturated (and lo is no longer small)
            e *= ScaledDerivative.Of(1 - Math.FusedMultiplyAdd(x, x, -hi));
        var first = e.Scale(TwoOverSqrtPi);
        return (first, first.Scale(x).Scale(-2)); // −2x itself overflows for |x| > MaxValue/2; the scaling by −2 is exact
    }

    /// <summary>erfc' = −erf' and erfc'' = 2x·erf' (<see cref="Erf"/>, the same bounds; the plain −d and 2x·d bit for bit).</summary>
    internal static (ScaledDerivative First, ScaledDerivative Second) Erfc(double x)
    {
        double d = 2 * Math.Exp(-(x * x)) / Math.Sqrt(Math.PI), second = 2 * x * d;
        if (Normal(d) && (x == 0 || Normal(second)))
            return (ScaledDerivative.Of(-d), ScaledDerivative.Of(second));
        var (first, _) = Erf(x);
        return (-first, first.Scale(x).Scale(2));
    }

    /// <summary>|log'''(a)| = 2/a³ for a finite a &gt; 0 (m·2^e), for the underflow bound of log''(a) (<see cref="UnderflowError"/>).</summary>
    internal static ScaledDerivative LogThird(double a)
    {
        if (!(a > 0 && double.IsFinite(a)))
            return ScaledDerivative.Of(0); // log of 0 or +∞ is a constant (no derivative part is carried there)
        var r = ScaledDerivative.Reciprocal(a);
        return (r.Squared() * r).Scale(2);
    }

    /// <summary>tanh²x below which 1 − tanh²x has no cancellation (1 − t² ≥ ½): the old formula, within 6u, is kept there.</summary>
    private const double PlainTanhSquared = 0.5;

    /// <summary>
    /// tanh x (the platform's) and its derivatives sech²x and −2tanh x·sech²x for a number x: 1 − t² where t² ≤ ½ (no
    /// cancellation there, within 6u), else <see cref="ScaledDerivative.SechSquared"/> as m·2^e (the written 1 − tanh²x
    /// lost every digit from |x| ≈ 19 on); with the underflow error the value's rounding starts (0 where tanh x is x itself
    /// on the subnormal grid, within |x|³/3, far below a rounding). Shared by <see cref="HyperDual"/> and
    /// <see cref="HessianJet{T}"/> over doubles.
    /// </summary>
    internal static (double Value, ScaledDerivative First, ScaledDerivative Second, double Rounding) Tanh(double x)
    {
        double t = Math.Tanh(x);
        double rounding = t == x ? 0 : UnderflowError.Rounding(t, UnderflowError.Units(x), x != 0, steps: 2);
        if (t * t <= PlainTanhSquared)
        {
            double s = 1 - t * t;
            return (t, ScaledDerivative.Of(s), ScaledDerivative.Of(-2 * t * s), rounding);
        }
        var sech2 = ScaledDerivative.SechSquared(x);
        return (t, sech2, sech2.Scale(-2 * t), rounding);
    }

    /// <summary>
    /// φ(s) = eˢ − 1 − s and its derivatives φ' = expm1(s), φ'' = eˢ for |s| ≤ 0.7 (the Poisson log density near its label,
    /// <see cref="Likelihoods.PoissonNearLabel"/>: φ within 5.7u, expm1 within 3.9u of the double s, eˢ within 1 ulp), with
    /// the underflow error of φ's value where s²/2 lands on the subnormal grid (two roundings: s·s and the product by Q).
    /// Shared by <see cref="HyperDual"/> and <see cref="HessianJet{T}"/> over doubles.
    /// </summary>
    /// <exception cref="ArgumentException">|s| &gt; 0.7 or NaN (the polynomials hold only there).</exception>
    internal static (double Value, ScaledDerivative First, ScaledDerivative Second, double Rounding) ExpRemainder(double s)
    {
        if (!(Math.Abs(s) <= 0.7))
            throw new ArgumentException($"φ(s) = e^s − 1 − s is evaluated for |s| ≤ 0.7 only, got {s:R}.", nameof(s));
        double value = Likelihoods.PoissonNearLabel.ExpRemainder(s);
        double units = Math.ScaleB(Math.Abs(s), 538) * Math.ScaleB(Math.Abs(s), 537) * 0.5; // s²/2 in units of 2^-1075
        double rounding = UnderflowError.Rounding(value, units, s != 0, steps: 2);
        return (value, ScaledDerivative.Of(Likelihoods.PoissonNearLabel.ExpMinusOne(s)), ScaledDerivative.Exp(s), rounding);
    }

    /// <summary>A bound on |tanh'''(a)| = 2sech²a·|1 − 3tanh²a| ≤ 4sech²a (m·2^e), for the underflow bound of tanh''(a).</summary>
    internal static ScaledDerivative TanhThird(double a) => ScaledDerivative.SechSquared(a).Scale(4);

    /// <summary>|√'''(a)| = 3/(8a^{5/2}) for a finite a &gt; 0 (m·2^e), for the underflow bound of √''(a).</summary>
    internal static ScaledDerivative SqrtThird(double a)
    {
        if (!(a > 0 && double.IsFinite(a)))
            return ScaledDerivative.Of(0); // √ of 0 or +∞ is a constant (no derivative part is carried there)
        var r = ScaledDerivative.Reciprocal(Math.Sqrt(a));
        return (r.Squared() * r.Squared() * r).Scale(0.375);
    }

    /// <summary>
    /// A bound on |erf'''(a)| = |4a² − 2|·erf'(a) ≤ 6·max(1, |a|)²·erf'(a) (m·2^e; erfc''' is its negation), for the
    /// underflow bound of erf''(a).
    /// </summary>
    internal static ScaledDerivative ErfThird(double a)
    {
        var (first, _) = Erf(a);
        double m = Math.Max(1, Math.Abs(a));
        return first.Scale(m).Scale(m).Scale(6);
    }

    /// <summary>
    /// <see cref="UnderflowError.Rounding"/> of erfc(a) = <paramref name="f"/>: only a &gt; 26 can land on the subnormal grid
    /// or at 0, and there erfc a &lt; e^{−a²}/(a√π) = erf'(a)/(2a) bounds the exact value. At a = +∞, a value beyond the
    /// range (gap 6), the exact erfc is positive and far below 2^-1075: the floor, 2^-1074 units (it was taken as an exact
    /// 0, and 1/erfc(e^710) failed the divisor's domain check as an ArgumentException).
    /// </summary>
    internal static double ErfcRounding(double f, double a)
    {
        if (!(a > 0))
            return 0;
        if (double.IsPositiveInfinity(a))
            return UnderflowError.Rounding(f, 0);
        var (first, _) = Erf(a);
        return UnderflowError.Rounding(f, first.Magnitude(1074, 1 / a), steps: 2);
    }

    /// <summary>
    /// The rejection of log or √ of a value that is 0 only because it underflowed (its underflow bound is not 0): the exact
    /// argument may be a positive number below 2^-1074, where log is about −745 and not −∞ (a <see cref="DoubleRangeException"/>).
    /// </summary>
    /// <summary>
    /// Rejects, before the domain checks, an argument of log or √ that the domain check would misjudge because of underflow:
    /// a value at or below 0 within its own underflow bound (the exact argument may be positive: 2^-600·2^-600 came out 0),
    /// or a value of 0 whose derivative parts are 0 only by underflow (the exact parts may not be 0, and log and √ have no
    /// derivative there). A <see cref="DoubleRangeException"/>, which the engine settles exactly; the domain checks'
    /// ArgumentException would count as a failure of the code under test.
    /// </summary>
    internal static void RequireDeterminedArgument(string function, double value, double valueBound, bool partBounds, string parameter)
    {
        if (valueBound != 0 && value <= 0 && UnderflowError.Units(value) <= valueBound || value == 0 && partBounds)
            throw UnderflowedArgument(function, parameter);
    }

    /// <summary>The rejection of a divisor whose value came out 0 by underflow (its bound is not 0): the exact divisor may not be 0.</summary>
    internal static DoubleRangeException UnderflowedDivisor(string parameter) => new(
        "a divisor whose value came out 0 by underflow (an earlier result rounded to 0 from a non-zero exact value): the exact quotient may exist and be beyond anything doubles can hold; the divisor must stay above the subnormal range.",
        parameter);

    internal static DoubleRangeException UnderflowedArgument(string function, string parameter) => new(
        $"{function} of a value (or derivative parts) that came out 0 or below by underflow (an earlier result rounded from a different exact value): the exact argument may be positive and below 2^-1074, so {function} of it is undetermined in doubles; the argument must stay above the subnormal range.",
        parameter);

    /// <summary>
    /// Rejects a value outside log's domain: below 0 or NaN, or 0 where the number carries a non-zero derivative part (log
    /// has no derivative there; a value of exactly 0 without one is the constant log 0 = −∞, as <see cref="HyperDual.Log"/>).
    /// </summary>
    internal static void RequireLogDomain(double value, bool hasDerivative, string parameter)
    {
        if (!(value >= 0) || value == 0 && hasDerivative)
            throw new ArgumentException(
                $"log needs a value > 0 (or exactly 0 without a derivative part), got {value:R}{(hasDerivative ? " with a non-zero derivative part" : "")}.",
                parameter);
        RequireFiniteWhereDifferentiated("log", value, hasDerivative, parameter);
    }

    /// <summary>
    /// Rejects a value that has overflowed to +∞: with a derivative part, φ'(+∞) = 0 times parts that overflowed with the
    /// value is undetermined in doubles (log(e^800) gave gradient 0, exact 1; √(e^800) gave 0, exact ½e^400); without one,
    /// log and √ of a value beyond the range are finite (log(e^710) gave +∞, exact 710; <see cref="OverflowError"/>). A
    /// <see cref="DoubleRangeException"/> (the input is valid, doubles cannot answer).
    /// </summary>
    private static void RequireFiniteWhereDifferentiated(string function, double value, bool hasDerivative, string parameter)
    {
        if (double.IsPositiveInfinity(value))
            throw new DoubleRangeException(
                $"{function} of a value beyond the double range (+∞, e.g. an overflowed e^x){(hasDerivative ? " with a non-zero derivative part: its derivatives are" : ": it is finite and")} undetermined in doubles; the value must be at most double.MaxValue.",
                parameter);
    }

    /// <summary>
    /// Rejects a value outside √'s domain: below 0 or NaN, or ±0 where the number carries a non-zero derivative part (√'
    /// is unbounded there).
    /// </summary>
    internal static void RequireSqrtDomain(double value, bool hasDerivative, string parameter)
    {
        if (!(value >= 0) || value == 0 && hasDerivative)
            throw new ArgumentException(
                $"√ needs a value ≥ 0 (> 0 where it carries a derivative), got {value:R}{(hasDerivative ? " with a non-zero derivative part" : "")}.",
                parameter);
        RequireFiniteWhereDifferentiated("√", value, hasDerivative, parameter);
    }

    /// <summary>
    /// The rejection of a quotient by a value that has overflowed to ±∞ where a derivative part or the dividend's ±∞ value
    /// would meet it: every power of 1/b rounds to 0 (or ∞/∞ is NaN), while the exact divisor is a finite value beyond the
    /// range, so the quotient's parts are undetermined in doubles. A <see cref="DoubleRangeException"/>.
    /// </summary>
    internal static DoubleRangeException QuotientByOverflowed(double dividend, string parameter) => new(
        $"a quotient of {dividend:R} by a divisor whose value has overflowed to ±∞ (an exact value beyond ±double.MaxValue), with a derivative part on either side (or an infinite dividend): every power of 1/b rounds to 0 and the parts are undetermined in doubles; the divisor's value must be finite where a derivative is carried.",
        parameter);

    /// <summary>
    /// Rejects a product whose two values are ±∞ and ±0: in doubles either may stand for an overflowed or underflowed
    /// result, so the exact product is undetermined (e^800·e^-800 gave 0, exact 1). Every other ±∞ or 0 factor of a part
    /// is taken as exact (a zero part is an unseeded direction: e^800 with ε₂ unseeded has ε₂ part 0). A
    /// <see cref="DoubleRangeException"/>: the exact product exists, doubles cannot give it.
    /// </summary>
    internal static void RequireDeterminedProduct(double a, double b, string parameter)
    {
        if (double.IsInfinity(a) && b == 0 || a == 0 && double.IsInfinity(b))
            throw new DoubleRangeException(
                $"a product of values {a:R} and {b:R}: ±∞·0 is undetermined in doubles (either may be an overflowed or underflowed result: a value beyond ±double.MaxValue or below the double range); both values must be finite or the zero must be multiplied by a finite value.",
                parameter);
        OverflowError.RequireProduct(a, b, parameter);
    }

    /// <summary>Rejects a NaN value of exp or tanh (their domain is every double, ±∞ included): NaN was passed through.</summary>
    internal static void RequireNumber(string function, double value, string parameter)
    {
        if (double.IsNaN(value))
            throw new ArgumentException($"{function} needs a number (any double, ±∞ included), got NaN.", parameter);
    }

    /// <summary>
    /// Rejects a sum or difference whose value or a part is NaN although no operand's is: ∞ − ∞ of two values or parts
    /// beyond the double range, whose exact difference doubles cannot give (a <see cref="DoubleRangeException"/>).
    /// </summary>
    internal static double RequireDeterminedSum(double sum, double a, double b, string parameter)
    {
        if (double.IsNaN(sum) && !double.IsNaN(a) && !double.IsNaN(b))
            throw new DoubleRangeException(
                $"a sum of {a:R} and {b:R}: ∞ − ∞ is undetermined in doubles (both are values or parts beyond ±double.MaxValue); every value and part must be within the double range.",
                parameter);
        OverflowError.RequireSum(a, b, parameter);
        return sum;
    }

    /// <summary>Rejects a NaN argument of erf or erfc (their domain is every double, ±∞ included).</summary>
    internal static void RequireErfDomain(double value, string parameter)
    {
        if (double.IsNaN(value))
            throw new ArgumentException("erf and erfc need a number (any double, ±∞ included), got NaN.", parameter);
    }
}
