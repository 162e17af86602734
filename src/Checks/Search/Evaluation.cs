using System.Globalization;
using Fractions;
using Verification.Checks.Exact;
using Verification.Checks.Results;

namespace Verification.Checks.Search;

/// <summary>
/// One evaluation of a property on one input, decided in exact rational arithmetic from the doubles the
/// optimizer returned: a violation is certified when it is found. <see cref="Margin"/> ((lhs − rhs)/scale, rounded
/// to double) is what the search climbs on.
/// </summary>
internal readonly record struct Evaluation(
    EvaluationKind Kind,
    double Margin,
    double Lhs,
    double Rhs,
    string? Note,
    IReadOnlyList<NamedInput> Outputs,
    string? Certification,
    string? Explanation)
{
    internal static Evaluation Reject(string reason) => new(EvaluationKind.Rejected, double.NegativeInfinity, double.NaN, double.NaN, reason, [], null, null);

    /// <summary>lhs ≤ rhs, decided exactly; violated when lhs − rhs &gt; 0.</summary>
    internal static Evaluation LessOrEqual(Fraction lhs, Fraction rhs, Fraction scale, IReadOnlyList<NamedInput> outputs, Func<string> explain) =>
        Decide(lhs, rhs, scale, strict: false, outputs, explain);

    /// <summary>lhs &lt; rhs, decided exactly; violated when lhs − rhs ≥ 0 (equality included, margin 0).</summary>
    internal static Evaluation Less(Fraction lhs, Fraction rhs, Fraction scale, IReadOnlyList<NamedInput> outputs, Func<string> explain) =>
        Decide(lhs, rhs, scale, strict: true, outputs, explain);

    /// <summary>A fact about the optimizer's output that needs no arithmetic (a NaN, an exception).</summary>
    internal static Evaluation Fact(string certification, IReadOnlyList<NamedInput> outputs, string explanation) =>
        new(EvaluationKind.Violated, double.MaxValue, double.NaN, double.NaN, null, outputs, certification, explanation);

    private static Evaluation Decide(Fraction lhs, Fraction rhs, Fraction scale, bool strict, IReadOnlyList<NamedInput> outputs, Func<string> explain)
    {
        var diff = lhs - rhs;
        int sign = diff.CompareTo(Fraction.Zero);
        double margin = scale.CompareTo(Fraction.Zero) > 0 ? ExactVector.ToDouble(diff / scale) : ExactVector.ToDouble(diff);
        bool violated = strict ? sign >= 0 : sign > 0;
        if (!violated)
            return new Evaluation(EvaluationKind.Satisfied, margin, ExactVector.ToDouble(lhs), ExactVector.ToDouble(rhs), null, outputs, null, null);
        string certification = sign == 0
            ? "exact rational arithmetic: lhs − rhs = 0 exactly (a strict inequality met with equality)"
            : "exact rational arithmetic: lhs − rhs = " + ExactVector.ToDouble(diff).ToString("R", CultureInfo.InvariantCulture)
              + " (rounded; its sign is exact) > 0";
        return new Evaluation(EvaluationKind.Violated, margin, ExactVector.ToDouble(lhs), ExactVector.ToDouble(rhs), null, outputs, certification, explain());
    }
}
