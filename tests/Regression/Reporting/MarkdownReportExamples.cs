using Verification.Engine.Reporting;
using Xunit;

namespace Verification.Tests.Regression.Reporting;

public class MarkdownReportExamples
{
    private static readonly string Text = MarkdownReport.Write(SampleReports.Report, [new ReportFigure("ratio.png", "the ratio")]);

    [Fact]
    public void EachDocument_HasItsPaperTitleAndAVerdictTable()
    {
        Assert.Contains("## Optimizer Selection Based on Function-Proxy Proximity (ELMO, AMOS) (`elmo`)", Text, StringComparison.Ordinal);
        Assert.Contains("## Learning to Optimize Quasi-Newton Methods (LODO) (`lodo`)", Text, StringComparison.Ordinal);
        Assert.Contains("| `elmo/lemma-X` | refuted | 20 | Lemma X, eq. (9), §M.4 |", Text, StringComparison.Ordinal);
        Assert.Contains("| `lodo/eq-2-psd` | holds | 10 | Eq. 2, eq. (2), §3.1 |", Text, StringComparison.Ordinal);
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
