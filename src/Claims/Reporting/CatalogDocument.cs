using System.Text;
using Verification.Claims.Catalog;
using Verification.Engine;
using Verification.Engine.Reporting;

namespace Verification.Claims.Reporting;

/// <summary>
/// The generated catalog, docs/claims.md: the papers cited; every claim's ID, reading, source, file, statement,
/// interpretation, formalizations (kind, description, tolerance, how their inputs were settled) and computed verdict
/// with its counterexample. It is computed at the seed and budget a plain <c>verify</c> uses, so the published catalog
/// is what a user reproduces.
/// </summary>
public static class CatalogDocument
{
    /// <summary>The seed docs/claims.md (and the catalog snapshot) is computed with: <c>verify</c>'s default.</summary>
    public const ulong Seed = CatalogRun.DefaultSeed;

    /// <summary>Evaluations per formalization for docs/claims.md and the catalog snapshot: <c>verify</c>'s default.</summary>
    public const int Budget = CatalogRun.DefaultBudget;

    /// <summary>Where the document lives, relative to the repository root.</summary>
    public const string RelativePath = "docs/claims.md";

    /// <summary>The command that regenerates the document, run from the repository root.</summary>
    public const string RegenerateCommand = "dotnet run --project src/Cli -- docs";

    /// <summary>Checks <paramref name="claims"/> with the document's seed and budget: the run docs/claims.md is written from.</summary>
    public static CatalogReport Run(IReadOnlyList<Claim> claims) => ClaimCatalog.Check(claims, Budget, Seed);

    /// <summary>The text of docs/claims.md for <paramref name="claims"/> and their results in <paramref name="report"/>.</summary>
    /// <exception cref="ArgumentException">A claim has no result in <paramref name="report"/>.</exception>
    public static string Write(IReadOnlyList<Claim> claims, CatalogReport report)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(report);
        var byId = new Dictionary<string, ClaimResult>(StringComparer.Ordinal);
        foreach (var r in report.Results)
            byId[r.Id] = r;
        var missing = claims.FirstOrDefault(c => !byId.ContainsKey(c.Id));
        if (missing is not null)
            throw new ArgumentException($"claim {missing.Id} has no result in the report.", nameof(report));
        var results = claims.Select(c => byId[c.Id]).ToList();

        var md = new StringBuilder();
        md.Append("# Claims catalog\n\n");
        md.Append("<!-- Generated file: do not edit. Regenerate with `").Append(RegenerateCommand).Append("`. -->\n\n");
        md.Append("Generated from the claim registry (src/Claims/Catalog) by `").Append(RegenerateCommand).Append("`, ")
          .Append($"with seed {ReportText.Number(report.Seed)} and budget {ReportText.Number(report.Budget)} evaluations per formalization ")
          .Append("(the defaults of `verify`). Do not edit by hand: a test fails when this file differs from what the registry computes.\n\n");
        MarkdownReport.AppendCitations(md, Papers.All);
        md.Append($"{ReportText.Number(claims.Count)} claims: {ReportText.Counts(results)}. ")
          .Append($"Refuted: {ReportText.RefutationKinds(results)}.\n\n");
        MarkdownReport.AppendLegend(md, report.StatisticalDelta);

        foreach (var group in claims.GroupBy(c => c.Source.Document))
        {
            string title = Papers.All.FirstOrDefault(p => p.Key == group.Key)?.Title ?? group.Key;
            md.Append($"## {title} (`{group.Key}`)\n\n");
            md.Append("| ID | Reading | Verdict | Source |\n|---|---|---|---|\n");
            foreach (var c in group)
                md.Append($"| [`{c.Id}`](#{Anchor(c.Id)}) | {ReportText.Reading(c.Reading)} | {ReportText.Verdict(byId[c.Id])} | {ReportText.Cell(ReportText.Source(c.Source))} |\n");
            md.Append('\n');
            foreach (var c in group)
                AppendClaim(md, c, byId[c.Id]);
        }
        return md.ToString();
    }

    private static void AppendClaim(StringBuilder md, Claim claim, ClaimResult result)
    {
        md.Append($"<a id=\"{Anchor(claim.Id)}\"></a>\n\n### `{claim.Id}`\n\n");
        md.Append($"- **Source:** {ReportText.Source(claim.Source)}\n");
        if (claim.SourceFile is not null)
            md.Append($"- **File:** [{claim.SourceFile}](../{claim.SourceFile})\n");
        md.Append($"- **Reading:** {ReportText.Reading(claim.Reading)}\n");
        md.Append($"- **Statement:** {claim.Statement}\n");
        md.Append($"- **Interpretation:** {claim.Interpretation}\n");
        md.Append($"- **Verdict:** **{ReportText.Verdict(result)}** ({ReportText.Number(result.Cases)} cases)\n\n");

        foreach (var f in result.Formalizations)
        {
            var t = f.Tally;
            md.Append($"Formalization `{f.Name}` ({ReportText.Kind(f.Kind)}): **{ReportText.Verdict(f.Verdict)}** ")
              .Append($"({ReportText.Number(t.Distinct)} distinct inputs, {ReportText.Number(t.Accepted)} accepted, ")
              .Append($"{ReportText.Number(t.Violations)} double-precision violations: {ReportText.Number(t.Certified)} certified, ")
              .Append($"{ReportText.Number(t.Artefacts)} rounding, {ReportText.Number(t.Undecidable)} undecidable, {ReportText.Number(t.Unexamined)} unexamined; ")
              .Append($"worst margin {ReportText.Number(f.WorstMargin)})\n");
            md.Append($"- {f.Description}\n");
            md.Append($"- Tolerance: {f.Tolerance}\n");
            if (f.Proof is { } proof)
                MarkdownReport.AppendProof(md, proof);
            foreach (var note in f.Notes)
                md.Append($"- Note: {note}\n");
            md.Append('\n');
            if (f.Counterexample is { } c)
                MarkdownReport.AppendCounterexample(md, c, f.Tolerance);
        }
    }

    /// <summary>An HTML anchor for a claim ID: letters, digits and dashes only.</summary>
    private static string Anchor(string id) =>
        new(id.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());
}
