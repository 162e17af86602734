namespace Verification.Claims.Model;

/// <summary>What one evaluation of a formalization on one input found.</summary>
public enum OutcomeKind
{
    /// <summary>The statement holds on this input.</summary>
    Satisfied,

    /// <summary>The statement holds on this input only for a trivial reason (e.g. both sides are 0 by construction).</summary>
    SatisfiedTrivially,

    /// <summary>The double-precision evaluation violates the statement; certification decides whether it is real.</summary>
    Violated,

    /// <summary>The input is outside the statement's hypotheses (the note says which).</summary>
    Rejected,

    /// <summary>The evaluation could not decide (e.g. an undecided sequence trend, an overflow).</summary>
    Undecided,
}

/// <summary>
/// The result of evaluating a formalization on one input (design.md, "The claim model"): never a bare bool.
/// For an inequality lhs ≤ rhs the margin is (lhs − rhs)/scale: positive when violated, and the quantity the
/// search climbs on.
/// </summary>
public readonly record struct Outcome(OutcomeKind Kind, double Margin, double Lhs, double Rhs, string? Note = null)
{
    /// <summary>lhs ≤ rhs, with margin (lhs − rhs)/scale. A non-finite side makes the outcome Undecided.</summary>
    public static Outcome LessOrEqual(double lhs, double rhs, double scale, string? note = null)
    {
        if (!double.IsFinite(lhs) || !double.IsFinite(rhs))
            return new Outcome(OutcomeKind.Undecided, double.NaN, lhs, rhs, note ?? "a side is not finite in double precision");
        double s = scale > 0 && double.IsFinite(scale) ? scale : 1.0;
        double margin = (lhs - rhs) / s;
        if (double.IsInfinity(margin))
            margin = System.Math.Sign(margin) * double.MaxValue;
        return new Outcome(lhs > rhs ? OutcomeKind.Violated : OutcomeKind.Satisfied, margin, lhs, rhs, note);
    }

    /// <summary>lhs &lt; rhs strictly; margin (lhs − rhs)/scale, violated when ≥ 0.</summary>
    public static Outcome Less(double lhs, double rhs, double scale, string? note = null)
    {
        var o = LessOrEqual(lhs, rhs, scale, note);
        return o.Kind == OutcomeKind.Satisfied && lhs >= rhs ? o with { Kind = OutcomeKind.Violated } : o;
    }

    /// <summary>|lhs − rhs| ≤ tolerance·scale (an equality up to a stated rounding tolerance).</summary>
    public static Outcome Close(double lhs, double rhs, double scale, double relativeTolerance, string? note = null)
    {
        if (!double.IsFinite(lhs) || !double.IsFinite(rhs))
            return new Outcome(OutcomeKind.Undecided, double.NaN, lhs, rhs, note ?? "a side is not finite in double precision");
        double s = scale > 0 && double.IsFinite(scale) ? scale : 1.0;
        double margin = System.Math.Abs(lhs - rhs) / s - relativeTolerance;
        return new Outcome(margin > 0 ? OutcomeKind.Violated : OutcomeKind.Satisfied, margin, lhs, rhs, note);
    }

    /// <summary>The input does not meet the statement's hypotheses.</summary>
    public static Outcome Reject(string reason) => new(OutcomeKind.Rejected, double.NegativeInfinity, double.NaN, double.NaN, reason);

    /// <summary>Satisfied for a trivial reason, stated in <paramref name="reason"/>.</summary>
    public static Outcome Trivial(string reason) => new(OutcomeKind.SatisfiedTrivially, double.NegativeInfinity, 0, 0, reason);

    /// <summary>The evaluation could not decide.</summary>
    public static Outcome Undecided(string reason) => new(OutcomeKind.Undecided, double.NaN, double.NaN, double.NaN, reason);
}
