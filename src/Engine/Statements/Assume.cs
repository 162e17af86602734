using Verification.Numerics.Arithmetic;

namespace Verification.Engine;

/// <summary>
/// A statement's hypotheses, checked inside its relation so that they are re-checked in the same arithmetic: in
/// doubles during the search and exactly at a counterexample (a double check that accepted an input by rounding is
/// caught). Only these calls put an input outside the hypotheses; any other exception is a finding.
/// <para>
/// <see cref="Positive{T}"/>, <see cref="NonNegative{T}"/> and <see cref="NonZero{T}"/> make their comparison inside a
/// <see cref="HypothesisScope"/>, so that an exact proof on a region (<see cref="ExactIdentity.Region"/>) need not decide
/// it there (points that fail it are outside the claim); the box must still decide it. A comparison the statement makes
/// itself and passes to <see cref="That"/> as a bool is a branch to the arithmetic (decided on the region too).
/// </para>
/// </summary>
public static class Assume
{
    /// <summary>Requires <paramref name="condition"/>; otherwise the input is outside the hypotheses for <paramref name="reason"/>.</summary>
    public static void That(bool condition, string reason)
    {
        if (!condition)
            throw new HypothesisException(reason);
    }

    /// <summary>Requires x &gt; 0 (decided exactly in rigorous arithmetic, or undecided).</summary>
    public static T Positive<T>(T x, string reason) where T : IReal<T>
    {
        bool holds;
        using (HypothesisScope.Enter())
            holds = x > T.Of(0);
        That(holds, reason);
        return x;
    }

    /// <summary>Requires x ≥ 0 (a box [0, w] meets it).</summary>
    public static T NonNegative<T>(T x, string reason) where T : IReal<T>
    {
        bool holds;
        using (HypothesisScope.Enter())
            holds = x >= T.Of(0);
        That(holds, reason);
        return x;
    }

    /// <summary>Requires x ≠ 0.</summary>
    public static T NonZero<T>(T x, string reason) where T : IReal<T>
    {
        bool holds;
        using (HypothesisScope.Enter())
            holds = T.Sign(x) != 0;
        That(holds, reason);
        return x;
    }
}

/// <summary>Thrown by <see cref="Assume"/>: the input does not meet the statement's hypotheses.</summary>
public sealed class HypothesisException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HypothesisException() : base("outside the hypotheses")
    {
    }

    /// <summary>Creates the exception with the hypothesis that fails.</summary>
    public HypothesisException(string reason) : base(reason)
    {
    }

    /// <summary>Creates the exception with the hypothesis that fails and a cause.</summary>
    public HypothesisException(string reason, Exception inner) : base(reason, inner)
    {
    }
}
