using System.Text;
using Verification.Claims.Engine;
using Verification.Claims.Model;

namespace Verification.Claims.Reporting;

/// <summary>A figure the Markdown report links to: a file beside the report and its caption.</summary>
/// <param name="File">The file name, relative to the report.</param>
/// <param name="Caption">One line on what the figure shows.</param>
public sealed record ReportFigure(string File, string Caption);

/// <summary>
/// The human-readable report (design.md, "Reports"): a legend of verdicts, one section per document with a
/// table of ID | verdict | cases | source, then every refuted claim with its counterexample in full precision
/// and every inconclusive or vacuous claim with its reason. Invariant culture, deterministic text.
/// </summary>
public static class MarkdownReport
{
    /// <summary>The report as Markdown, optionally linking <paramref name="figures"/> written beside it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Write(CatalogReport report, IReadOnlyList<ReportFigure>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# Verification report\n\n");
        md.Append($"Seed {ReportText.Number(report.Seed)}, budget {ReportText.Number(report.Budget)} evaluations per formalization, ")
          .Append($"{ReportText.Number(report.Results.Count)} claims: {ReportText.Counts(report.Results)}.\n\n");
        AppendLegend(md);

        foreach (var group in report.Results.GroupBy(r => r.Source.Document))
        {
            md.Append($"## {ReportText.DocumentTitle(group.Key)} (`{group.Key}`)\n\n");
            md.Append("| ID | Verdict | Cases | Source |\n|---|---|---:|---|\n");
            foreach (var r in group)
                md.Append($"| `{r.Id}` | {ReportText.Verdict(r.Verdict)} | {ReportText.Number(r.Cases)} | {ReportText.Cell(ReportText.Source(r.Source))} |\n");
            md.Append('\n');

            foreach (var r in group.Where(r => r.Verdict != Verdict.Holds))
                AppendFinding(md, r, report);
        }

        if (figures is { Count: > 0 })
        {
            md.Append("## Figures\n\n");
            foreach (var f in figures)
                md.Append($"![{f.File}]({f.File})\n\n*{f.Caption}*\n\n");
        }
        return md.ToString();
    }

    /// <summary>The verdict legend, as a Markdown list.</summary>
    internal static void AppendLegend(StringBuilder md)
    {
        md.Append("Verdicts:\n");
        foreach (var (verdict, meaning) in ReportText.Legend)
            md.Append($"- **{ReportText.Verdict(verdict)}**: {meaning}.\n");
        md.Append('\n');
    }

    private static void AppendFinding(StringBuilder md, ClaimResult r, CatalogReport report)
    {
        md.Append($"### `{r.Id}`: {ReportText.Verdict(r.Verdict)}\n\n");
        md.Append($"{ReportText.Source(r.Source)}. {r.Statement}\n\n");
        if (r.Counterexample is { } c)
            AppendCounterexample(md, c);
        if (r.Verdict != Verdict.Refuted || r.Notes.Count > 0)
        {
            md.Append(r.Verdict == Verdict.Refuted ? "Notes:\n" : "Reason:\n");
            if (r.Notes.Count == 0)
                md.Append("- (the engine recorded no note)\n");
            foreach (var note in r.Notes)
                md.Append($"- {note}\n");
            md.Append('\n');
        }
        md.Append($"Replay: `{ReportText.ReplayCommand(r.Id, report.Seed, report.Budget)}`\n\n");
    }

    /// <summary>A counterexample as a Markdown list: inputs in full precision, both sides, margins, certification, why.</summary>
    internal static void AppendCounterexample(StringBuilder md, Counterexample c)
    {
        md.Append($"Counterexample (formalization `{c.Formalization}`):\n");
        md.Append("- inputs: ").Append(string.Join(", ", c.Inputs.Select(i => $"`{i.Name} = {i.Value}`"))).Append('\n');
        md.Append($"- lhs = `{ReportText.Number(c.Lhs)}`, rhs = `{ReportText.Number(c.Rhs)}`\n");
        md.Append($"- margin (double) = `{ReportText.Number(c.Margin)}`, certified margin ≥ `{ReportText.Number(c.CertifiedMargin)}`\n");
        md.Append($"- certification: {c.Certification}\n");
        md.Append($"- why: {c.Explanation}\n\n");
    }
}
