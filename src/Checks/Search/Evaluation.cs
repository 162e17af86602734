using Fractions;
using Verification.Engine;

namespace Verification.Checks.Search;

/// <summary>
/// One evaluation of a property on one input, decided in exact rational arithmetic from the doubles the optimizer
/// returned (the implementation's own outputs, replayed exactly): lhs ≤ rhs (or lhs &lt; rhs) with the scale the
/// margin (lhs − rhs)/scale is measured in, a fact about the output that needs no arithmetic (a NaN step, an
/// exception), or a rejection (the input is outside the property's hypotheses, or the optimizer refused it).
/// </summary>
internal readonly record struct Evaluation(
    EvaluationKind Kind,
    Fraction Lhs,
    Fraction Rhs,
    Fraction Scale,
    bool Strict,
    string? Note,
    IReadOnlyList<NamedValue> Outputs,
    string? Explanation)
{
    /// <summary>(lhs − rhs)/scale rounded to a double: what the search climbs on and compares.</summary>
    internal double Margin => Verification.Numerics.Exact.ExactDouble.ToDouble((Lhs - Rhs) / Scale);

    internal static Evaluation Reject(string reason) =>
        new(EvaluationKind.Rejected, Fraction.Zero, Fraction.Zero, Fraction.One, false, reason, [], null);

    /// <summary>lhs ≤ rhs, decided exactly; violated when lhs − rhs &gt; 0.</summary>
    internal static Evaluation LessOrEqual(Fraction lhs, Fraction rhs, Fraction scale, IReadOnlyList<NamedValue> outputs, Func<string> explain) =>
        Decide(lhs, rhs, scale, strict: false, outputs, explain);

    /// <summary>lhs &lt; rhs, decided exactly; violated when lhs − rhs ≥ 0 (equality included, margin 0).</summary>
    internal static Evaluation Less(Fraction lhs, Fraction rhs, Fraction scale, IReadOnlyList<NamedValue> outputs, Func<string> explain) =>
        Decide(lhs, rhs, scale, strict: true, outputs, explain);

    /// <summary>A fact about the optimizer's output that needs no arithmetic (a NaN, an exception): a violation.</summary>
    internal static Evaluation Fact(string fact, IReadOnlyList<NamedValue> outputs, string explanation) =>
        new(EvaluationKind.Fact, Fraction.One, Fraction.Zero, Fraction.One, false, fact, outputs, explanation);

    /// <summary>Satisfied with no relation to report (finite-steps on a finite step).</summary>
    internal static Evaluation Satisfied(IReadOnlyList<NamedValue> outputs) =>
        new(EvaluationKind.Satisfied, Fraction.Zero, Fraction.One, Fraction.One, false, null, outputs, null);

    /// <summary>
    /// The scale a margin is measured in: <paramref name="scale"/> where it is positive, else 1 (a zero scale, e.g. of a
    /// zero step, makes the margin absolute). Every relation of this type takes its scale through this rule.
    /// </summary>
    internal static Fraction MarginScale(Fraction scale) => scale.CompareTo(Fraction.Zero) > 0 ? scale : Fraction.One;

    private static Evaluation Decide(Fraction lhs, Fraction rhs, Fraction scale, bool strict, IReadOnlyList<NamedValue> outputs, Func<string> explain)
    {
        int sign = (lhs - rhs).CompareTo(Fraction.Zero);
        bool violated = strict ? sign >= 0 : sign > 0;
        return new Evaluation(violated ? EvaluationKind.Violated : EvaluationKind.Satisfied, lhs, rhs, MarginScale(scale), strict, null, outputs,
            violated ? explain() : null);
    }
}
