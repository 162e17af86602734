using System.Numerics;

namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// The arithmetic the generic log-densities and models are written in, so that one formula yields values in
/// double (<see cref="Real"/>) and exact second derivatives by forward mode (<see cref="HyperDual"/>).
/// </summary>
public interface IDualScalar<T> :
    IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>, IMultiplyOperators<T, T, T>,
    IDivisionOperators<T, T, T>, IUnaryNegationOperators<T, T>
    where T : IDualScalar<T>
{
    /// <summary>The real part (the value of the function).</summary>
    double Value { get; }

    /// <summary>A constant.</summary>
    static abstract T Constant(double value);

    /// <summary>exp(x).</summary>
    static abstract T Exp(T x);

    /// <summary>log(x), x &gt; 0.</summary>
    static abstract T Log(T x);

    /// <summary>tanh(x).</summary>
    static abstract T Tanh(T x);
}

/// <summary>A plain double as an <see cref="IDualScalar{T}"/>.</summary>
public readonly record struct Real(double Value) : IDualScalar<Real>
{
    /// <inheritdoc />
    public static Real Constant(double value) => new(value);

    /// <inheritdoc />
    public static Real Exp(Real x) => new(Math.Exp(x.Value));

    /// <summary>log x for x &gt; 0 (the platform log, within 1u; +∞ at +∞).</summary>
    /// <exception cref="ArgumentException">x is 0, −0, below 0 or NaN (log(−1) was NaN and log(±0) −∞, silently).</exception>
    public static Real Log(Real x) => x.Value > 0
        ? new(Math.Log(x.Value))
        : throw new ArgumentException($"log needs x > 0, got {x.Value:R}.", nameof(x));

    /// <inheritdoc />
    public static Real Tanh(Real x) => new(Math.Tanh(x.Value));

    /// <summary>Sum.</summary>
    public static Real operator +(Real a, Real b) => new(a.Value + b.Value);

    /// <summary>Difference.</summary>
    public static Real operator -(Real a, Real b) => new(a.Value - b.Value);

    /// <summary>Product.</summary>
    public static Real operator *(Real a, Real b) => new(a.Value * b.Value);

    /// <summary>Quotient.</summary>
    public static Real operator /(Real a, Real b) => new(a.Value / b.Value);

    /// <summary>Negation.</summary>
    public static Real operator -(Real a) => new(-a.Value);
}
