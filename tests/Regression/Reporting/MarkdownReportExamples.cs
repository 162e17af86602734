using Verification.Engine;
using Verification.Engine.Reporting;
using Xunit;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Regression.Reporting;

public class MarkdownReportExamples
{
    private static readonly string Text = MarkdownReport.Write(
        SampleReports.Report with { Documents = Verification.Claims.Catalog.Papers.All, StatisticalDelta = 1e-12 },
        [new ReportFigure("ratio.png", "the ratio")]);

    [Fact]
    public void ProvedFormalization_ShowsItsDomainBoxesAndReduction()
    {
        var proof = new ProofResult("x ∈ [0, 1]", true, true, 7, 7, 1, "x ↦ μx", ["the reduction was checked"]);
        var proved = SampleReports.OtherDocument with
        {
            Verdict = Verdict.Proved,
            Formalizations = [SampleReports.OtherDocument.Formalizations[0] with { Verdict = Verdict.Proved, Proof = proof }],
        };
        string text = MarkdownReport.Write(SampleReports.Report with { Results = [SampleReports.Refuted, proved] });
        Assert.Contains("`lodo/eq-2-psd`, formalization `psd`:\n- Proof: **proved on x ∈ [0, 1]** (the whole stated domain, through the reduction: x ↦ μx), 7 boxes; the reduction was checked\n",
            text, StringComparison.Ordinal);
        // Without a proof there is no proof section.
        Assert.DoesNotContain("Proofs:", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EachDocument_HasItsPaperTitleAndAVerdictTable()
    {
        Assert.Contains("## Optimizer Selection Based on Function-Proxy Proximity (ELMO, AMOS) (`elmo`)", Text, StringComparison.Ordinal);
        Assert.Contains("## Learning to Optimize Quasi-Newton Methods (LODO) (`lodo`)", Text, StringComparison.Ordinal);
        Assert.Contains("| `elmo/lemma-X` | as-written | refuted | 20 | Lemma X, eq. (9), §M.4 |", Text, StringComparison.Ordinal);
        Assert.Contains("| `lodo/eq-2-psd` | as-written | holds | 10 | Eq. 2, eq. (2), §3.1 |", Text, StringComparison.Ordinal);
        // The ELMO section comes before the LODO one, as in the report.
        Assert.True(Text.IndexOf("(`elmo`)", StringComparison.Ordinal) < Text.IndexOf("(`lodo`)", StringComparison.Ordinal));
    }

    [Fact]
    public void RefutedClaim_ShowsItsCounterexampleInFullPrecision()
    {
        Assert.Contains("`lambda = -1`, `lipschitz = 5E-324`", Text, StringComparison.Ordinal);
        Assert.Contains("lhs = `0.30000000000000004`, rhs = `0.3`", Text, StringComparison.Ordinal);
        Assert.Contains("certified margin ≥ `5.551115123125783E-17`", Text, StringComparison.Ordinal);
        Assert.Contains("- certification: exact rational: lhs − rhs ∈ [5.5e-17, 5.6e-17]", Text, StringComparison.Ordinal);
        Assert.Contains("- why: m exceeds 5|M| in a concave eigenspace.", Text, StringComparison.Ordinal);
        Assert.Contains("verify --filter elmo/lemma-X --seed 42 --budget 10", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_CitesThePapers_AndCountsRefutationsByKind()
    {
        Assert.Contains("arXiv:2210.06171", Text, StringComparison.Ordinal);
        Assert.Contains("Lukas Balles", Text, StringComparison.Ordinal);
        // Two refutations: the as-written one on an open set, and a control that is not a finding about the paper.
        Assert.Contains("Refuted: 1 as written (1 on an open set, 0 at degenerate points), 0 alternative readings, 1 controls", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counterexample_ShowsTheRelationTheUnitAndTheScope()
    {
        Assert.Contains("- relation: lhs ≤ rhs; tolerance: none", Text, StringComparison.Ordinal);
        Assert.Contains("relative to |lhs| + |rhs|", Text, StringComparison.Ordinal);
        Assert.Contains("- scope: open-set (every real input x in", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InconclusiveClaim_GivesItsReason()
    {
        int section = Text.IndexOf("### `elmo/eq-99/literal`: inconclusive", StringComparison.Ordinal);
        Assert.True(section >= 0, Text);
        Assert.Contains("Reason:\n- [sign] every side overflowed", Text[section..], StringComparison.Ordinal);
    }

    [Fact]
    public void ClaimThatHolds_GetsNoFindingSection() =>
        Assert.DoesNotContain("### `lodo/eq-2-psd`", Text, StringComparison.Ordinal);

    [Fact]
    public void Legend_NamesEveryVerdict()
    {
        foreach (var verdict in new[] { "holds", "refuted", "vacuous", "inconclusive" })
            Assert.Contains($"- **{verdict}**: ", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_AreLinkedWithTheirCaptions() =>
        Assert.Contains("![ratio.png](ratio.png)\n\n*the ratio*", Text, StringComparison.Ordinal);
}
