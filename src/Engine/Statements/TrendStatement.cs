using Verification.Numerics.Arithmetic;

namespace Verification.Engine;

/// <summary>
/// An asymptotic claim checked as a sequence (design.md, "Asymptotic claims … are checked as sequences"): the ratio
/// r(t) = |q(t)|/rate(t) is evaluated along t_0, t_1, … t_K (written once over <see cref="IReal{T}"/>, so the exact
/// ratios certify what the double ones suggest). With <see cref="Limit"/> null the claim is q = Θ(rate): it fails when
/// the ratio is 0 at every term, or when it drifts by at least <see cref="Drift"/> between the first and the last term
/// (toward 0 or ∞); it holds on the input when the last three ratios agree within <see cref="TailSpread"/>; otherwise the
/// input is undecided. With a <see cref="Limit"/> the claim is r(t) → Limit: it fails when the tail has settled away
/// from the limit by more than the tail's spread, and holds when it settles onto it.
/// </summary>
/// <remarks>
/// A certified trend is a finite certificate (exact ratios along the stated sequence), not a proof of a limit: the rule
/// and the sequence are part of the formalization and printed with every counterexample.
/// </remarks>
public abstract class TrendStatement<TInput> : Statement<TInput> where TInput : notnull
{
    /// <summary>A trend statement (kind <see cref="StatementKind.Trend"/>).</summary>
    protected TrendStatement() => Kind = StatementKind.Trend;

    /// <summary>The drift between the first and last ratio that refutes Θ: 10⁶ by default.</summary>
    public double Drift { get; init; } = 1e6;

    /// <summary>The relative spread of the last three ratios below which the sequence has settled: 1e-3 by default.</summary>
    public double TailSpread { get; init; } = 1e-3;

    /// <summary>The limit of the ratio the claim states, or null for a Θ claim.</summary>
    public double? Limit { get; init; }

    /// <summary>The sequence t_0 … t_K (at least three terms), as exact constants.</summary>
    protected abstract IReadOnlyList<double> Sequence(TInput input);

    /// <summary>The ratio r(t) at one term, in arithmetic T (the hypotheses go here too, with <see cref="Assume"/>).</summary>
    protected abstract T Ratio<T>(TInput input, T t) where T : IReal<T>;

    /// <inheritdoc />
    public sealed override Relation<T> Evaluate<T>(TInput input)
    {
        var ts = Sequence(input);
        if (ts.Count < 3)
            throw new InvalidOperationException($"a trend needs at least three terms, got {ts.Count}.");
        var r = ts.Select(t => T.Abs(Ratio(input, T.Of(t)))).ToArray();
        if (r.Any(x => !T.IsFinite(x)))
            return Relation.Undecided<T>("the ratio is not finite in double precision along the sequence");
        var tail = r[^3..];
        var high = tail.Aggregate(T.Max);
        var low = tail.Aggregate(T.Min);
        if (Limit is { } limit)
        {
            var target = T.Of(limit);
            var spread = high - low;
            if (spread > T.Of(TailSpread) * T.Max(T.Abs(target), high))
                return Relation.Undecided<T>("the ratio has not settled along the sequence");
            // Settled: the last ratio must lie within the tail's spread (plus the stated tolerance) of the limit.
            var scale = T.Max(T.Abs(target), T.Of(1));
            return Relation.LessOrEqual(T.Abs(r[^1] - target), spread + T.Of(TailSpread) * scale, scale).Labelled("|r(t_K) − limit| within the tail's spread");
        }
        if (r.All(x => T.Sign(x) == 0))
            return Relation.LessOrEqual(T.Of(1), T.Of(0)).Labelled("the ratio is 0 at every term: q ≡ 0 is not Θ of a non-zero rate");
        var drift = T.Of(Drift);
        var first = r[0];
        var last = r[^1];
        var towardZero = Relation.LessOrEqual(first, drift * last, first + drift * last).Labelled("r(t_0) ≤ drift·r(t_K): no collapse toward 0");
        var towardInfinity = Relation.LessOrEqual(last, drift * first, last + drift * first).Labelled("r(t_K) ≤ drift·r(t_0): no blow-up toward ∞");
        var both = Relation.All([towardZero, towardInfinity]);
        if (first > drift * last || last > drift * first)
            return both;
        if (high - low > T.Of(TailSpread) * high)
            return Relation.Undecided<T>("the ratio has neither settled along the sequence nor drifted by the threshold");
        return both;
    }
}
