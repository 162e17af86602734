using System.Text;

namespace Verification.Engine.Reporting;

/// <summary>A figure the Markdown report links to: a file beside the report and its caption.</summary>
/// <param name="File">The file name, relative to the report.</param>
/// <param name="Caption">One line on what the figure shows.</param>
public sealed record ReportFigure(string File, string Caption);

/// <summary>
/// The human-readable report (design.md, "Reports"): the papers cited, a legend of verdicts, the counts (refutations by
/// reading and scope), one section per document with a table of ID | reading | verdict | cases | source, then every
/// claim that does not hold with its counterexample in full precision or its reason, and every proof the prover ran (domain,
/// boxes, reduction). Invariant culture, deterministic.
/// </summary>
public static class MarkdownReport
{
    /// <summary>The report as Markdown, linking <paramref name="figures"/> (only figures actually written belong here).</summary>
    public static string Write(CatalogReport report, IReadOnlyList<ReportFigure>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# Verification report\n\n");
        AppendCitations(md, report.Documents);
        md.Append($"Seed {ReportText.Number(report.Seed)}, budget {ReportText.Number(report.Budget)} evaluations per formalization, ")
          .Append($"{ReportText.Number(report.Results.Count)} claims: {ReportText.Counts(report.Results)}.\n\n")
          .Append($"Refuted: {ReportText.RefutationKinds(report.Results)}.\n\n");
        AppendLegend(md, report.StatisticalDelta);

        foreach (var group in report.Results.GroupBy(r => r.Claim.Source.Document))
        {
            md.Append($"## {Title(report.Documents, group.Key)} (`{group.Key}`)\n\n");
            md.Append("| ID | Reading | Verdict | Cases | Source |\n|---|---|---|---:|---|\n");
            foreach (var r in group)
                md.Append($"| `{r.Id}` | {ReportText.Reading(r.Reading)} | {ReportText.Verdict(r)} | {ReportText.Number(r.Cases)} | {ReportText.Cell(ReportText.Source(r.Claim.Source))} |\n");
            md.Append('\n');
            foreach (var r in group.Where(r => r.Verdict is not (Verdict.Holds or Verdict.Proved)))
                AppendFinding(md, r, report);
            AppendProofs(md, group);
        }

        if (figures is { Count: > 0 })
        {
            md.Append("## Figures\n\n");
            foreach (var f in figures)
                md.Append($"![{f.File}]({f.File})\n\n*{f.Caption}*\n\n");
        }
        return md.ToString();
    }

