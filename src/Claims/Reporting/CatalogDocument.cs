using System.Text;
using Verification.Claims.Engine;
using Verification.Claims.Model;

namespace Verification.Claims.Reporting;

/// <summary>
/// The generated catalog, docs/claims.md: every claim's ID, source, statement, reading, formalizations
/// (description and tolerance) and computed verdict with its counterexample. The seed and budget it is
/// generated with live here, so the <c>docs</c> command and the staleness test cannot drift apart.
/// </summary>
public static class CatalogDocument
{
    /// <summary>The seed docs/claims.md (and the catalog snapshot) is computed with.</summary>
    public const ulong Seed = CatalogRun.DefaultSeed;

    /// <summary>
    /// Evaluations per formalization for docs/claims.md and the catalog snapshot: a modest budget, so the whole
    /// catalog runs in well under a minute on two cores while still reaching every edge case and climbing.
    /// </summary>
    public const int Budget = 400;

    /// <summary>Where the document lives, relative to the repository root.</summary>
    public const string RelativePath = "docs/claims.md";

    /// <summary>The command that regenerates the document, run from the repository root.</summary>
    public const string RegenerateCommand = "dotnet run --project src/Cli -- docs";

    /// <summary>Checks <paramref name="claims"/> with the document's seed and budget: the run docs/claims.md is written from.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="claims"/> is null.</exception>
    public static CatalogReport Run(IReadOnlyList<Claim> claims) => CatalogRun.Execute(claims, Budget, Seed);

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

        var md = new StringBuilder();
        md.Append("# Claims catalog\n\n");
        md.Append("<!-- Generated file: do not edit. Regenerate with `").Append(RegenerateCommand).Append("`. -->\n\n");
        md.Append("Generated from the claim registry (src/Claims/Catalog) by `").Append(RegenerateCommand).Append("`, ")
          .Append($"with seed {ReportText.Number(report.Seed)} and budget {ReportText.Number(report.Budget)} evaluations per formalization. ")
          .Append("Do not edit by hand: a test fails when this file differs from what the registry computes.\n\n");
        md.Append($"{ReportText.Number(claims.Count)} claims: {ReportText.Counts(claims.Select(c => byId[c.Id]))}.\n\n");
        MarkdownReport.AppendLegend(md);

        foreach (var group in claims.GroupBy(c => c.Source.Document))
        {
            md.Append($"## {ReportText.DocumentTitle(group.Key)} (`{group.Key}`)\n\n");
            md.Append("| ID | Verdict | Source |\n|---|---|---|\n");
            foreach (var c in group)
                md.Append($"| [`{c.Id}`](#{Anchor(c.Id)}) | {ReportText.Verdict(byId[c.Id].Verdict)} | {ReportText.Cell(ReportText.Source(c.Source))} |\n");
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
        md.Append($"- **Statement:** {claim.Statement}\n");
        md.Append($"- **Reading:** {claim.Reading}\n");
        md.Append($"- **Verdict:** **{ReportText.Verdict(result.Verdict)}** ({ReportText.Number(result.Cases)} cases)\n\n");

        foreach (var f in result.Formalizations)
        {
            md.Append($"Formalization `{f.Name}`: **{ReportText.Verdict(f.Verdict)}** ")
              .Append($"({ReportText.Number(f.Cases)} cases, {ReportText.Number(f.Accepted)} accepted, {ReportText.Number(f.Violations)} apparent violations, ")
              .Append($"{ReportText.Number(f.RoundingArtifacts)} rounding artifacts, {ReportText.Number(f.Undecidable)} undecidable; worst margin {ReportText.Number(f.WorstMargin)})\n");
            md.Append($"- {f.Description}\n");
            md.Append($"- Tolerance: {f.Tolerance}\n");
            foreach (var note in f.Notes)
                md.Append($"- Note: {note}\n");
            md.Append('\n');
            if (f.Counterexample is { } c)
                MarkdownReport.AppendCounterexample(md, c);
        }
    }

    /// <summary>An HTML anchor for a claim ID: letters, digits and dashes only.</summary>
    private static string Anchor(string id) =>
        new(id.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());
}
