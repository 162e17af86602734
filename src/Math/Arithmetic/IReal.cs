using System.Numerics;

namespace Verification.Numerics.Arithmetic;

/// <summary>
/// The arithmetic a statement is written in, once (design.md, "Write each statement once"): the same generic code
/// runs in <see cref="Float64"/> (round-to-nearest doubles, for the search) and in
/// <see cref="Exact.RationalInterval"/> (outward-rounded rational intervals, for certification and proofs), so the
/// double side and the exact side of a statement cannot disagree.
/// </summary>
/// <remarks>
/// Constants: an <c>int</c> converts implicitly and exactly (<c>x * 2</c>); any other constant goes through
/// <see cref="Of(double)"/> (the exact value of that double) or <see cref="Ratio"/> (the exact rational p/q).
/// Never write <c>T.Of(1.0 / 3)</c>: that is the double nearest to 1/3, not 1/3.
/// Inputs: a real input of the statement is read with <see cref="Input"/>, so that an exact box around a point can be
/// evaluated by the same code (each input widened, constants kept exact).
/// Comparisons: <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c> and <see cref="Sign"/> are exact for points and
/// throw <see cref="UndecidedException"/> when an interval cannot decide them, so a branch is never taken on a guess.
/// </remarks>
public interface IReal<T> :
    IAdditionOperators<T, T, T>,
    ISubtractionOperators<T, T, T>,
    IMultiplyOperators<T, T, T>,
    IDivisionOperators<T, T, T>,
    IUnaryNegationOperators<T, T>
    where T : IReal<T>
{
    /// <summary>An integer constant, exactly.</summary>
    static abstract implicit operator T(int value);

    /// <summary>a &lt; b; throws <see cref="UndecidedException"/> when the arithmetic cannot decide it.</summary>
    static abstract bool operator <(T a, T b);

    /// <summary>a &gt; b; throws <see cref="UndecidedException"/> when the arithmetic cannot decide it.</summary>
    static abstract bool operator >(T a, T b);

    /// <summary>a ≤ b; throws <see cref="UndecidedException"/> when the arithmetic cannot decide it.</summary>
    static abstract bool operator <=(T a, T b);

    /// <summary>a ≥ b; throws <see cref="UndecidedException"/> when the arithmetic cannot decide it.</summary>
    static abstract bool operator >=(T a, T b);

    /// <summary>True for arithmetic whose results enclose the true value (intervals); false for rounded doubles.</summary>
    static abstract bool IsRigorous { get; }

    /// <summary>The exact value of a double constant.</summary>
    static abstract T Of(double value);

    /// <summary>The rational constant p/q (exact in rigorous arithmetic, rounded once in doubles).</summary>
    static abstract T Ratio(long numerator, long denominator);

    /// <summary>An exact rational (exact in rigorous arithmetic, rounded once in doubles): e.g. a quantity already decided exactly.</summary>
    static abstract T Rational(Fractions.Fraction value);

    /// <summary>A real input of the statement: the value itself, or in box mode an exact box around it.</summary>
    static abstract T Input(double value);

    /// <summary>π.</summary>
    static abstract T Pi { get; }

    /// <summary>√x (x ≥ 0).</summary>
    static abstract T Sqrt(T x);

    /// <summary>eˣ.</summary>
    static abstract T Exp(T x);

    /// <summary>ln x (x &gt; 0).</summary>
    static abstract T Log(T x);

    /// <summary>erf x = (2/√π)∫₀ˣ e^(−t²) dt.</summary>
    static abstract T Erf(T x);

    /// <summary>erfc x = 1 − erf x, without cancellation for large x.</summary>
    static abstract T Erfc(T x);

    /// <summary>|x|.</summary>
    static abstract T Abs(T x);

    /// <summary>max(a, b).</summary>
    static abstract T Max(T a, T b);

    /// <summary>min(a, b).</summary>
    static abstract T Min(T a, T b);

    /// <summary>−1, 0 or +1; throws <see cref="UndecidedException"/> when the sign is not determined.</summary>
    static abstract int Sign(T x);

    /// <summary>A double near the value (the value itself in doubles, the rounded midpoint of an interval).</summary>
    static abstract double Estimate(T x);

    /// <summary>False when a double overflowed or became NaN; always true for intervals.</summary>
    static abstract bool IsFinite(T x);
}
