namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// A hyper-dual number a + b·ε₁ + c·ε₂ + d·ε₁ε₂ with ε₁² = ε₂² = 0 (Fike &amp; Alonso): seeding θ_i with ε₁ and θ_j
/// with ε₂ makes the ε₁ε₂ part of g(θ) exactly ∂²g/∂θ_i∂θ_j (no step size, no truncation error), and the ε₁ part ∂g/∂θ_i.
/// For a unary function φ: φ(x) = φ(a) + φ'(a)(bε₁ + cε₂) + (φ'(a)d + φ''(a)bc)ε₁ε₂.
/// </summary>
public readonly record struct HyperDual(double Value, double E1, double E2, double E12) : IDualScalar<HyperDual>
{
    /// <inheritdoc />
    public static HyperDual Constant(double value) => new(value, 0, 0, 0);

    private static HyperDual Chain(HyperDual x, double f, double df, double d2f) =>
        new(f, df * x.E1, df * x.E2, df * x.E12 + d2f * x.E1 * x.E2);

    /// <inheritdoc />
    public static HyperDual Exp(HyperDual x)
    {
        double e = Math.Exp(x.Value);
        return Chain(x, e, e, e);
    }

    /// <inheritdoc />
    public static HyperDual Log(HyperDual x) => Chain(x, Math.Log(x.Value), 1 / x.Value, -1 / (x.Value * x.Value));

    /// <inheritdoc />
    public static HyperDual Tanh(HyperDual x)
    {
        double t = Math.Tanh(x.Value);
        double s = 1 - t * t;
        return Chain(x, t, s, -2 * t * s);
    }

    /// <summary>Sum.</summary>
    public static HyperDual operator +(HyperDual a, HyperDual b) => new(a.Value + b.Value, a.E1 + b.E1, a.E2 + b.E2, a.E12 + b.E12);

    /// <summary>Difference.</summary>
    public static HyperDual operator -(HyperDual a, HyperDual b) => new(a.Value - b.Value, a.E1 - b.E1, a.E2 - b.E2, a.E12 - b.E12);

    /// <summary>Negation.</summary>
    public static HyperDual operator -(HyperDual a) => new(-a.Value, -a.E1, -a.E2, -a.E12);

    /// <summary>Product.</summary>
    public static HyperDual operator *(HyperDual a, HyperDual b) => new(
        a.Value * b.Value, a.Value * b.E1 + a.E1 * b.Value, a.Value * b.E2 + a.E2 * b.Value,
        a.Value * b.E12 + a.E1 * b.E2 + a.E2 * b.E1 + a.E12 * b.Value);

    /// <summary>Quotient a·(1/b), with 1/x differentiated as a unary function.</summary>
    public static HyperDual operator /(HyperDual a, HyperDual b)
    {
        double inv = 1 / b.Value;
        return a * Chain(b, inv, -inv * inv, 2 * inv * inv * inv);
    }
}
