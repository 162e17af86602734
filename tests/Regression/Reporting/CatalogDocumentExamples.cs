using Verification.Engine;
using Verification.Engine.Reporting;
using Verification.Claims.Reporting;
using Xunit;

namespace Verification.Tests.Regression.Reporting;

public class CatalogDocumentExamples
{
    private static Claim ClaimFor(ClaimResult r) => r.Claim;

    [Fact]
    public void Document_SaysItIsGeneratedAndHowToRegenerateIt()
    {
        string text = CatalogDocument.Write([ClaimFor(SampleReports.Refuted)], SampleReports.Report);

        Assert.StartsWith("# Claims catalog\n", text, StringComparison.Ordinal);
        Assert.Contains("Generated file: do not edit", text, StringComparison.Ordinal);
        Assert.Contains($"`{CatalogDocument.RegenerateCommand}`", text, StringComparison.Ordinal);
        Assert.Contains("with seed 42 and budget 10", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EachClaim_HasSourceStatementReadingFormalizationsAndVerdict()
    {
        string text = CatalogDocument.Write([ClaimFor(SampleReports.Refuted)], SampleReports.Report);

        Assert.Contains("### `elmo/lemma-X`", text, StringComparison.Ordinal);
        Assert.Contains("- **Source:** Lemma X, eq. (9), §M.4", text, StringComparison.Ordinal);
        Assert.Contains("- **Statement:** a | b ≤ c.", text, StringComparison.Ordinal);
        Assert.Contains("- **Reading:** as-written", text, StringComparison.Ordinal);
        Assert.Contains("- **Interpretation:** The literal reading.", text, StringComparison.Ordinal);
        Assert.Contains("- **Verdict:** **refuted** (20 cases)", text, StringComparison.Ordinal);
        Assert.Contains("Formalization `bound` (inequality): **refuted**", text, StringComparison.Ordinal);
        Assert.Contains("- scope: open-set (every real input x in", text, StringComparison.Ordinal);
        Assert.Contains("- For all λ: b ≤ c.", text, StringComparison.Ordinal);
        Assert.Contains("- Tolerance: 1 ulp", text, StringComparison.Ordinal);
        Assert.Contains("lhs = `0.30000000000000004`", text, StringComparison.Ordinal);
        // Only the claims asked for: the report's other results are not listed.
        Assert.DoesNotContain("lodo/eq-2-psd", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClaimWithoutAResult_IsRejected()
    {
        var stray = new Claim("elmo/none", new ClaimSource("elmo", "L", null, "1"), "s", "r", []);
        var e = Assert.Throws<ArgumentException>("report", () => CatalogDocument.Write([stray], SampleReports.Report));
        Assert.Contains("elmo/none", e.Message, StringComparison.Ordinal);
    }
}
