namespace Verification.Numerics.Arithmetic;

/// <summary>
/// Marks the comparisons a statement makes to check one of its hypotheses (e.g. ad − b² &gt; 0), as opposed to the
/// branches of its code (issue "Theorem checking", exact identities). An arithmetic that proves a statement on a whole
/// region (<see cref="RationalDegree"/>) must decide every branch on the region, since a point that takes the other branch
/// would run other code; a hypothesis need not be decided there: a point of the region that fails it is outside the
/// claim, and every point that meets it passes the check exactly as the proof box does (the box must still decide it).
/// Only the engine's typed hypothesis checks open a scope; a comparison outside one is a branch.
/// </summary>
public static class HypothesisScope
{
    [ThreadStatic]
    private static int _depth;

    /// <summary>True while a hypothesis's comparison is being evaluated on this thread.</summary>
    public static bool IsActive => _depth > 0;

    /// <summary>Opens a scope on this thread until the returned value is disposed.</summary>
    public static Scope Enter()
    {
        _depth++;
        return default;
    }

    /// <summary>Closes the scope <see cref="Enter"/> opened.</summary>
    public readonly struct Scope : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => _depth--;
    }
}
