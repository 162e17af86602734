using Fractions;

namespace Verification.Numerics.Arithmetic;

/// <summary>
/// A deterministic work budget for exact rational arithmetic on this thread: the engine runs each exact re-evaluation of a
/// case inside <see cref="Use"/>, so that a case whose rationals grow without bound stops with an
/// <see cref="ExactWorkExceededException"/> (reported as undecided) instead of running for minutes. Work is counted, not
/// timed, so the same case stops at the same operation on every machine and at every load.
/// <para>
/// The unit is one product of two 64-bit words. An operation on rationals of a and b words (numerator and denominator
/// together) is charged (a + b)² per rational product or sum it forms: the order of the schoolbook products and of the gcd
/// that normalizes the result. Transcendental enclosures charge their fixed-point loops the same way.
/// </para>
/// </summary>
public static class ExactWork
{
    [ThreadStatic]
    private static long _limit;

    [ThreadStatic]
    private static long _used;

    /// <summary>Work charged on this thread since the innermost <see cref="Use"/> began (0 outside one).</summary>
    public static long Used => _used;

    /// <summary>The innermost budget on this thread, or null when none is set (then nothing is counted).</summary>
    public static long? Limit => _limit == 0 ? null : _limit;

    /// <summary>Counts work against <paramref name="limit"/> units until the returned scope is disposed.</summary>
    /// <exception cref="ArgumentException"><paramref name="limit"/> is not positive.</exception>
    public static Scope Use(long limit)
    {
        if (limit <= 0)
            throw new ArgumentException($"the exact work budget must be positive, got {limit}.", nameof(limit));
        var scope = new Scope(_limit, _used);
        _limit = limit;
        _used = 0;
        return scope;
    }

    /// <summary>Charges <paramref name="units"/> (≥ 0) when a budget is set.</summary>
    /// <exception cref="ExactWorkExceededException">the budget is spent.</exception>
    public static void Charge(long units)
    {
        if (_limit == 0)
            return;
        _used = Sum(_used, Math.Max(0, units));
        if (_used > _limit)
            throw new ExactWorkExceededException(_limit);
    }

    /// <summary>
    /// Suspends counting until the returned scope is disposed (the work done meanwhile is not charged): for the fills of
    /// process-wide caches (π, ln 2), which would otherwise be charged to whichever evaluation, on whichever thread, happens
    /// to run first, and make the count depend on the order claims run in.
    /// </summary>
    internal static Scope Uncounted()
    {
        var scope = new Scope(_limit, _used);
        _limit = 0;
        _used = 0;
        return scope;
    }

    /// <summary>a + b for work counts (≥ 0), saturating at long.MaxValue instead of wrapping.</summary>
    public static long Sum(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>
    /// True when the innermost budget on this thread has been overrun (a charge was refused): every later charge fails too, so
    /// a caller that catches undecided comparisons reads this to tell a spent budget from an undecided box.
    /// </summary>
    public static bool IsSpent => _limit != 0 && _used > _limit;

    /// <summary>True when a budget is set: callers skip measuring operands otherwise.</summary>
    public static bool IsCounting => _limit != 0;

    /// <summary>The size of a rational in 64-bit words, numerator and denominator together.</summary>
    public static long Words(Fraction x) => ((long)x.Numerator.GetBitLength() >> 6) + ((long)x.Denominator.GetBitLength() >> 6) + 2;

    /// <summary>Charges <paramref name="count"/> rational operations on operands of <paramref name="a"/> and <paramref name="b"/> words.</summary>
    public static void ChargeOperations(long a, long b, int count)
    {
        if (_limit == 0)
            return;
        long size = Math.Min(a + b, 1L << 30);
        Charge(count * size * size);
    }

    /// <summary>Restores the enclosing budget when disposed, carrying this scope's work into it.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly long _previousLimit;
        private readonly long _previousUsed;

        internal Scope(long previousLimit, long previousUsed)
        {
            _previousLimit = previousLimit;
            _previousUsed = previousUsed;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            long inner = _used;
            _limit = _previousLimit;
            _used = _previousLimit == 0 ? 0 : Sum(_previousUsed, inner);
        }
    }
}
