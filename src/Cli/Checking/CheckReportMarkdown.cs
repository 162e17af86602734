using System.Text;
using Verification.Checks;
using Verification.Checks.Results;
using Verification.Engine.Reporting;
using Verification.Numerics.Elmo;

namespace Verification.Cli.Checking;

/// <summary>
/// check-optimizer.md: the verdict legend, a table of properties (declared or informational), each refuted or
/// inconclusive property with its smallest counterexample in full precision, the ELMO regret table, the replay command.
/// </summary>
internal static class CheckReportMarkdown
{
    internal static string Write(OptimizerCheckReport report, string replay)
    {
        var md = new StringBuilder();
        md.Append($"# check-optimizer report: `{report.Optimizer}`\n\n");
        md.Append($"Type `{report.TypeName}`, seed {ReportText.Number(report.Options.Seed)}, budget {ReportText.Number(report.Options.Budget)} evaluations per property. ");
        md.Append(report.Passed
            ? "**Every declared property holds.**\n\n"
            : $"**Declared properties refuted: {string.Join(", ", report.FailedDeclarations.Select(p => $"`{p.Property}`"))}.**\n\n");
        md.Append("Verdicts:\n");
        foreach (var (verdict, meaning) in CheckReportText.Legend)
            md.Append($"- **{verdict}**: {meaning}.\n");
        md.Append("- *declared* properties are requirements (finite-steps always is); *info* ones are checked for information only.\n\n");

        md.Append("| Property | Role | Verdict | Cases |\n|---|---|---|---:|\n");
        foreach (var p in report.Properties)
            md.Append($"| `{p.Property}` | {CheckReportText.Role(p)} | {ReportText.Verdict(p.Verdict)} | {ReportText.Number(p.Cases)} |\n");
        md.Append('\n');

        foreach (var p in report.Properties.Where(p => p.Verdict != Verification.Engine.Verdict.Holds))
        {
            md.Append($"## `{p.Property}` ({CheckReportText.Role(p)}): {ReportText.Verdict(p.Verdict)}\n\n{p.Statement}\n\n");
            if (p.Counterexample is { } c)
                MarkdownReport.AppendCounterexample(md, c, p.Tolerance);
            foreach (var note in p.Notes)
                md.Append($"- note: {note}\n");
            md.Append('\n');
        }

        md.Append("## Distance to ELMO's step (elmo-amos §3.4)\n\n");
        md.Append("Per eigenspace of H(θ) on cubic-perturbed quadratics with L_t^i = L_H: the step x = Δθᵀv_i, ELMO's x* (eq. 7), ");
        md.Append("ΔΔ' = (x − x*)/x* (Notation 8) and the regret ratio M(x)/M(x*) with M of eq. (3) (1: ELMO's guaranteed descent; < 0: the pessimistic model rises).\n\n");
        md.Append("| Problem | λ | g | L | x | x* | ΔΔ' | M(x)/M(x*) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in report.Regret)
            md.Append($"| {ReportText.Cell(r.Problem)} | {G(r.Lambda)} | {G(r.Gradient)} | {G(r.Lipschitz)} | {G(r.Step)} | {G(r.ElmoStep)} | {G(r.RelativeDistance)} | {G(r.RegretRatio)} |\n");
        foreach (var note in report.RegretNotes)
            md.Append($"\n- not measured: {note}\n");
        md.Append($"\nReplay: `{replay}`\n");
        return md.ToString();
    }

    private static string G(double x) => double.IsNaN(x) ? "—" : x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
