using System.Text;
using Verification.Engine.Reporting;

namespace Verification.Engine;

/// <summary>
/// The plain-text account of a lemma's check that test failures print: the verdict with its seed and budget, the
/// certified counterexample with both sides, the certified margin and its scope, the notes, and how to replay it.
/// </summary>
public static class LemmaReport
{
    /// <summary>The result of <see cref="Lemmas.Check(IFormalization, ulong, int)"/> as text.</summary>
    /// <param name="result">The result.</param>
    /// <param name="budget">The budget it was checked with (printed for the replay).</param>
    public static string Text(ClaimResult result, int budget)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append($"lemma {result.Id}: {ReportText.Verdict(result)} (seed {ReportText.Number(result.Seed)}, budget {ReportText.Number(budget)})\n");
        text.Append($"  statement: {result.Claim.Statement}\n");
        if (!string.IsNullOrWhiteSpace(result.Claim.Interpretation))
            text.Append($"  reading ({ReportText.Reading(result.Reading)}): {result.Claim.Interpretation}\n");
        if (result.Counterexample is { } c)
        {
            text.Append($"  counterexample ({c.Origin}, shrunk in {ReportText.Number(c.ShrinkSteps)} steps): {Inputs(c.Inputs)}\n");
            Sides(text, c);
        }
        var f = result.Formalizations;
        var tally = f.Count == 1 ? f[0].Tally : null;
        if (tally is not null)
            text.Append($"  inputs: {ReportText.Number(tally.Distinct)} distinct, {ReportText.Number(tally.Accepted)} met the hypotheses, " +
                        $"{ReportText.Number(tally.Violations)} violated in double precision, {ReportText.Number(tally.Certified)} certified\n");
        foreach (var note in f.Count == 1 ? f[0].Notes : result.Notes)
            text.Append($"  note: {note}\n");
        text.Append($"  replay: seed {ReportText.Number(result.Seed)}, budget {ReportText.Number(budget)}");
        if (result.Counterexample is not null)
            text.Append("\n  pin it: LemmaAssert.Refutes(lemma, input) with the counterexample's input keeps it as a regression test");
        return text.ToString();
    }

    /// <summary>The result of <see cref="Lemmas.At{TInput}(Statement{TInput}, TInput)"/> as text.</summary>
    public static string Text(string lemma, PinnedCheck check)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        ArgumentNullException.ThrowIfNull(check);
        var text = new StringBuilder();
        text.Append($"lemma {lemma} at {Inputs(check.Inputs)}: {Outcome(check.Outcome)}\n");
        if (check.Counterexample is { } c)
            Sides(text, c);
        else
            text.Append($"  {check.Detail}");
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The outcome in words.</summary>
    public static string Outcome(PinnedOutcome outcome) => outcome switch
    {
        PinnedOutcome.Violated => "certified violation",
        PinnedOutcome.Satisfied => "holds here exactly (no longer a counterexample)",
        PinnedOutcome.OutsideHypotheses => "outside the hypotheses",
        PinnedOutcome.Undecidable => "undecided in exact arithmetic",
        PinnedOutcome.AllowedException => "violated only at a degenerate point, which \"almost every input\" allows",
        PinnedOutcome.CodeFailed => "the code under test failed",
        _ => throw new ArgumentException($"outcome {(int)outcome} is not a defined PinnedOutcome.", nameof(outcome)),
    };

    private static void Sides(StringBuilder text, Counterexample c)
    {
        text.Append($"  lhs = {ReportText.Number(c.Lhs)}, rhs = {ReportText.Number(c.Rhs)} (double precision; {c.Relation} is violated), " +
                    $"margin = {ReportText.Number(c.Margin)} {c.MarginUnit}\n");
        text.Append($"  certified margin ≥ {ReportText.Number(c.CertifiedMargin)} ({c.Certification})\n");
        text.Append(c.Scope == Scope.OpenSet
            ? $"  scope: open-set: {c.Box}\n"
            : "  scope: degenerate (no box around it was certified to violate: a tie, a zero, or a boundary of the hypotheses)\n");
    }

    private static string Inputs(IReadOnlyList<NamedValue> inputs) => string.Join(", ", inputs.Select(v => $"{v.Name} = {v.Value}"));
}