    /// <summary>The papers the report's claims come from, as a list.</summary>
    public static void AppendCitations(StringBuilder md, IReadOnlyList<DocumentCitation> documents)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
            return;
        md.Append("Papers:\n");
        foreach (var d in documents)
            md.Append($"- `{d.Key}`: {d}\n");
        md.Append('\n');
    }

    /// <summary>The verdict legend, the kinds of refutation, and the statistical error rate, as Markdown.</summary>
    public static void AppendLegend(StringBuilder md, double statisticalDelta = 0)
    {
        ArgumentNullException.ThrowIfNull(md);
        md.Append("Verdicts:\n");
        foreach (var (verdict, meaning) in ReportText.Legend)
            md.Append($"- **{ReportText.Verdict(verdict)}**: {meaning}.\n");
        md.Append("\nA counterexample is **open-set** when every point of a printed exact box around it violates the statement, ")
          .Append("**degenerate** otherwise (a tie, a zero, a boundary). A claim's reading is **as-written** (the statement as the paper words it), ")
          .Append("**alternative** (a corrected or restricted reading) or **control** (a contrast that is not a claim of the paper).");
        if (statisticalDelta > 0)
            md.Append($" Verdicts marked *(statistical)* rest on confidence intervals; each test may err with probability ≤ {ReportText.Number(statisticalDelta)}, ")
              .Append("so that all the tests of a run together err with probability ≤ 1e-6.");
        md.Append("\n\n");
    }

    private static string Title(IReadOnlyList<DocumentCitation> documents, string key) =>
        documents.FirstOrDefault(d => d.Key == key)?.Title ?? key;

    private static void AppendFinding(StringBuilder md, ClaimResult r, CatalogReport report)
    {
        md.Append($"### `{r.Id}`: {ReportText.Verdict(r)}\n\n");
        md.Append($"{ReportText.Source(r.Claim.Source)} ({ReportText.Reading(r.Reading)}). {r.Claim.Statement}\n\n");
        if (r.Counterexample is { } c)
            AppendCounterexample(md, c, r.Formalizations.FirstOrDefault(f => f.Name == c.Formalization)?.Tolerance);
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

    /// <summary>Every formalization of <paramref name="results"/> the prover ran on: its domain, boxes, reduction and notes.</summary>
    private static void AppendProofs(StringBuilder md, IEnumerable<ClaimResult> results)
    {
        var proofs = results.SelectMany(r => r.Formalizations.Where(f => f.Proof is not null).Select(f => (r.Id, f.Name, Proof: f.Proof!))).ToList();
        if (proofs.Count == 0)
            return;
        md.Append("Proofs:\n\n");
        foreach (var (id, name, proof) in proofs)
        {
            md.Append($"`{id}`, formalization `{name}`:\n");
            AppendProof(md, proof);
            md.Append('\n');
        }
    }

    /// <summary>A formalization's proof result as one Markdown list item.</summary>
    public static void AppendProof(StringBuilder md, ProofResult proof)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(proof);
        md.Append(proof.Proved
            ? $"- Proof: **proved on {proof.Domain}**{(proof.CoversStatedDomain ? " (the whole stated domain" + (proof.Reduction is null ? ")" : $", through the reduction: {proof.Reduction})") : " (not the whole stated domain)")}, {ReportText.Number(proof.Boxes)} boxes"
            : $"- Proof: not completed on {proof.Domain}: {ReportText.Number(proof.Closed)} of {ReportText.Number(proof.Boxes)} boxes closed, {(proof.VolumeCoverage * 100).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} % of the volume");
        foreach (var note in proof.Notes)
            md.Append($"; {note}");
        md.Append('\n');
    }

    /// <summary>A counterexample as a Markdown list: inputs, the relation and its tolerance, both sides, margins, scope, certification, why.</summary>
    public static void AppendCounterexample(StringBuilder md, Counterexample c, string? tolerance)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(c);
        md.Append($"Counterexample (formalization `{c.Formalization}`{(c.ImplementationDefect ? ", an implementation defect" : "")}):\n");
        md.Append("- inputs: ").Append(string.Join(", ", c.Inputs.Select(i => $"`{i.Name} = {i.Value}`"))).Append('\n');
        if (c.Outputs is { Count: > 0 } outputs)
            md.Append("- outputs of the code under test: ").Append(string.Join(", ", outputs.Select(i => $"`{i.Name} = {i.Value}`"))).Append('\n');
        md.Append($"- relation: {c.Relation}").Append(tolerance is null ? "" : $"; tolerance: {tolerance}").Append('\n');
        md.Append($"- lhs = `{ReportText.Number(c.Lhs)}`, rhs = `{ReportText.Number(c.Rhs)}` (double precision)\n");
        md.Append($"- margin (double) = `{ReportText.Number(c.Margin)}`, certified margin ≥ `{ReportText.Number(c.CertifiedMargin)}`, {c.MarginUnit}\n");
        md.Append($"- scope: {ReportText.Scope(c.Scope)}").Append(c.Box is null ? "" : $" ({c.Box})").Append('\n');
        md.Append($"- certification: {c.Certification}\n");
        md.Append($"- found from: {c.Origin}{(c.Origin == "edge case" ? " (tried first at every seed)" : " (at this seed; another seed may need longer to find it)")}");
        md.Append(c.ShrinkSteps > 0 ? $", then shrunk in {ReportText.Number(c.ShrinkSteps)} step(s) to the simplest certified violation found\n" : "\n");
        md.Append($"- why: {c.Explanation}\n\n");
    }
}
