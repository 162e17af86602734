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
/// Comparisons look at the value only. All variables of one evaluation must share the dimension d.
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
        return new HessianJet<T>(value, x._gradient.Select(v => EnclosureTrim.Trim(s * v)).ToArray(), x._hessian?.Select(v => EnclosureTrim.Trim(s * v)).ToArray());
    }

    private static HessianJet<T> Combine(HessianJet<T> a, HessianJet<T> b, int sign)
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
    public static HessianJet<T> operator -(HessianJet<T> a) => Scale(a, T.Of(-1), -a.Value);

    /// <summary>Product: ∇²(ab) = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ.</summary>
    public static HessianJet<T> operator *(HessianJet<T> a, HessianJet<T> b)
    {
        var value = EnclosureTrim.Trim(a.Value * b.Value);
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

    /// <summary>Quotient a·(1/b), with 1/x differentiated as a unary function (1/x, −1/x², 2/x³).</summary>
    public static HessianJet<T> operator /(HessianJet<T> a, HessianJet<T> b)
    {
        if (b._gradient is null)
            return Scale(a, 1 / b.Value, a.Value / b.Value);
        var inv = 1 / b.Value;
        var inv2 = inv * inv;
        return a * Chain(b, inv, -inv2, 2 * inv2 * inv);
    }

    /// <inheritdoc />
    public static bool operator <(HessianJet<T> a, HessianJet<T> b) => a.Value < b.Value;

    /// <inheritdoc />
    public static bool operator >(HessianJet<T> a, HessianJet<T> b) => a.Value > b.Value;

    /// <inheritdoc />
    public static bool operator <=(HessianJet<T> a, HessianJet<T> b) => a.Value <= b.Value;

    /// <inheritdoc />
    public static bool operator >=(HessianJet<T> a, HessianJet<T> b) => a.Value >= b.Value;

    /// <inheritdoc />
    public static HessianJet<T> Sqrt(HessianJet<T> x)
    {
        var s = T.Sqrt(x.Value);
        if (x._gradient is null)
            return Constant(s);
        var inv = 1 / s;
        return Chain(x, s, inv / 2, -(inv * inv * inv) / 4);
    }

    /// <inheritdoc />
    public static HessianJet<T> Exp(HessianJet<T> x)
    {
        var e = T.Exp(x.Value);
        return Chain(x, e, e, e);
    }

    /// <inheritdoc />
    public static HessianJet<T> Log(HessianJet<T> x)
    {
        if (x._gradient is null)
            return Constant(T.Log(x.Value));
        var inv = 1 / x.Value;
        return Chain(x, T.Log(x.Value), inv, -(inv * inv));
    }

    /// <summary>erf' = (2/√π)e^(−x²), erf'' = −2x·erf'.</summary>
    public static HessianJet<T> Erf(HessianJet<T> x)
    {
        if (x._gradient is null)
            return Constant(T.Erf(x.Value));
        var d = 2 * T.Exp(-(x.Value * x.Value)) / T.Sqrt(T.Pi);
        return Chain(x, T.Erf(x.Value), d, -2 * x.Value * d);
    }

    /// <summary>erfc = 1 − erf: the negated derivatives of <see cref="Erf"/>.</summary>
    public static HessianJet<T> Erfc(HessianJet<T> x)
    {
        if (x._gradient is null)
            return Constant(T.Erfc(x.Value));
        var d = 2 * T.Exp(-(x.Value * x.Value)) / T.Sqrt(T.Pi);
        return Chain(x, T.Erfc(x.Value), -d, 2 * x.Value * d);
    }

    /// <inheritdoc />
    /// <exception cref="UndecidedException">the value is exactly 0 and the jet is not constant (|x| has no derivative there).</exception>
    public static HessianJet<T> Abs(HessianJet<T> x)
    {
        int s = T.Sign(x.Value);
        if (s > 0 || x._gradient is null && s == 0)
            return s > 0 ? x : Constant(T.Abs(x.Value));
        if (s < 0)
            return -x;
        throw new UndecidedException("|x| is not differentiable at x = 0.");
    }

    /// <inheritdoc />
    public static HessianJet<T> Max(HessianJet<T> a, HessianJet<T> b) => a.Value >= b.Value ? a : b;

    /// <inheritdoc />
    public static HessianJet<T> Min(HessianJet<T> a, HessianJet<T> b) => a.Value <= b.Value ? a : b;

    /// <inheritdoc />
    public static int Sign(HessianJet<T> x) => T.Sign(x.Value);

    /// <inheritdoc />
    public static double Estimate(HessianJet<T> x) => T.Estimate(x.Value);

    /// <inheritdoc />
    public static bool IsFinite(HessianJet<T> x) =>
        T.IsFinite(x.Value) && (x._gradient is null || (x._gradient.All(T.IsFinite) && (x._hessian is null || x._hessian.All(T.IsFinite))));

    /// <summary>The value, gradient and Hessian of a scalar g at x, from one evaluation at jets.</summary>
    /// <exception cref="ArgumentException">x is empty.</exception>
    public static (T Value, T[] Gradient, RealMatrix<T> Hessian) Evaluate(Func<HessianJet<T>[], HessianJet<T>> g, IReadOnlyList<T> x)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(x);
        int d = x.Count;
        if (d == 0)
            throw new ArgumentException("x must have at least one coordinate.", nameof(x));
        var r = g(Enumerable.Range(0, d).Select(i => Variable(x[i], i, d)).ToArray());
        var gradient = Enumerable.Range(0, d).Select(r.Gradient).ToArray();
        return (r.Value, gradient, RealMatrix<T>.Create(d, d, r.Hessian));
    }
}
