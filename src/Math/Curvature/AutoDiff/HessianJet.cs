using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// A second-order Taylor jet over any arithmetic <typeparamref name="T"/>, itself an <see cref="IReal{T}"/>: the value of a
/// function of d variables together with its gradient and its Hessian (packed upper triangle), propagated through every
/// operation by the chain rule (vector-mode forward differentiation). One evaluation of a function written once over
/// <see cref="IReal{T}"/> at jets seeded with the unit gradients e_i yields the whole Hessian, where hyper-dual numbers
/// (<see cref="HyperDualReal{T}"/>) need d(d+1)/2 evaluations. Constants carry no arrays (their derivatives are 0), so
/// operations with constants cost O(1); a jet that is linear in the variables carries no Hessian array (it is 0), so linear
/// combinations cost O(d) and only nonlinear operations O(d²).
/// </summary>
/// <remarks>
/// For a unary φ: φ(x) has gradient φ'·∇x and Hessian φ'·∇²x + φ''·∇x∇xᵀ; for a product, ∇²(ab) = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ.
/// Comparisons look at the value only; over <see cref="Float64"/> one of two values that are both +∞ or both −∞, whose
/// order is lost (gap 6), is a <see cref="DoubleRangeException"/>. All variables of one evaluation must share the dimension d.
/// Range over <see cref="Float64"/> (issue 15, item 1), as <see cref="HyperDual"/>: exp, log, √, erf, erfc and the
/// quotient take φ', φ'' as m·2^e where they are beyond the double range or subnormal (<see cref="ScaledDerivative"/>,
/// <see cref="ElementaryDerivatives"/>), and every part of those and of products is the plain formula (bit for bit as
/// before) where each of its partial products is a normal double or has a zero factor, and otherwise one sum rounded once
/// (<see cref="PartSum"/>): within (k + T − 1)·u of its exact value for the rounded φ', φ'' relative to the sum of its T
/// terms' magnitudes (k ≤ 4 factors a term), plus 2^-1074 where subnormal, ±∞ only where that value is beyond
/// ±double.MaxValue; a term with a zero factor is 0 (e^800·0 was NaN) and a part already ±∞ stays ±∞ (both signs, in a part
/// or a sum: a <see cref="DoubleRangeException"/>, was NaN); exp of a NaN value is rejected (was NaN). A product of
/// values ±∞ and ±0, and log or √ of an overflowed value (+∞), are DoubleRangeExceptions (an ArgumentException the
/// verification engine settles exactly): in doubles the result is undetermined (e^800·e^-800 gave 0, exact 1; log(e^800)
/// had gradient 0, exact 1; log(e^710) of a constant was +∞, exact 710). So is every operation that may bring a ±∞ value
/// or part back within the range (gap 6, <see cref="OverflowError"/>: a product by a factor below 1 in magnitude, a sum
/// with a term of the other sign of 2^970 or more, a quotient of it by a divisor above 1 in magnitude or of a non-zero
/// finite value by it; e^710·½ gave +∞, exact 1.1e308): what stays ±∞ is beyond the range.
/// Sums and differences are the IEEE ones (one rounding). Underflow (gap 5): as in <see cref="HyperDual"/>, the value and
/// every part carry a bound on the error that roundings onto the subnormal grid or to 0 have put into them
/// (<see cref="JetUnderflow"/>, <see cref="UnderflowError"/>; none for inputs and constants), and an operation whose result
/// part has a bound beyond 2^-1070 + u·|part| (unless part and bound stay in the subnormal range) is a <see cref="DoubleRangeException"/> (log(2^-1074 + x·2^-538·2^-538) at
/// x = 0 had gradient 0, exact ¼). Out of the domain (<see cref="ArgumentException"/>): log and √
/// below 0 or NaN or at 0 with a non-zero derivative part, erf/erfc of NaN, a quotient by a value of 0 or NaN.
/// Other arithmetics (rational intervals) run the generic formulas unchanged.
/// </remarks>
/// <typeparam name="T">The arithmetic of the parts.</typeparam>
public readonly struct HessianJet<T> : IReal<HessianJet<T>> where T : IReal<T>
{
    private readonly T[]? _gradient;
    private readonly T[]? _hessian;

    private HessianJet(T value, T[]? gradient, T[]? hessian)
    {
        Value = value;
        _gradient = gradient;
        _hessian = hessian;
    }

    /// <summary>
    /// Over <see cref="Float64"/>: the underflow error bounds of the value and parts in <see cref="JetUnderflow"/>'s layout
    /// (units of 2^-1075, <see cref="UnderflowError"/>); null where every one is 0, as for every input and constant.
    /// </summary>
    private readonly double[]? _underflow;

    private HessianJet(T value, T[]? gradient, T[]? hessian, double[]? underflow) : this(value, gradient, hessian) => _underflow = underflow;

    /// <summary>The number of variables (0 for a constant).</summary>
    private int Dimension => _gradient?.Length ?? 0;

    /// <summary>The value and parts in <see cref="JetUnderflow"/>'s layout for d variables (a constant's and a linear jet's missing parts 0; T is <see cref="Float64"/>).</summary>
    private static double[] Parts(HessianJet<T> x, int d)
    {
        var p = new double[JetUnderflow.Length(d)];
        p[0] = D(x.Value);
        if (x._gradient is not null)
            for (int i = 0; i < d; i++)
                p[1 + i] = D(x._gradient[i]);
        if (x._hessian is not null)
            for (int k = 0; k < x._hessian.Length; k++)
                p[1 + d + k] = D(x._hessian[k]);
        return p;
    }

    /// <summary>The underflow bounds in the layout for d variables (0 where none are carried).</summary>
    private static double[] Bounds(HessianJet<T> x, int d)
    {
        var b = new double[JetUnderflow.Length(d)];
        if (x._underflow is not null)
        {
            if (x._underflow.Length == b.Length)
                return (double[])x._underflow.Clone();
            b[0] = x._underflow[0]; // a constant's value bound in a jet of d variables
        }
        return b;
    }

    /// <summary>
    /// <paramref name="r"/> with <paramref name="bounds"/> plus the value's rounding <paramref name="valueRounding"/> and the
    /// parts' <paramref name="roundings"/> (where given), each part checked against its allowance
    /// (<see cref="UnderflowError"/>); r itself where every bound is 0.
    /// </summary>
    /// <exception cref="DoubleRangeException">A part's underflow bound exceeds its allowance.</exception>
    private static HessianJet<T> WithUnderflow(HessianJet<T> r, double[] bounds, double valueRounding, double[]? roundings, string parameter)
    {
        bounds[0] += valueRounding;
        if (roundings is not null)
            for (int t = 0; t < bounds.Length; t++)
                bounds[t] += roundings[t];
        if (JetUnderflow.IsZero(bounds))
            return r;
        int d = r.Dimension;
        JetUnderflow.Require(d, Parts(r, d), bounds, parameter);
        var hessian = r._hessian;
        if (hessian is null && d > 0)
        {
            bool any = false;
            for (int t = 1 + d; t < bounds.Length; t++)
                any |= bounds[t] != 0;
            if (any)
                hessian = Enumerable.Repeat(T.Of(0), d * (d + 1) / 2).ToArray();
        }
        return new HessianJet<T>(r.Value, r._gradient, hessian, bounds);
    }

    /// <summary>True where either jet carries an underflow bound.</summary>
    private static bool Bounded(HessianJet<T> a, HessianJet<T> b) => a._underflow is not null || b._underflow is not null;


    /// <summary>The value.</summary>
    public T Value { get; }

    /// <summary>True when the jet is a constant (no derivative parts). A non-constant jet with no Hessian array is linear.</summary>
    public bool IsConstant => _gradient is null;

    /// <summary>A constant.</summary>
    public static HessianJet<T> Constant(T value) => new(value, null, null);

    /// <summary>The variable x_i of d variables: value x, gradient e_i, Hessian 0.</summary>
    /// <exception cref="ArgumentException">i outside [0, d).</exception>
    public static HessianJet<T> Variable(T value, int i, int d)
    {
        if (d < 1 || i < 0 || i >= d)
            throw new ArgumentException($"need 0 ≤ i < d, got i = {i}, d = {d}.", nameof(i));
        var g = new T[d];
        for (int k = 0; k < d; k++)
            g[k] = k == i ? T.Of(1) : T.Of(0);
        return new HessianJet<T>(value, g, null);
    }

    /// <summary>∂/∂x_i (0 for a constant).</summary>
    public T Gradient(int i) => _gradient is null ? T.Of(0) : _gradient[i];

    /// <summary>∂²/∂x_i∂x_j (0 for a constant).</summary>
    /// <remarks>
    /// Over <see cref="Float64"/> no entry has lost a term to underflow: a part that underflowed carries a bound, and an
    /// operation that would multiply it into a wrong entry (a term of an overflowed gradient part times it included) is
    /// rejected where it happens (<see cref="UnderflowError"/>; 8c·x₀·e^{k·x₁ − 1}, c = 2^1023, k = 2^-1074, at x = (2^-4, 0)
    /// gave ∂²/∂x₀∂x₁ = 0, exact 2^-48/e ≈ 1.3e-15, and is now rejected while the jet is formed). Where ∂/∂x_i is ±∞ the entry
    /// is the jet's part as carried; <see cref="Evaluate(Func{HessianJet{T}[], HessianJet{T}}, IReadOnlyList{T})"/> still
    /// rejects such a Hessian.
    /// </remarks>
    public T Hessian(int i, int j)
    {
        if (_hessian is null)
            return T.Of(0);
        if (i > j)
            (i, j) = (j, i);
        return _hessian[Index(i, j, _gradient!.Length)];
    }

    private static int Index(int i, int j, int d) => i * d - i * (i - 1) / 2 + (j - i);

    private static HessianJet<T> Chain(HessianJet<T> x, T f, T df, T d2f)
    {
        if (x._gradient is null)
            return Constant(f);
        var g = x._gradient;
        int d = g.Length;
        var ng = new T[d];
        for (int i = 0; i < d; i++)
            ng[i] = EnclosureTrim.Trim(df * g[i]);
        var nh = new T[d * (d + 1) / 2];
        var h = x._hessian;
        int k = 0;
        for (int i = 0; i < d; i++)
        {
            var gi = d2f * g[i];
            for (int j = i; j < d; j++, k++)
                nh[k] = EnclosureTrim.Trim(h is null ? gi * g[j] : df * h[k] + gi * g[j]);
        }
        return new HessianJet<T>(EnclosureTrim.Trim(f), ng, nh);
    }

    private static HessianJet<T> Scale(HessianJet<T> x, T s, T value)
    {
        if (x._gradient is null)
            return Constant(value);
        return new HessianJet<T>(value, x._gradient.Select(v => Times(s, v)).ToArray(), x._hessian?.Select(v => Times(s, v)).ToArray());
    }

    /// <summary>
    /// s·v (one rounding in doubles); over <see cref="Float64"/> a product ±∞·0 of non-NaN factors is ±0, as in
    /// <see cref="HyperDual"/>: a part that has overflowed times an exact zero is 0 (e^800·0), not NaN.
    /// </summary>
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, a factor ±∞ beside one below 1 in magnitude (<see cref="OverflowError"/>).</exception>
    private static T Times(T s, T v)
    {
        var p = EnclosureTrim.Trim(s * v);
        if (typeof(T) != typeof(Float64))
            return p;
        OverflowError.RequireProduct(D(s), D(v), "b");
        return T.Of(Times(D(s), D(v), D(p)));
    }

    private static double Times(double s, double v, double p) =>
        double.IsNaN(p) && !double.IsNaN(s) && !double.IsNaN(v) ? (double.IsNegative(s) != double.IsNegative(v) ? -0.0 : 0.0) : p;

    /// <summary>The double of a part (T is <see cref="Float64"/>: exact).</summary>
    private static double D(T x) => T.Estimate(x);

    /// <summary>True when the jet carries a non-zero derivative part (T is <see cref="Float64"/>).</summary>
    private static bool HasDerivative(HessianJet<T> x) =>
        x._gradient is not null && (x._gradient.Any(v => D(v) != 0) || x._hessian is not null && x._hessian.Any(v => D(v) != 0));

    private static HessianJet<T> Combine(HessianJet<T> a, HessianJet<T> b, int sign)
    {
        var combined = CombineParts(a, b, sign);
        if (typeof(T) != typeof(Float64))
            return combined;
        RequireDetermined(combined, a, b, sign);
        if (!Bounded(a, b))
            return combined;
        // A sum that lands on the subnormal grid is exact: the bounds add.
        int d = combined.Dimension;
        var bounds = Bounds(a, d);
        var other = Bounds(b, d);
        for (int t = 0; t < bounds.Length; t++)
            bounds[t] += other[t];
        return WithUnderflow(combined, bounds, 0, null, nameof(b));
    }

    /// <summary>
    /// Over <see cref="Float64"/>: rejects a sum whose value or a part came out NaN from operands without NaN (∞ − ∞ of two
    /// values or parts beyond the double range) with a <see cref="DoubleRangeException"/>; it was returned as NaN.
    /// </summary>
    private static void RequireDetermined(HessianJet<T> sum, HessianJet<T> a, HessianJet<T> b, int sign)
    {
        static bool AnyNaN(HessianJet<T> x) =>
            double.IsNaN(D(x.Value)) || x._gradient is not null && x._gradient.Any(v => double.IsNaN(D(v)))
            || x._hessian is not null && x._hessian.Any(v => double.IsNaN(D(v)));
        if (AnyNaN(sum) && !AnyNaN(a) && !AnyNaN(b))
            throw new DoubleRangeException(
                "a sum of jets has a value or part ∞ − ∞ (both beyond ±double.MaxValue): undetermined in doubles; every value and part must be within the double range.",
                nameof(b));
        // A ±∞ beside a finite term of the other sign may come back within the range (OverflowError).
        if (!AnyInfinite(a) && !AnyInfinite(b))
            return;
        int d = sum.Dimension;
        var pa = Parts(a, d);
        var pb = Parts(b, d);
        for (int t = 0; t < pa.Length; t++)
            OverflowError.RequireSum(pa[t], sign > 0 ? pb[t] : -pb[t], nameof(b));
    }

    /// <summary>True where the value or a part is ±∞ (T is <see cref="Float64"/>).</summary>
    private static bool AnyInfinite(HessianJet<T> x) =>
        double.IsInfinity(D(x.Value)) || x._gradient is not null && x._gradient.Any(v => double.IsInfinity(D(v)))
        || x._hessian is not null && x._hessian.Any(v => double.IsInfinity(D(v)));

    private static HessianJet<T> CombineParts(HessianJet<T> a, HessianJet<T> b, int sign)
    {
        var value = sign > 0 ? a.Value + b.Value : a.Value - b.Value;
        if (a._gradient is null)
            return sign > 0 ? new HessianJet<T>(value, b._gradient, b._hessian) : Scale(b, T.Of(-1), value);
        if (b._gradient is null)
            return new HessianJet<T>(value, a._gradient, a._hessian);
        if (a._gradient.Length != b._gradient.Length)
            throw new ArgumentException($"jets of {a._gradient.Length} and {b._gradient.Length} variables cannot be combined.", nameof(b));
        var g = new T[a._gradient.Length];
        for (int i = 0; i < g.Length; i++)
            g[i] = sign > 0 ? a._gradient[i] + b._gradient[i] : a._gradient[i] - b._gradient[i];
        T[]? h;
        if (a._hessian is null && b._hessian is null)
            h = null;
        else if (b._hessian is null)
            h = a._hessian;
        else if (a._hessian is null)
            h = sign > 0 ? b._hessian : b._hessian.Select(v => -v).ToArray();
        else
        {
            h = new T[a._hessian.Length];
            for (int i = 0; i < h.Length; i++)
                h[i] = sign > 0 ? a._hessian[i] + b._hessian[i] : a._hessian[i] - b._hessian[i];
        }
        return new HessianJet<T>(value, g, h);
    }

    /// <inheritdoc />
    public static implicit operator HessianJet<T>(int value) => Constant(value);

    /// <inheritdoc />
    public static bool IsRigorous => T.IsRigorous;

    /// <inheritdoc />
    public static HessianJet<T> Pi => Constant(T.Pi);

    /// <inheritdoc />
    public static HessianJet<T> Of(double value) => Constant(T.Of(value));

    /// <inheritdoc />
    public static HessianJet<T> Ratio(long numerator, long denominator) => Constant(T.Ratio(numerator, denominator));

    /// <inheritdoc />
    public static HessianJet<T> Rational(Fractions.Fraction value) => Constant(T.Rational(value));

    /// <inheritdoc />
    public static HessianJet<T> Input(double value) => Constant(T.Input(value));

    /// <summary>Sum.</summary>
    public static HessianJet<T> operator +(HessianJet<T> a, HessianJet<T> b) => Combine(a, b, +1);

    /// <summary>Difference.</summary>
    public static HessianJet<T> operator -(HessianJet<T> a, HessianJet<T> b) => Combine(a, b, -1);

    /// <summary>Negation.</summary>
    public static HessianJet<T> operator -(HessianJet<T> a)
    {
        var r = Scale(a, T.Of(-1), -a.Value);
        return a._underflow is null ? r : new HessianJet<T>(r.Value, r._gradient, r._hessian, a._underflow);
    }

    /// <summary>Product: ∇²(ab) = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ.</summary>
    public static HessianJet<T> operator *(HessianJet<T> a, HessianJet<T> b)
    {
        if (typeof(T) == typeof(Float64))
        {
            ElementaryDerivatives.RequireDeterminedProduct(D(a.Value), D(b.Value), nameof(b));
            return DoubleTimes(a, b);
        }
        var value = Times(a.Value, b.Value);
        if (a._gradient is null)
            return Scale(b, a.Value, value);
        if (b._gradient is null)
            return Scale(a, b.Value, value);
        if (a._gradient.Length != b._gradient.Length)
            throw new ArgumentException($"jets of {a._gradient.Length} and {b._gradient.Length} variables cannot be multiplied.", nameof(b));
        var ga = a._gradient;
        var gb = b._gradient;
        int d = ga.Length;
        var g = new T[d];
        for (int i = 0; i < d; i++)
            g[i] = EnclosureTrim.Trim(a.Value * gb[i] + b.Value * ga[i]);
        var h = new T[d * (d + 1) / 2];
        var ha = a._hessian;
        var hb = b._hessian;
        int k = 0;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++, k++)
            {
                var cross = ga[i] * gb[j] + gb[i] * ga[j];
                if (hb is not null)
                    cross += a.Value * hb[k];
                if (ha is not null)
                    cross += b.Value * ha[k];
                h[k] = EnclosureTrim.Trim(cross);
            }
        return new HessianJet<T>(value, g, h);
    }

    /// <summary>
    /// Quotient a·(1/b), with 1/x differentiated as a unary function (1/x, −1/x², 2/x³). Over <see cref="Float64"/>: a
    /// divisor of value 0 or NaN is rejected; where every part of a and b is 0 or within [2^-100, 2^100] that formula
    /// runs (bit for bit as before), elsewhere each part of a/b is one scaled sum of a's parts times the powers of 1/b
    /// (x/x at x = 1e200 had gradient 1e-200, exact 0: 1/x² underflowed), within (k + T − 1)·u plus the error of the
    /// power of 1/b (1/b, 1/b², 2/b³ within u, 3u, 5u: a correctly rounded 1/b is within u, not the ½u stated until
    /// stop 36) relative to the sum of its T ≤ 5 terms' magnitudes (k ≤ 4 factors): at most 13u; a constant divisor divides each part once (correctly rounded) where 1/b or a product with it
    /// leaves the normal range.
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, b's value is 0 or NaN; a <see cref="DoubleRangeException"/> where
    /// b's value has overflowed to ±∞ and a's value is ±∞ or either jet carries a gradient (every power of 1/b rounds to 0,
    /// which dropped the parts: 2^1023/e^x at x = 710 gave gradient and Hessian 0, exact ≈ 0.40).</exception>
    public static HessianJet<T> operator /(HessianJet<T> a, HessianJet<T> b)
    {
        if (typeof(T) == typeof(Float64))
        {
            double bv = D(b.Value);
            if (bv == 0 && b.ValueBound != 0)
                throw ElementaryDerivatives.UnderflowedDivisor(nameof(b));
            if (bv == 0 || double.IsNaN(bv))
                throw new ArgumentException($"the divisor's value must be a non-zero number, got {bv:R}.", nameof(b));
            if (double.IsInfinity(bv) && (double.IsInfinity(D(a.Value)) || a._gradient is not null || b._gradient is not null))
                throw ElementaryDerivatives.QuotientByOverflowed(D(a.Value), nameof(b));
            OverflowError.RequireQuotient(D(a.Value), bv, nameof(b));
            if (b._gradient is null)
                return DoubleScaleDown(a, b);
            if (a._gradient is not null && a._gradient.Length != b._gradient.Length)
                throw new ArgumentException($"jets of {a._gradient.Length} and {b._gradient.Length} variables cannot be divided.", nameof(b));
            if (!ScaledSum.Ordinary(Doubles(a)) || !ScaledSum.Ordinary(Doubles(b)) || Bounded(a, b))
                return DoubleQuotient(a, b);
        }
        if (b._gradient is null)
            return Scale(a, 1 / b.Value, a.Value / b.Value);
        var inv = 1 / b.Value;
        var inv2 = inv * inv;
        return a * Chain(b, inv, -inv2, 2 * inv2 * inv);
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are +∞ or both −∞ (<see cref="OverflowError.RequireComparable{T}"/>).</exception>
    public static bool operator <(HessianJet<T> a, HessianJet<T> b)
    {
        OverflowError.RequireComparable(a.Value, b.Value, "<", nameof(b));
        return a.Value < b.Value;
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are +∞ or both −∞ (<see cref="OverflowError.RequireComparable{T}"/>).</exception>
    public static bool operator >(HessianJet<T> a, HessianJet<T> b)
    {
        OverflowError.RequireComparable(a.Value, b.Value, ">", nameof(b));
        return a.Value > b.Value;
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are +∞ or both −∞ (<see cref="OverflowError.RequireComparable{T}"/>).</exception>
    public static bool operator <=(HessianJet<T> a, HessianJet<T> b)
    {
        OverflowError.RequireComparable(a.Value, b.Value, "<=", nameof(b));
        return a.Value <= b.Value;
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are +∞ or both −∞ (<see cref="OverflowError.RequireComparable{T}"/>).</exception>
    public static bool operator >=(HessianJet<T> a, HessianJet<T> b)
    {
        OverflowError.RequireComparable(a.Value, b.Value, ">=", nameof(b));
        return a.Value >= b.Value;
    }

    /// <summary>
    /// √x: φ' = 1/(2√x), φ'' = −1/(4x^{3/2}). Over <see cref="Float64"/> the derivatives of
    /// <see cref="ElementaryDerivatives.Sqrt"/> (within 2u and 8u, carried as m·2^e beyond the normal range: 1/s³ was ∞
    /// at x = 2^-1074) and each part rounded once where a plain partial product leaves it (see the type's remarks).
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, the value is below 0 or NaN, or ±0 with a non-zero derivative part.</exception>
    public static HessianJet<T> Sqrt(HessianJet<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            double v = D(x.Value);
            ElementaryDerivatives.RequireDeterminedArgument("√", v, x.ValueBound, x.PartBounds, nameof(x));
            ElementaryDerivatives.RequireSqrtDomain(v, HasDerivative(x), nameof(x));
            double root = Math.Sqrt(v);
            if (v == 0) // +∞ was rejected above (its √ is finite, gap 6)
                return DoubleChain(x, root, ScaledDerivative.Of(0), ScaledDerivative.Of(0), ElementaryDerivatives.SqrtThird, 0, nameof(x));
            var (first, second) = ElementaryDerivatives.Sqrt(root);
            return DoubleChain(x, root, first, second, ElementaryDerivatives.SqrtThird, 0, nameof(x));
        }
        var s = T.Sqrt(x.Value);
        if (x._gradient is null)
            return Constant(s);
        var inv = 1 / s;
        return Chain(x, s, inv / 2, -(inv * inv * inv) / 4);
    }

    /// <summary>
    /// e^x. Over <see cref="Float64"/>: e^x as <see cref="ScaledDerivative.Exp"/> (the platform exp where normal, m·2^e within
    /// 2u beyond) and each part rounded once where a plain partial product leaves the normal range: at x = 800 the value and
    /// the seeded parts are +∞ and the parts with a zero factor 0 (were NaN, ∞·0); e^-800·2^600 is 1.5e-167 (was 0). At a
    /// value of −∞ (beyond the range, gap 6) the value 0 starts an underflow bound, as <see cref="HyperDual.Exp"/>.
    /// </summary>
    public static HessianJet<T> Exp(HessianJet<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            double v = D(x.Value);
            ElementaryDerivatives.RequireNumber("exp", v, nameof(x));
            var d = ScaledDerivative.Exp(v);
            double exp = Math.Exp(v);
            return DoubleChain(x, exp, d, d, ScaledDerivative.Exp, UnderflowError.Rounding(exp, d.Magnitude(1075, 1), steps: 2), nameof(x));
        }
        var e = T.Exp(x.Value);
        return Chain(x, e, e, e);
    }

    /// <summary>
    /// log x: φ' = 1/x, φ'' = −1/x². Over <see cref="Float64"/> the derivatives of <see cref="ElementaryDerivatives.Log"/>
    /// (within u and 3u, m·2^e beyond the normal range: log'' at 1e-200 was −∞) and each part rounded once where a plain
    /// partial product leaves the range; log 0 of a jet without a derivative part is −∞ (as <see cref="HyperDual.Log"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, the value is below 0 or NaN, or 0 with a non-zero derivative part.</exception>
    public static HessianJet<T> Log(HessianJet<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            double v = D(x.Value);
            ElementaryDerivatives.RequireDeterminedArgument("log", v, x.ValueBound, x.PartBounds, nameof(x));
            ElementaryDerivatives.RequireLogDomain(v, HasDerivative(x), nameof(x));
            if (v == 0) // +∞ was rejected above (its log is finite, gap 6)
                return DoubleChain(x, Math.Log(v), ScaledDerivative.Of(0), ScaledDerivative.Of(0), ElementaryDerivatives.LogThird, 0, nameof(x));
            var (first, second) = ElementaryDerivatives.Log(v);
            return DoubleChain(x, Math.Log(v), first, second, ElementaryDerivatives.LogThird, 0, nameof(x));
        }
        if (x._gradient is null)
            return Constant(T.Log(x.Value));
        var inv = 1 / x.Value;
        return Chain(x, T.Log(x.Value), inv, -(inv * inv));
    }

    /// <summary>
    /// erf' = (2/√π)e^(−x²), erf'' = −2x·erf'. Over <see cref="Float64"/> the derivatives of
    /// <see cref="ElementaryDerivatives.Erf"/> (the plain ones within (x² + 5)u where normal, m·2^e within 6u beyond: erf'
    /// underflowed to 0 for |x| &gt; 27 while its products with large parts need not) and each part rounded once where a
    /// plain partial product leaves the normal range.
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, the value is NaN.</exception>
    public static HessianJet<T> Erf(HessianJet<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            double v = D(x.Value);
            ElementaryDerivatives.RequireErfDomain(v, nameof(x));
            var (first, second) = ElementaryDerivatives.Erf(v);
            double f = D(T.Erf(x.Value));
            return DoubleChain(x, f, first, second, ElementaryDerivatives.ErfThird, UnderflowError.Rounding(f, UnderflowError.Units(2 * v), v != 0, steps: 2), nameof(x));
        }
        if (x._gradient is null)
            return Constant(T.Erf(x.Value));
        var d = 2 * T.Exp(-(x.Value * x.Value)) / T.Sqrt(T.Pi);
        return Chain(x, T.Erf(x.Value), d, -2 * x.Value * d);
    }

    /// <summary>erfc = 1 − erf: the negated derivatives of <see cref="Erf"/> (over <see cref="Float64"/> the same bounds).</summary>
    /// <exception cref="ArgumentException">Over Float64, the value is NaN.</exception>
    public static HessianJet<T> Erfc(HessianJet<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            double v = D(x.Value);
            ElementaryDerivatives.RequireErfDomain(v, nameof(x));
            var (first, second) = ElementaryDerivatives.Erfc(v);
            double f = D(T.Erfc(x.Value));
            return DoubleChain(x, f, first, second, ElementaryDerivatives.ErfThird, ElementaryDerivatives.ErfcRounding(f, v), nameof(x));
        }
        if (x._gradient is null)
            return Constant(T.Erfc(x.Value));
        var d = 2 * T.Exp(-(x.Value * x.Value)) / T.Sqrt(T.Pi);
        return Chain(x, T.Erfc(x.Value), -d, 2 * x.Value * d);
    }

    /// <summary>
    /// φ(s) = eˢ − 1 − s with φ' = eˢ − 1, φ'' = eˢ; over <see cref="Float64"/> from
    /// <see cref="ElementaryDerivatives.ExpRemainder"/> (for |s| ≤ 0.7, without cancellation); other arithmetics as written.
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, |s| &gt; 0.7 or NaN.</exception>
    public static HessianJet<T> ExpRemainder(HessianJet<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            var (v, first, second, rounding) = ElementaryDerivatives.ExpRemainder(D(x.Value));
            return DoubleChain(x, v, first, second, ScaledDerivative.Exp, rounding, nameof(x));
        }
        var e = T.Exp(x.Value);
        return Chain(x, e - 1 - x.Value, e - 1, e);
    }

    /// <summary>
    /// tanh x: φ' = sech²x, φ'' = −2·tanh x·sech²x. Over <see cref="Float64"/> the value is the platform tanh (within 2 ulp,
    /// relative also near 0) and the derivatives <see cref="HyperDual.Tanh"/>'s (1 − t² where t² ≤ ½, else sech²x as m·2^e):
    /// the written 1 − 2e^{−2x}/(1 + e^{−2x}) of <see cref="CurvatureFormulas.Tanh{U}"/> cancels near 0 (tanh 2^-66 was 0,
    /// so an MLP's f = W₂·tanh(W₁x) at W₁ = 2^-66, W₂ = 2^66 was 0, exact ≈ 1). Other arithmetics: the value and sech²x
    /// from e^{−2|x|} ≤ 1 (nothing overflows), φ'' = −2·tanh·sech².
    /// </summary>
    /// <exception cref="ArgumentException">Over Float64, the value is NaN.</exception>
    public static HessianJet<T> Tanh(HessianJet<T> x)
    {
        if (typeof(T) == typeof(Float64))
        {
            double v = D(x.Value);
            ElementaryDerivatives.RequireNumber("tanh", v, nameof(x));
            var (t, first, second, rounding) = ElementaryDerivatives.Tanh(v);
            return DoubleChain(x, t, first, second, ElementaryDerivatives.TanhThird, rounding, nameof(x));
        }
        var (h, sech) = TanhAndSechSquared(x.Value);
        if (x._gradient is null)
            return Constant(h);
        return Chain(x, h, sech, -2 * h * sech);
    }

    /// <summary>tanh a and sech²a = 4e/(1 + e)² with e = e^{−2|a|} ≤ 1 (no overflow, no cancellation in sech²).</summary>
    internal static (T Tanh, T SechSquared) TanhAndSechSquared(T a)
    {
        bool negative = a < T.Of(0);
        var e = T.Exp(negative ? 2 * a : -2 * a);
        var h = 1 - 2 * e / (1 + e);
        return (negative ? -h : h, 4 * e / ((1 + e) * (1 + e)));
    }

    /// <inheritdoc />
    /// <exception cref="UndecidedException">the value is exactly 0 and the jet is not constant (|x| has no derivative there).</exception>
    public static HessianJet<T> Abs(HessianJet<T> x)
    {
        int s = T.Sign(x.Value);
        if (s > 0 || x._gradient is null && s == 0)
            return s > 0 ? x : new HessianJet<T>(T.Abs(x.Value), null, null, x._underflow); // a zero that underflowed keeps its bound
        if (s < 0)
            return -x;
        throw new UndecidedException("|x| is not differentiable at x = 0.");
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are the same ±∞ and the parts differ (<see cref="RequireOrdered"/>).</exception>
    public static HessianJet<T> Max(HessianJet<T> a, HessianJet<T> b)
    {
        RequireOrdered(a, b);
        return a.Value >= b.Value ? a : b;
    }

    /// <inheritdoc />
    /// <exception cref="DoubleRangeException">Over <see cref="Float64"/>, both values are the same ±∞ and the parts differ (<see cref="RequireOrdered"/>).</exception>
    public static HessianJet<T> Min(HessianJet<T> a, HessianJet<T> b)
    {
        RequireOrdered(a, b);
        return a.Value <= b.Value ? a : b;
    }

    /// <summary>
    /// Over <see cref="Float64"/>: rejects a choice between two values that are the same ±∞ (each an exact value beyond the
    /// range, gap 6, whose order the doubles have lost) where the jets' parts differ, so that the result's parts depend on
    /// the choice: max(e^{x+710}, e^711) at x = 0 gave the first, with gradient +∞, where the larger is the constant e^711
    /// (gradient 0). Equal parts give the same jet either way.
    /// </summary>
    private static void RequireOrdered(HessianJet<T> a, HessianJet<T> b)
    {
        if (typeof(T) != typeof(Float64))
            return;
        double av = D(a.Value);
        if (!double.IsInfinity(av) || av != D(b.Value))
            return;
        int d = Math.Max(a.Dimension, b.Dimension);
        bool sameShape = (a.IsConstant || a.Dimension == d) && (b.IsConstant || b.Dimension == d);
        if (sameShape && Parts(a, d).AsSpan().SequenceEqual(Parts(b, d)))
            return;
        throw OverflowError.Unordered(av, nameof(b));
    }

    /// <inheritdoc />
    public static int Sign(HessianJet<T> x) => T.Sign(x.Value);

    /// <inheritdoc />
    public static double Estimate(HessianJet<T> x) => T.Estimate(x.Value);

    /// <inheritdoc />
    public static bool IsFinite(HessianJet<T> x) =>
        T.IsFinite(x.Value) && (x._gradient is null || (x._gradient.All(T.IsFinite) && (x._hessian is null || x._hessian.All(T.IsFinite))));

    /// <summary>The value's underflow bound (0 where none is carried).</summary>
    private double ValueBound => _underflow?[0] ?? 0;

    /// <summary>True where a gradient or Hessian part carries an underflow bound.</summary>
    private bool PartBounds => _underflow is not null && _underflow.Skip(1).Any(b => b != 0);

    /// <summary>The value and every part (T is <see cref="Float64"/>).</summary>
    private static double[] Doubles(HessianJet<T> x)
    {
        int d = x._gradient?.Length ?? 0, p = x._hessian?.Length ?? 0;
        var all = new double[1 + d + p];
        all[0] = D(x.Value);
        for (int i = 0; i < d; i++)
            all[1 + i] = D(x._gradient![i]);
        for (int i = 0; i < p; i++)
            all[1 + d + i] = D(x._hessian![i]);
        return all;
    }

    /// <summary>
    /// φ(x) over <see cref="Float64"/> from φ(a) and φ'(a), φ''(a) as normal doubles or m·2^e: each part φ'·∇x_i and
    /// φ'·∇²x_ij + φ''·∇x_i·∇x_j is the plain product and sum (bit for bit the generic <see cref="Chain"/>) where every partial
    /// product is a normal double or has a zero factor (<see cref="HyperDual.Trusted"/>), and otherwise one
    /// <see cref="PartSum"/> rounded once: within (k + 2)·u of its exact value for the rounded φ', φ'' relative to the sum
    /// of its terms' magnitudes (k ≤ 3 factors), plus 2^-1074 where subnormal; a term with a zero factor is 0 (e^800·0).
    /// </summary>
    /// <remarks>
    /// Underflow bounds (<see cref="UnderflowError"/>): <see cref="JetUnderflow.Chain"/>'s, with <paramref name="third"/>
    /// (|φ'''|, called only where the value carries a bound), <paramref name="valueRounding"/> for φ(a) and 1 for each
    /// part whose scaled form landed on the subnormal grid or at 0.
    /// </remarks>
    private static HessianJet<T> DoubleChain(
        HessianJet<T> x, double f, ScaledDerivative df, ScaledDerivative d2f, Func<double, ScaledDerivative> third, double valueRounding, string parameter)
    {
        var r = DoubleChainParts(x, f, df, d2f, parameter, out var roundings);
        if (x._underflow is null && roundings is null && valueRounding == 0)
            return r;
        int d = x.Dimension;
        var bx = Bounds(x, d);
        var d3f = bx[0] == 0 ? default : third(D(x.Value));
        return WithUnderflow(r, JetUnderflow.Chain(d, Parts(x, d), bx, df, d2f, d3f), valueRounding, roundings, parameter);
    }

    /// <summary><see cref="DoubleChain"/>'s parts, with 1 in <paramref name="roundings"/> (null where none) for each scaled part that landed on the subnormal grid or at 0.</summary>
    private static HessianJet<T> DoubleChainParts(HessianJet<T> x, double f, ScaledDerivative df, ScaledDerivative d2f, string parameter, out double[]? roundings)
    {
        roundings = null;
        if (x._gradient is null)
            return Constant(T.Of(f));
        var g = x._gradient.Select(D).ToArray();
        var h = x._hessian?.Select(D).ToArray();
        int d = g.Length;
        bool plain = df.IsNormal && d2f.IsNormal;
        double d1 = df.Value, d2 = d2f.Value;
        var ng = new T[d];
        for (int i = 0; i < d; i++)
        {
            double p = d1 * g[i];
            if (plain && HyperDual.Trusted(p, d1, g[i]))
                ng[i] = T.Of(p);
            else
            {
                double scaled = df.Apply(g[i], parameter);
                double units = df.ApplyRounding(scaled, g[i]);
                if (units != 0)
                    (roundings ??= new double[JetUnderflow.Length(d)])[1 + i] = units;
                ng[i] = T.Of(scaled);
            }
        }
        var nh = new T[d * (d + 1) / 2];
        int k = 0;
        for (int i = 0; i < d; i++)
        {
            double gi = d2 * g[i];
            for (int j = i; j < d; j++, k++)
            {
                double t3 = gi * g[j];
                double hk = h is null ? 0 : h[k], t1 = d1 * hk;
                double sum3 = h is null ? t3 : t1 + t3;
                if (plain && HyperDual.Trusted(gi, d2, g[i]) && HyperDual.Trusted(t3, gi, g[j]) && (h is null || HyperDual.Trusted(t1, d1, hk))
                    && double.IsFinite(sum3))
                {
                    nh[k] = T.Of(sum3);
                    continue;
                }
                var sum = new PartSum();
                if (h is not null)
                    df.AddTimes(ref sum, hk);
                d2f.AddTimes(ref sum, g[i], g[j]);
                if (sum.UnderflowUnits != 0)
                    (roundings ??= new double[JetUnderflow.Length(d)])[1 + d + k] = sum.UnderflowUnits;
                nh[k] = T.Of(sum.Rounded(parameter));
            }
        }
        return new HessianJet<T>(T.Of(f), ng, nh);
    }

    /// <summary>
    /// The product over <see cref="Float64"/>: by a constant each part is one plain product (<see cref="Scale"/>), else
    /// <see cref="DoubleProduct"/>; with the underflow bounds of both factors' terms and of every rounding that landed on the
    /// subnormal grid or at 0 (<see cref="UnderflowError"/>).
    /// </summary>
    private static HessianJet<T> DoubleTimes(HessianJet<T> a, HessianJet<T> b)
    {
        var value = Times(a.Value, b.Value);
        HessianJet<T> r;
        double[]? roundings;
        if (a._gradient is null || b._gradient is null)
        {
            var (scale, other) = a._gradient is null ? (a, b) : (b, a);
            r = Scale(other, scale.Value, value);
            roundings = ScaleRoundings(r, D(scale.Value), other);
        }
        else
        {
            if (a._gradient.Length != b._gradient.Length)
                throw new ArgumentException($"jets of {a._gradient.Length} and {b._gradient.Length} variables cannot be multiplied.", nameof(b));
            r = DoubleProduct(a, b, value, out roundings);
        }
        double valueRounding = UnderflowError.ProductRounding(D(value), D(a.Value), D(b.Value));
        if (!Bounded(a, b) && roundings is null && valueRounding == 0)
            return r;
        int d = r.Dimension;
        return WithUnderflow(r, JetUnderflow.Product(d, Parts(a, d), Bounds(a, d), Parts(b, d), Bounds(b, d)), valueRounding, roundings, nameof(b));
    }

    /// <summary>
    /// The roundings of a product by a constant s (<see cref="Scale"/>): 1 for each part of <paramref name="r"/> on the
    /// subnormal grid or at 0 where s and the other's part are non-zero finite doubles; null where there is none.
    /// </summary>
    private static double[]? ScaleRoundings(HessianJet<T> r, double s, HessianJet<T> other)
    {
        if (s == 0 || !double.IsFinite(s) || r._gradient is null)
            return null;
        int d = r._gradient.Length;
        double[]? roundings = null;
        void Mark(int t, T part, T factor)
        {
            double units = UnderflowError.ProductRounding(D(part), s, D(factor));
            if (units != 0)
                (roundings ??= new double[JetUnderflow.Length(d)])[t] = units;
        }
        for (int i = 0; i < d; i++)
            Mark(1 + i, r._gradient[i], other._gradient![i]);
        if (r._hessian is not null)
            for (int k = 0; k < r._hessian.Length; k++)
                Mark(1 + d + k, r._hessian[k], other._hessian![k]);
        return roundings;
    }

    /// <summary>
    /// The product of two non-constant jets over <see cref="Float64"/>: each part the plain formula (bit for bit the generic
    /// one) where every partial product is a normal double or has a zero factor and the plain sum is finite (a partial sum
    /// of normal products may overflow where the part does not: 2^1023 + 2^1023 − 2^1023 was +∞), else one <see cref="PartSum"/> of its
    /// two-factor terms (within (T + 1)·u of the exact part relative to the sum of its T ≤ 4 terms' magnitudes, plus
    /// 2^-1074 where subnormal): e^-700·2^-99 times 2^99 no longer rounds to 0 in between.
    /// </summary>
    private static HessianJet<T> DoubleProduct(HessianJet<T> a, HessianJet<T> b, T value, out double[]? roundings)
    {
        roundings = null;
        double av = D(a.Value), bv = D(b.Value);
        var ga = a._gradient!.Select(D).ToArray();
        var gb = b._gradient!.Select(D).ToArray();
        var ha = a._hessian?.Select(D).ToArray();
        var hb = b._hessian?.Select(D).ToArray();
        int d = ga.Length;
        var g = new T[d];
        for (int i = 0; i < d; i++)
        {
            double p1 = av * gb[i], p2 = bv * ga[i], plain = p1 + p2;
            if (HyperDual.Trusted(p1, av, gb[i]) && HyperDual.Trusted(p2, bv, ga[i]) && double.IsFinite(plain))
                g[i] = T.Of(plain);
            else
            {
                var sum = new PartSum();
                sum.Add(av, gb[i]);
                sum.Add(bv, ga[i]);
                if (sum.UnderflowUnits != 0)
                    (roundings ??= new double[JetUnderflow.Length(d)])[1 + i] = sum.UnderflowUnits;
                g[i] = T.Of(sum.Rounded(nameof(b)));
            }
        }
        var h = new T[d * (d + 1) / 2];
        int k = 0;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++, k++)
            {
                double c1 = ga[i] * gb[j], c2 = gb[i] * ga[j];
                double hbk = hb is null ? 0 : hb[k], hak = ha is null ? 0 : ha[k];
                double c3 = av * hbk, c4 = bv * hak;
                if (HyperDual.Trusted(c1, ga[i], gb[j]) && HyperDual.Trusted(c2, gb[i], ga[j])
                    && (hb is null || HyperDual.Trusted(c3, av, hbk)) && (ha is null || HyperDual.Trusted(c4, bv, hak)))
                {
                    double cross = c1 + c2;
                    if (hb is not null)
                        cross += c3;
                    if (ha is not null)
                        cross += c4;
                    if (double.IsFinite(cross))
                    {
                        h[k] = T.Of(cross);
                        continue;
                    }
                }
                var sum = new PartSum();
                sum.Add(ga[i], gb[j]);
                sum.Add(gb[i], ga[j]);
                if (hb is not null)
                    sum.Add(av, hbk);
                if (ha is not null)
                    sum.Add(bv, hak);
                if (sum.UnderflowUnits != 0)
                    (roundings ??= new double[JetUnderflow.Length(d)])[1 + d + k] = sum.UnderflowUnits;
                h[k] = T.Of(sum.Rounded(nameof(b)));
            }
        return new HessianJet<T>(value, g, h);
    }

    /// <summary>
    /// a/b for a constant b over <see cref="Float64"/>: each part (1/b)·v as before where 1/b and that product are normal
    /// doubles (or v is 0), else v/b, one correctly rounded division (1/b overflowed for a subnormal b, and (1/b)·v rounded
    /// twice across the subnormal range).
    /// </summary>
    private static HessianJet<T> DoubleScaleDown(HessianJet<T> a, HessianJet<T> divisor)
    {
        double b = D(divisor.Value);
        double inv = 1 / b;
        int d = a.Dimension;
        double[]? roundings = null;
        double Part(double v, int t)
        {
            OverflowError.RequireQuotient(v, b, nameof(b));
            double p = inv * v;
            if (HyperDual.Trusted(p, inv, v) && Math.Abs(inv) >= ScaledDerivative.MinNormal && double.IsFinite(inv))
                return p;
            double q = v / b;
            double units = UnderflowError.QuotientRounding(q, v, b);
            if (units != 0)
                (roundings ??= new double[JetUnderflow.Length(d)])[t] = units;
            return q;
        }
        double av = D(a.Value), qv = av / b;
        var value = T.Of(qv);
        var r = a._gradient is null
            ? Constant(value)
            : new HessianJet<T>(value, a._gradient.Select((v, i) => T.Of(Part(D(v), 1 + i))).ToArray(),
                a._hessian?.Select((v, k) => T.Of(Part(D(v), 1 + d + k))).ToArray());
        double valueRounding = UnderflowError.QuotientRounding(qv, av, b);
        if (!Bounded(a, divisor) && roundings is null && valueRounding == 0)
            return r;
        var (m, bi) = JetUnderflow.Reciprocal(0, [b], [divisor.ValueBound]);
        var inverse = new double[JetUnderflow.Length(d)];
        var inverseBounds = new double[JetUnderflow.Length(d)];
        inverse[0] = m[0];
        inverseBounds[0] = bi[0];
        return WithUnderflow(r, JetUnderflow.Product(d, Parts(a, d), Bounds(a, d), inverse, inverseBounds), valueRounding, roundings, nameof(b));
    }

    /// <summary>
    /// a/b over <see cref="Float64"/> for a non-constant b where a part of a or b is outside [2^-100, 2^100]: with r_k = 1/b^k,
    /// ∇q = r₁∇a − r₂·a∇b and ∇²q = r₁∇²a − r₂(∇a∇bᵀ + ∇b∇aᵀ + a∇²b) + 2r₃·a∇b∇bᵀ, each part one <see cref="PartSum"/>.
    /// </summary>
    private static HessianJet<T> DoubleQuotient(HessianJet<T> a, HessianJet<T> b)
    {
        double av = D(a.Value), bv = D(b.Value);
        int d = b._gradient!.Length;
        var ga = a._gradient?.Select(D).ToArray() ?? new double[d];
        var gb = b._gradient.Select(D).ToArray();
        var ha = a._hessian?.Select(D).ToArray();
        var hb = b._hessian?.Select(D).ToArray();
        var r1 = ScaledDerivative.Reciprocal(bv);
        var r2 = r1.Squared();
        var minusR2 = -r2;
        var twoR3 = (r2 * r1).Scale(2);
        double[]? roundings = null;
        var g = new T[d];
        for (int i = 0; i < d; i++)
        {
            var sum = new PartSum();
            r1.AddTimes(ref sum, ga[i]);
            minusR2.AddTimes(ref sum, av, gb[i]);
            if (sum.UnderflowUnits != 0)
                (roundings ??= new double[JetUnderflow.Length(d)])[1 + i] = sum.UnderflowUnits;
            g[i] = T.Of(sum.Rounded(nameof(b)));
        }
        var h = new T[d * (d + 1) / 2];
        int k = 0;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++, k++)
            {
                var sum = new PartSum();
                if (ha is not null)
                    r1.AddTimes(ref sum, ha[k]);
                minusR2.AddTimes(ref sum, ga[i], gb[j]);
                minusR2.AddTimes(ref sum, gb[i], ga[j]);
                if (hb is not null)
                    minusR2.AddTimes(ref sum, av, hb[k]);
                twoR3.AddTimes(ref sum, av, gb[i], gb[j]);
                if (sum.UnderflowUnits != 0)
                    (roundings ??= new double[JetUnderflow.Length(d)])[1 + d + k] = sum.UnderflowUnits;
                h[k] = T.Of(sum.Rounded(nameof(b)));
            }
        double qv = av / bv;
        var q = new HessianJet<T>(T.Of(qv), g, h);
        double valueRounding = UnderflowError.QuotientRounding(qv, av, bv);
        if (!Bounded(a, b) && roundings is null && valueRounding == 0)
            return q;
        var (m, bi) = JetUnderflow.Reciprocal(d, Parts(b, d), Bounds(b, d));
        return WithUnderflow(q, JetUnderflow.Product(d, Parts(a, d), Bounds(a, d), m, bi), valueRounding, roundings, nameof(b));
    }

    /// <summary>The value, gradient and Hessian of a scalar g at x, from one evaluation at jets.</summary>
    /// <exception cref="ArgumentException">x is empty; a <see cref="DoubleRangeException"/> naming x where a gradient entry is
    /// not finite (its Hessian entries may have lost a term, see <see cref="Hessian(int, int)"/>'s remarks; the rejection is
    /// conservative: it also comes where no term was lost).</exception>
    public static (T Value, T[] Gradient, RealMatrix<T> Hessian) Evaluate(Func<HessianJet<T>[], HessianJet<T>> g, IReadOnlyList<T> x) =>
        Evaluate(g, x, nameof(x));

    /// <summary><see cref="Evaluate(Func{HessianJet{T}[], HessianJet{T}}, IReadOnlyList{T})"/>, naming the point
    /// <paramref name="pointName"/> (a caller's own parameter) in its rejections.</summary>
    internal static (T Value, T[] Gradient, RealMatrix<T> Hessian) Evaluate(Func<HessianJet<T>[], HessianJet<T>> g, IReadOnlyList<T> x, string pointName)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(x);
        int d = x.Count;
        if (d == 0)
            throw new ArgumentException($"{pointName} must have at least one coordinate.", pointName);
        var r = g(Enumerable.Range(0, d).Select(i => Variable(x[i], i, d)).ToArray());
        var gradient = Enumerable.Range(0, d).Select(r.Gradient).ToArray();
        for (int i = 0; i < d; i++)
            if (!T.IsFinite(gradient[i]))
                throw new DoubleRangeException(
                    $"the gradient's entry {i} is {Require.Show(T.Estimate(gradient[i]))} at {pointName}: beyond the double range, so the Hessian's entries along coordinate {i} may have lost a term (an overflowed part times one that underflowed to 0); the Hessian is not computed. Every first derivative must be within ±double.MaxValue.",
                    pointName);
        return (r.Value, gradient, RealMatrix<T>.Create(d, d, r.Hessian));
    }
}
