using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Elementary;

/// <summary>
/// cos, sin and atan over <see cref="IReal{T}"/>, which offers √, exp, log and erf but no trigonometry: in doubles the
/// platform's functions, in rational intervals outward enclosures (<see cref="RationalTrigonometry"/>), so a statement
/// about a test function with a cosine or an arctangent term is written once like any other.
/// </summary>
/// <remarks>
/// The per-arithmetic dispatch is the same as the one inside <see cref="IReal{T}.Exp"/>: the formula a statement writes is
/// cos x; how it is evaluated belongs to the arithmetic. Only <see cref="Float64"/> and <see cref="RationalInterval"/>
/// are supported (the two arithmetics of the engine).
/// </remarks>
public static class Trigonometry
{
    /// <summary>cos x.</summary>
    /// <exception cref="NotSupportedException">an arithmetic other than doubles or rational intervals.</exception>
    public static T Cos<T>(T x) where T : IReal<T>
    {
        if (!T.IsRigorous)
            return T.Of(Math.Cos(T.Estimate(x)));
        return (T)(object)RationalTrigonometry.Cos(AsInterval(x), EnclosureSettings.Bits);
    }

    /// <summary>sin x.</summary>
    /// <exception cref="NotSupportedException">an arithmetic other than doubles or rational intervals.</exception>
    public static T Sin<T>(T x) where T : IReal<T>
    {
        if (!T.IsRigorous)
            return T.Of(Math.Sin(T.Estimate(x)));
        return (T)(object)RationalTrigonometry.Sin(AsInterval(x), EnclosureSettings.Bits);
    }

    /// <summary>atan x ∈ (−π/2, π/2).</summary>
    /// <exception cref="NotSupportedException">an arithmetic other than doubles or rational intervals.</exception>
    public static T Atan<T>(T x) where T : IReal<T>
    {
        if (!T.IsRigorous)
            return T.Of(Math.Atan(T.Estimate(x)));
        return (T)(object)RationalTrigonometry.Atan(AsInterval(x), EnclosureSettings.Bits);
    }

    /// <summary>
    /// A value between <paramref name="lower"/> and <paramref name="upper"/> (lower ≤ upper): in doubles their midpoint
    /// (the estimate), in rational intervals their hull, which encloses every point of both. This is how a quantity known
    /// to lie in a bracket (a root isolated by a sign change) enters a statement.
    /// </summary>
    /// <exception cref="NotSupportedException">an arithmetic other than doubles or rational intervals.</exception>
    public static T Between<T>(T lower, T upper) where T : IReal<T>
    {
        if (!T.IsRigorous)
            return (lower + upper) / 2;
        return (T)(object)RationalInterval.Hull(AsInterval(lower), AsInterval(upper));
    }

    private static RationalInterval AsInterval<T>(T x) where T : IReal<T> => x is RationalInterval r
        ? r
        : throw new NotSupportedException($"rigorous arithmetic {typeof(T).Name} has no trigonometric enclosures here (only {nameof(RationalInterval)}).");
}
