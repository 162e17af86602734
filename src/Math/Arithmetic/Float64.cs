using System.Globalization;

namespace Verification.Numerics.Arithmetic;

/// <summary>
/// IEEE-754 double arithmetic as an <see cref="IReal{T}"/>: round-to-nearest, fast, not rigorous. The engine's
/// search runs statements in it; an apparent violation is then re-evaluated in rigorous arithmetic. Overflow and NaN
/// are kept (<see cref="IsFinite"/> tells), never thrown.
/// </summary>
public readonly record struct Float64(double Value) : IReal<Float64>
{
    /// <inheritdoc />
    public static implicit operator Float64(int value) => new(value);

    /// <summary>The double.</summary>
    public static explicit operator double(Float64 x) => x.Value;

    /// <inheritdoc />
    public static bool IsRigorous => false;

    /// <inheritdoc />
    public static Float64 Pi => new(Math.PI);

    /// <inheritdoc />
    public static Float64 operator +(Float64 a, Float64 b) => new(a.Value + b.Value);

    /// <inheritdoc />
    public static Float64 operator -(Float64 a, Float64 b) => new(a.Value - b.Value);

    /// <inheritdoc />
    public static Float64 operator *(Float64 a, Float64 b) => new(a.Value * b.Value);

    /// <inheritdoc />
    public static Float64 operator /(Float64 a, Float64 b) => new(a.Value / b.Value);

    /// <inheritdoc />
    public static Float64 operator -(Float64 a) => new(-a.Value);

    /// <inheritdoc />
    public static bool operator <(Float64 a, Float64 b) => a.Value < b.Value;

    /// <inheritdoc />
    public static bool operator >(Float64 a, Float64 b) => a.Value > b.Value;

    /// <inheritdoc />
    public static bool operator <=(Float64 a, Float64 b) => a.Value <= b.Value;

    /// <inheritdoc />
    public static bool operator >=(Float64 a, Float64 b) => a.Value >= b.Value;

    /// <inheritdoc />
    public static Float64 Of(double value) => new(value);

    /// <summary>
    /// p/q correctly rounded (to nearest, ties to even): one IEEE division where both convert exactly (|p|, |q| ≤ 2^53),
    /// otherwise the exact rational through <see cref="Exact.ExactDouble.ToDouble"/>. 0/q is +0 for either sign of q (the
    /// rational 0 is unsigned, as in <see cref="Rational"/>; IEEE would give −0 for q &lt; 0).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="denominator"/> is 0.</exception>
    public static Float64 Ratio(long numerator, long denominator)
    {
        if (denominator == 0)
            throw new ArgumentException("denominator must not be 0.", nameof(denominator));
        if (numerator == 0)
            return new(0.0);
        const long Convertible = 1L << 53; // every long up to 2^53 in magnitude is a double
        if (numerator >= -Convertible && numerator <= Convertible && denominator >= -Convertible && denominator <= Convertible)
            return new((double)numerator / denominator); // one rounding
        // Beyond, (double)numerator would round before the division does ((2^53 + 1)/3 gave 3002399751580330.5, not …331):
        // the exact p/q, correctly rounded once.
        return new(Exact.ExactDouble.ToDouble(new Fractions.Fraction(numerator, denominator)));
    }

    /// <summary>The exact rational correctly rounded (to nearest, ties to even) by <see cref="Exact.ExactDouble.ToDouble"/>.</summary>
    public static Float64 Rational(Fractions.Fraction value) => new(Exact.ExactDouble.ToDouble(value));

    /// <inheritdoc />
    public static Float64 Input(double value) => new(value);

    /// <inheritdoc />
    public static Float64 Sqrt(Float64 x) => new(Math.Sqrt(x.Value));

    /// <inheritdoc />
    public static Float64 Exp(Float64 x) => new(Math.Exp(x.Value));

    /// <inheritdoc />
    public static Float64 Log(Float64 x) => new(Math.Log(x.Value));

    /// <inheritdoc />
    public static Float64 Erf(Float64 x) => new(MathNet.Numerics.SpecialFunctions.Erf(x.Value));

    /// <inheritdoc />
    public static Float64 Erfc(Float64 x) => new(MathNet.Numerics.SpecialFunctions.Erfc(x.Value));

    /// <inheritdoc />
    public static Float64 Abs(Float64 x) => new(Math.Abs(x.Value));

    /// <inheritdoc />
    public static Float64 Max(Float64 a, Float64 b) => new(Math.Max(a.Value, b.Value));

    /// <inheritdoc />
    public static Float64 Min(Float64 a, Float64 b) => new(Math.Min(a.Value, b.Value));

    /// <inheritdoc />
    public static int Sign(Float64 x) => double.IsNaN(x.Value)
        ? throw new UndecidedException("the sign of NaN")
        : Math.Sign(x.Value);

    /// <inheritdoc />
    public static double Estimate(Float64 x) => x.Value;

    /// <inheritdoc />
    public static bool IsFinite(Float64 x) => double.IsFinite(x.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
