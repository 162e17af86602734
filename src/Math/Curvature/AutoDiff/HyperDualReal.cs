using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// A hyper-dual number a + b·ε₁ + c·ε₂ + d·ε₁ε₂ (ε₁² = ε₂² = 0) over any arithmetic <typeparamref name="T"/>, itself an
/// <see cref="IReal{T}"/>: a function written once over <see cref="IReal{T}"/> evaluated at θ with θ_i seeded by ε₁ and
/// θ_j by ε₂ returns ∂g/∂θ_i in the ε₁ part and ∂²g/∂θ_i∂θ_j in the ε₁ε₂ part, with no step size and no truncation
/// error (Fike &amp; Alonso). Over <see cref="Float64"/> the derivatives are rounded like any double computation; over
/// <see cref="Verification.Numerics.Exact.RationalInterval"/> they are rigorous enclosures of the exact derivatives. For a unary φ:
/// φ(x) = φ(a) + φ'(a)(bε₁ + cε₂) + (φ'(a)d + φ''(a)bc)ε₁ε₂.
/// </summary>
/// <remarks>
/// Comparisons, <see cref="Sign"/>, <see cref="Max"/> and <see cref="Min"/> look at the value only (they select a branch;
/// the derivative of the selected branch is kept); over <see cref="Float64"/> a comparison of two values that are both +∞
/// or both −∞, whose order is lost (gap 6), is a <see cref="DoubleRangeException"/>. <see cref="Abs"/> at a value of exactly 0 with a non-zero
/// infinitesimal part has no derivative and throws <see cref="UndecidedException"/>.
/// </remarks>
/// <typeparam name="T">The arithmetic of the four parts.</typeparam>
public readonly struct HyperDualReal<T> : IReal<HyperDualReal<T>> where T : IReal<T>
{
    /// <summary>The number value + e1·ε₁ + e2·ε₂ + e12·ε₁ε₂.</summary>
    public HyperDualReal(T value, T e1, T e2, T e12)
    {
        Value = value;
        E1 = e1;
        E2 = e2;
        E12 = e12;
    }

    /// <summary>Over <see cref="Float64"/>: a number with the underflow error bounds its parts carry (<see cref="UnderflowError"/>).</summary>
    private HyperDualReal(T value, T e1, T e2, T e12, UnderflowBounds underflow) : this(value, e1, e2, e12) => _underflow = underflow;

    /// <summary>Over <see cref="Float64"/>, the underflow error bounds of the parts (<see cref="HyperDual"/>'s); 0 elsewhere.</summary>
    private readonly UnderflowBounds _underflow;

    /// <summary>The real part: the value of the function.</summary>
    public T Value { get; }

    /// <summary>The ε₁ part: the derivative along the first seed.</summary>
    public T E1 { get; }

    /// <summary>The ε₂ part: the derivative along the second seed.</summary>
    public T E2 { get; }

    /// <summary>The ε₁ε₂ part: the mixed second derivative along both seeds.</summary>
    public T E12 { get; }

    /// <summary>A constant (all infinitesimal parts 0).</summary>
    public static HyperDualReal<T> Constant(T value) => new(value, T.Of(0), T.Of(0), T.Of(0));

    /// <summary>A variable seeded by ε₁ when <paramref name="first"/>, by ε₂ when <paramref name="second"/> (both: the diagonal).</summary>
    public static HyperDualReal<T> Variable(T value, bool first, bool second) =>
        new(value, first ? T.Of(1) : T.Of(0), second ? T.Of(1) : T.Of(0), T.Of(0));

    /// <summary>φ(x) from φ(a), φ'(a), φ''(a).</summary>
    private static HyperDualReal<T> Chain(HyperDualReal<T> x, T f, T df, T d2f) => new(
        EnclosureTrim.Trim(f), EnclosureTrim.Trim(df * x.E1), EnclosureTrim.Trim(df * x.E2), EnclosureTrim.Trim(df * x.E12 + d2f * x.E1 * x.E2));

    /// <inheritdoc />
    public static implicit operator HyperDualReal<T>(int value) => Constant(value);

    /// <inheritdoc />
    public static bool IsRigorous => T.IsRigorous;

    /// <inheritdoc />
    public static HyperDualReal<T> Pi => Constant(T.Pi);

    /// <inheritdoc />
    public static HyperDualReal<T> Of(double value) => Constant(T.Of(value));

    /// <inheritdoc />
    public static HyperDualReal<T> Ratio(long numerator, long denominator) => Constant(T.Ratio(numerator, denominator));

    /// <inheritdoc />
    public static HyperDualReal<T> Rational(Fractions.Fraction value) => Constant(T.Rational(value));

    /// <inheritdoc />
    public static HyperDualReal<T> Input(double value) => Constant(T.Input(value));

    /// <summary>Sum. Over <see cref="Float64"/> it is <see cref="HyperDual"/>'s sum (∞ − ∞ a <see cref="DoubleRangeException"/>, was NaN).</summary>
    public static HyperDualReal<T> operator +(HyperDualReal<T> a, HyperDualReal<T> b) =>
        typeof(T) == typeof(Float64) ? FromDouble(ToDouble(a) + ToDouble(b)) : new(a.Value + b.Value, a.E1 + b.E1, a.E2 + b.E2, a.E12 + b.E12);

    /// <summary>Difference. Over <see cref="Float64"/> it is <see cref="HyperDual"/>'s difference (∞ − ∞ a <see cref="DoubleRangeException"/>, was NaN).</summary>
    public static HyperDualReal<T> operator -(HyperDualReal<T> a, HyperDualReal<T> b) =>
        typeof(T) == typeof(Float64) ? FromDouble(ToDouble(a) - ToDouble(b)) : new(a.Value - b.Value, a.E1 - b.E1, a.E2 - b.E2, a.E12 - b.E12);

    /// <summary>Negation (over <see cref="Float64"/> the parts keep their underflow bounds).</summary>
    public static HyperDualReal<T> operator -(HyperDualReal<T> a) => new(-a.Value, -a.E1, -a.E2, -a.E12, a._underflow);

    /// <summary>
    /// Product. Over <see cref="Float64"/> it is <see cref="HyperDual"/>'s product: the same operations bit for bit where
    /// every part is 0 or within [2^-100, 2^100], one scaled sum per part elsewhere (partial products that overflow or
    /// underflow no longer decide the part: (1e300 + 1e300ε₁)(1e10 − 1e10ε₁) had ε₁ NaN, exact 0); values ±∞ and ±0 are a DoubleRangeException (e^800·e^-800 gave 0, exact 1).
    /// </summary>
    public static HyperDualReal<T> operator *(HyperDualReal<T> a, HyperDualReal<T> b) =>
        typeof(T) == typeof(Float64) ? FromDouble(ToDouble(a) * ToDouble(b)) : GenericProduct(a, b);

    private static HyperDualReal<T> GenericProduct(HyperDualReal<T> a, HyperDualReal<T> b) => new(
        EnclosureTrim.Trim(a.Value * b.Value),
        EnclosureTrim.Trim(a.Value * b.E1 + a.E1 * b.Value),
        EnclosureTrim.Trim(a.Value * b.E2 + a.E2 * b.Value),
        EnclosureTrim.Trim(a.Value * b.E12 + a.E1 * b.E2 + a.E2 * b.E1 + a.E12 * b.Value));

    /// <summary>
    /// Quotient a·(1/b), with 1/x differentiated as a unary function (1/x, −1/x², 2/x³). Over <see cref="Float64"/> it is
    /// <see cref="HyperDual"/>'s quotient (the same operations bit for bit where every part is 0 or within [2^-100, 2^100],
    /// one scaled sum per part elsewhere, and a divisor of value 0 or NaN rejected; see its remarks).
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, b's value is 0 or NaN.</exception>
    public static HyperDualReal<T> operator /(HyperDualReal<T> a, HyperDualReal<T> b)
    {
        if (typeof(T) == typeof(Float64))
            return FromDouble(ToDouble(a) / ToDouble(b));
        var inv = 1 / b.Value;
        var inv2 = inv * inv;
        return a * Chain(b, inv, -inv2, 2 * inv2 * inv);
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are +∞ or both −∞ (<see cref="OverflowError.RequireComparable{T}"/>).</exception>
    public static bool operator <(HyperDualReal<T> a, HyperDualReal<T> b)
    {
        OverflowError.RequireComparable(a.Value, b.Value, "<", nameof(b));
        return a.Value < b.Value;
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are +∞ or both −∞ (<see cref="OverflowError.RequireComparable{T}"/>).</exception>
    public static bool operator >(HyperDualReal<T> a, HyperDualReal<T> b)
    {
        OverflowError.RequireComparable(a.Value, b.Value, ">", nameof(b));
        return a.Value > b.Value;
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are +∞ or both −∞ (<see cref="OverflowError.RequireComparable{T}"/>).</exception>
    public static bool operator <=(HyperDualReal<T> a, HyperDualReal<T> b)
    {
        OverflowError.RequireComparable(a.Value, b.Value, "<=", nameof(b));
        return a.Value <= b.Value;
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are +∞ or both −∞ (<see cref="OverflowError.RequireComparable{T}"/>).</exception>
    public static bool operator >=(HyperDualReal<T> a, HyperDualReal<T> b)
    {
        OverflowError.RequireComparable(a.Value, b.Value, ">=", nameof(b));
        return a.Value >= b.Value;
    }

    /// <summary>
    /// √x: φ' = 1/(2√x), φ'' = −1/(4x^{3/2}). Over <see cref="Float64"/> the derivatives of
    /// <see cref="ElementaryDerivatives.Sqrt"/> (within 2u and 8u; m·2^e beyond the normal range, where 1/s³ was ∞ at
    /// x = 2^-1074 and the parts NaN) through <see cref="HyperDual"/>'s chain rule (bit for bit the plain formula where its
    /// partial products are normal doubles, each part rounded once elsewhere).
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, the value is below 0 or NaN, or ±0 with a non-zero derivative part.</exception>
    public static HyperDualReal<T> Sqrt(HyperDualReal<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            var h = ToDouble(x);
            ElementaryDerivatives.RequireDeterminedArgument("√", h.Value, h.Underflow.Value, h.Underflow.HasPartBounds, nameof(x));
            ElementaryDerivatives.RequireSqrtDomain(h.Value, HasDerivative(h), nameof(x));
            double root = Math.Sqrt(h.Value);
            var (first, second) = h.Value == 0 // +∞ was rejected above (gap 6)
                ? (ScaledDerivative.Of(0), ScaledDerivative.Of(0))
                : ElementaryDerivatives.Sqrt(root);
            return FromDouble(HyperDual.Chain(h, root, first, second, ElementaryDerivatives.SqrtThird, 0, nameof(x)));
        }
        var s = T.Sqrt(x.Value);
        var inv = 1 / s;
        return Chain(x, s, inv / 2, -(inv * inv * inv) / 4);
    }

    /// <summary>
    /// e^x; over <see cref="Float64"/> <see cref="HyperDual"/>'s exp (bit for bit the same where e^x and its products with the
    /// parts are normal doubles; a zero part stays 0 where e^x overflows, and the parts are rounded once where e^x alone is
    /// beyond the range: e^800 with ε₂ unseeded gave NaN parts here).
    /// </summary>
    public static HyperDualReal<T> Exp(HyperDualReal<T> x)
    {
        if (typeof(T) == typeof(Float64))
            return FromDouble(HyperDual.Exp(ToDouble(x)));
        var e = T.Exp(x.Value);
        return Chain(x, e, e, e);
    }

    /// <summary>
    /// φ(s) = eˢ − 1 − s with φ' = eˢ − 1, φ'' = eˢ; over <see cref="Float64"/> <see cref="HyperDual.ExpRemainder"/> (for
    /// |s| ≤ 0.7, without cancellation); other arithmetics as written.
    /// </summary>
    public static HyperDualReal<T> ExpRemainder(HyperDualReal<T> x)
    {
        if (typeof(T) == typeof(Float64))
            return FromDouble(HyperDual.ExpRemainder(ToDouble(x)));
        var e = T.Exp(x.Value);
        return Chain(x, e - 1 - x.Value, e - 1, e);
    }

    /// <summary>
    /// tanh x; over <see cref="Float64"/> <see cref="HyperDual.Tanh"/> (the platform tanh, relative also near 0, where the
    /// written 1 − 2e^{−2x}/(1 + e^{−2x}) of <see cref="CurvatureFormulas.Tanh{U}"/> gave 0 at 2^-66); other arithmetics as
    /// <see cref="HessianJet{T}.Tanh"/>.
    /// </summary>
    public static HyperDualReal<T> Tanh(HyperDualReal<T> x)
    {
        if (typeof(T) == typeof(Float64))
            return FromDouble(HyperDual.Tanh(ToDouble(x)));
        var (h, sech) = HessianJet<T>.TanhAndSechSquared(x.Value);
        return Chain(x, h, sech, -2 * h * sech);
    }

    /// <summary>
    /// log x: φ' = 1/x, φ'' = −1/x². Over <see cref="Float64"/> the derivatives of <see cref="ElementaryDerivatives.Log"/>
    /// (within u and 3u; m·2^e beyond the normal range, where −1/x² was −∞ at x = 1e-200) through
    /// <see cref="HyperDual"/>'s chain rule; log 0 without a derivative part is −∞ (as <see cref="HyperDual.Log"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, the value is below 0 or NaN, or 0 with a non-zero derivative part.</exception>
    public static HyperDualReal<T> Log(HyperDualReal<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            var h = ToDouble(x);
            ElementaryDerivatives.RequireDeterminedArgument("log", h.Value, h.Underflow.Value, h.Underflow.HasPartBounds, nameof(x));
            ElementaryDerivatives.RequireLogDomain(h.Value, HasDerivative(h), nameof(x));
            var (first, second) = h.Value == 0 // +∞ was rejected above (gap 6)
                ? (ScaledDerivative.Of(0), ScaledDerivative.Of(0))
                : ElementaryDerivatives.Log(h.Value);
            return FromDouble(HyperDual.Chain(h, Math.Log(h.Value), first, second, ElementaryDerivatives.LogThird, 0, nameof(x)));
        }
        var inv = 1 / x.Value;
        return Chain(x, T.Log(x.Value), inv, -(inv * inv));
    }

    /// <summary>
    /// erf' = (2/√π)e^(−x²), erf'' = −2x·erf'. Over <see cref="Float64"/> the derivatives of
    /// <see cref="ElementaryDerivatives.Erf"/> (the plain ones, within (x² + 5)u, where normal; m·2^e within 6u beyond, where
    /// erf' underflowed to 0 for |x| &gt; 27) through <see cref="HyperDual"/>'s chain rule.
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, the value is NaN.</exception>
    public static HyperDualReal<T> Erf(HyperDualReal<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            var h = ToDouble(x);
            ElementaryDerivatives.RequireErfDomain(h.Value, nameof(x));
            var (first, second) = ElementaryDerivatives.Erf(h.Value);
            double f = T.Estimate(T.Erf(x.Value));
            return FromDouble(HyperDual.Chain(h, f, first, second, ElementaryDerivatives.ErfThird, UnderflowError.Rounding(f, UnderflowError.Units(2 * h.Value), h.Value != 0, steps: 2), nameof(x)));
        }
        var d = 2 * T.Exp(-(x.Value * x.Value)) / T.Sqrt(T.Pi);
        return Chain(x, T.Erf(x.Value), d, -2 * x.Value * d);
    }

    /// <summary>erfc = 1 − erf: the negated derivatives of <see cref="Erf"/> (over <see cref="Float64"/> the same bounds).</summary>
    /// <exception cref="ArgumentException">Over Float64, the value is NaN.</exception>
    public static HyperDualReal<T> Erfc(HyperDualReal<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            var h = ToDouble(x);
            ElementaryDerivatives.RequireErfDomain(h.Value, nameof(x));
            var (first, second) = ElementaryDerivatives.Erfc(h.Value);
            double f = T.Estimate(T.Erfc(x.Value));
            return FromDouble(HyperDual.Chain(
                h, f, first, second, ElementaryDerivatives.ErfThird, ElementaryDerivatives.ErfcRounding(f, h.Value), nameof(x)));
        }
        var d = 2 * T.Exp(-(x.Value * x.Value)) / T.Sqrt(T.Pi);
        return Chain(x, T.Erfc(x.Value), -d, 2 * x.Value * d);
    }

    /// <inheritdoc />
    /// <exception cref="UndecidedException">the value is exactly 0 and the number carries a derivative (|x| has none there).</exception>
    public static HyperDualReal<T> Abs(HyperDualReal<T> x)
    {
        int s = T.Sign(x.Value);
        if (s > 0)
            return x;
        if (s < 0)
            return -x;
        if (T.Sign(x.E1) == 0 && T.Sign(x.E2) == 0 && T.Sign(x.E12) == 0)
            return x;
        throw new UndecidedException("|x| is not differentiable at x = 0.");
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are the same ±∞ and the parts differ (<see cref="RequireOrdered"/>).</exception>
    public static HyperDualReal<T> Max(HyperDualReal<T> a, HyperDualReal<T> b)
    {
        RequireOrdered(a, b);
        return a.Value >= b.Value ? a : b;
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are the same ±∞ and the parts differ (<see cref="RequireOrdered"/>).</exception>
    public static HyperDualReal<T> Min(HyperDualReal<T> a, HyperDualReal<T> b)
    {
        RequireOrdered(a, b);
        return a.Value <= b.Value ? a : b;
    }

    /// <summary>
    /// Over <see cref="Float64"/>: rejects a choice between two values that are the same ±∞ (each an exact value beyond the
    /// range, gap 6, whose order the doubles have lost) where the parts differ, so that the result's parts depend on the
    /// choice: max(e^{θ+710}, e^711) at θ = 0 gave the first, with ε₁ = +∞, where the larger is the constant e^711 (ε₁ = 0).
    /// </summary>
    private static void RequireOrdered(HyperDualReal<T> a, HyperDualReal<T> b)
    {
        if (typeof(T) != typeof(Float64))
            return;
        double av = T.Estimate(a.Value);
        if (!double.IsInfinity(av) || av != T.Estimate(b.Value)
            || T.Estimate(a.E1).Equals(T.Estimate(b.E1)) && T.Estimate(a.E2).Equals(T.Estimate(b.E2)) && T.Estimate(a.E12).Equals(T.Estimate(b.E12)))
            return;
        throw OverflowError.Unordered(av, nameof(b));
    }

    /// <inheritdoc />
    public static int Sign(HyperDualReal<T> x) => T.Sign(x.Value);

    /// <inheritdoc />
    public static double Estimate(HyperDualReal<T> x) => T.Estimate(x.Value);

    /// <inheritdoc />
    public static bool IsFinite(HyperDualReal<T> x) => T.IsFinite(x.Value) && T.IsFinite(x.E1) && T.IsFinite(x.E2) && T.IsFinite(x.E12);

    /// <summary>The four parts as a double hyper-dual (T is <see cref="Float64"/>).</summary>
    private static HyperDual ToDouble(HyperDualReal<T> x) =>
        new(T.Estimate(x.Value), T.Estimate(x.E1), T.Estimate(x.E2), T.Estimate(x.E12), x._underflow);

    private static bool HasDerivative(HyperDual x) => x.E1 != 0 || x.E2 != 0 || x.E12 != 0;

    /// <summary>A double hyper-dual as four parts (T is <see cref="Float64"/>, whose Of is exact).</summary>
    private static HyperDualReal<T> FromDouble(HyperDual x) => new(T.Of(x.Value), T.Of(x.E1), T.Of(x.E2), T.Of(x.E12), x.Underflow);

    /// <inheritdoc />
    public override string ToString() => $"{Value} + {E1}ε₁ + {E2}ε₂ + {E12}ε₁ε₂";
}
