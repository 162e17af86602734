using FsCheck;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// An asymptotic claim "q(t) = Θ(rate(t)) as t → limit" decided from a sequence (design.md): the ratio
/// r_k = |q(t_k)|/rate(t_k) is recorded along t_0, t_1, …; the claim fails on an input when the ratio drifts by at
/// least <see cref="Drift"/> (toward 0 or ∞) or is identically 0, and holds there when its tail has settled
/// (the last three ratios within <see cref="TailSpread"/> of each other). A failure is certified by the exact ratios at
/// the first and last terms.
/// </summary>
internal sealed class RatioTrend<TInput> : Formalization<TInput> where TInput : notnull
{
    /// <summary>A drift of 10⁶ over the sequence is far beyond any constant a Θ could hide on these ranges.</summary>
    internal const double Drift = 1e6;

    /// <summary>Relative spread of the last three ratios below which the ratio is taken to have converged.</summary>
    internal const double TailSpread = 1e-3;

    public override required string Name { get; init; }

    public override required string Description { get; init; }

    public override required string Tolerance { get; init; }

    public override required Gen<TInput> Generator { get; init; }

    /// <summary>The sequence t_k (e.g. L_k → 0⁺).</summary>
    public required Func<TInput, double[]> Sequence { get; init; }

    /// <summary>Name of t in reports.</summary>
    public required string SequenceName { get; init; }

    /// <summary>r(t) = |q(t)|/rate(t) in double precision.</summary>
    public required Func<TInput, double, double> Ratio { get; init; }

    /// <summary>r(t) enclosed exactly at a √ precision.</summary>
    public required Func<TInput, double, int, RationalInterval> ExactRatio { get; init; }

    /// <summary>Null when the input meets the hypotheses, else why not.</summary>
    public Func<TInput, string?> Hypotheses { get; init; } = _ => null;

    /// <summary>Edge cases tried first.</summary>
    public Func<IEnumerable<TInput>> Edges { get; init; } = () => [];

    /// <summary>Local move.</summary>
    public Func<TInput, System.Random, TInput>? Move { get; init; }

    /// <summary>The input as named values.</summary>
    public required Func<TInput, IReadOnlyList<NamedValue>> Show { get; init; }

    /// <summary>What breaks.</summary>
    public Func<TInput, string>? Why { get; init; }

    public override IEnumerable<TInput> EdgeCases => Edges();

    public override TInput Perturb(TInput input, System.Random random) => Move is null ? input : Move(input, random);

    public override Outcome Evaluate(TInput input)
    {
        if (Hypotheses(input) is { } reason)
            return Outcome.Reject(reason);
        var ts = Sequence(input);
        if (ts.Any(t => !double.IsFinite(t)))
            return Outcome.Reject("the sequence leaves double range");
        var rs = ts.Select(t => System.Math.Abs(Ratio(input, t))).ToArray();
        if (rs.Any(r => !double.IsFinite(r)))
            return Outcome.Reject("the ratio overflows double precision along the sequence");
        if (rs.All(r => r == 0))
            return new Outcome(OutcomeKind.Violated, Drift, 0, 1, "the ratio is 0 at every term: q ≡ 0 is not Θ of a non-zero rate");
        double first = rs[0], last = rs[^1];
        double drift = first == 0 || last == 0 ? double.PositiveInfinity : System.Math.Max(last / first, first / last);
        double margin = System.Math.Log10(System.Math.Min(drift, double.MaxValue)) - System.Math.Log10(Drift);
        if (drift >= Drift)
            return new Outcome(OutcomeKind.Violated, margin, last, first, last < first ? "the ratio tends to 0" : "the ratio tends to ∞");
        var tail = rs[^3..];
        double spread = (tail.Max() - tail.Min()) / tail.Max();
        return spread <= TailSpread
            ? new Outcome(OutcomeKind.Satisfied, margin, last, first)
            : Outcome.Undecided($"the ratio has not settled along the sequence (tail spread {spread:G3}) nor drifted by {Drift:G0}");
    }

    public override Certificate Certify(TInput input)
    {
        var ts = Sequence(input);
        return ExactCheck.WithGrowingPrecision(bits =>
        {
            var first = ExactRatio(input, ts[0], bits).Abs();
            var last = ExactRatio(input, ts[^1], bits).Abs();
            if (first.IsExactlyZero && last.IsExactlyZero)
                return Certificate.Proven(1, "exact rational interval arithmetic", "the ratio is exactly 0 at the first and last terms");
            var drift = RationalInterval.Exact(Drift);
            // Toward 0: Drift·r_last < r_first; toward ∞: r_last > Drift·r_first. Either is a certified drift.
            var toZero = ExactCheck.LessOrEqual(first, drift * last, 1);
            if (toZero.Status == CertificationStatus.Certified)
                return toZero with { Detail = "r_first > 10⁶·r_last: " + toZero.Detail };
            var toInfinity = ExactCheck.LessOrEqual(last, drift * first, 1);
            if (toInfinity.Status == CertificationStatus.Certified)
                return toInfinity with { Detail = "r_last > 10⁶·r_first: " + toInfinity.Detail };
            return toZero.Status == CertificationStatus.Undecidable || toInfinity.Status == CertificationStatus.Undecidable
                ? Certificate.Unknown("exact rational interval arithmetic", toZero.Detail)
                : Certificate.Artifact("exact rational interval arithmetic", "the exact ratios drift by less than 10⁶: " + toZero.Detail);
        });
    }

    public override IReadOnlyList<NamedValue> Describe(TInput input)
    {
        var ts = Sequence(input);
        return [.. Show(input), NamedValue.Of(SequenceName, ts), NamedValue.Of("ratio_k", ts.Select(t => System.Math.Abs(Ratio(input, t))))];
    }

    public override string Explain(TInput input) => Why is null ? base.Explain(input) : Why(input);
}
