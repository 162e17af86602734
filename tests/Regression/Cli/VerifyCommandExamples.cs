using System.Text.Json;
using Verification.Engine;
using Verification.Cli;
using Xunit;

namespace Verification.Tests.Regression.Cli;

/// <summary><c>verify</c> on one claim writes the reports and plots, and the JSON carries the documented schema.</summary>
public class VerifyCommandExamples
{
    private const string Claim = "elmo/eq-14";
    private const int Budget = 200;

    private static readonly string[] ClaimFields =
        ["id", "variant", "document", "label", "equation", "section", "statement", "verdict", "cases", "seed", "counterexample", "formalizations", "notes"];

    private static readonly string[] FormalizationFields =
        ["name", "description", "tolerance", "verdict", "cases", "accepted", "violations", "roundingArtifacts", "undecidable", "worstMargin", "notes"];

    private static readonly string[] CounterexampleFields =
        ["formalization", "inputs", "lhs", "rhs", "margin", "certifiedMargin", "certification", "explanation"];

    private static readonly string[] Verdicts = ["proved", "holds", "refuted", "vacuous", "inconclusive"];

    [Fact]
    public void Verify_OneClaim_WritesJsonMarkdownAndPlots()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("verify", "--filter", Claim, "--budget", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", temp.Path);

        Assert.True(run.ExitCode == ExitCodes.Completed, run.ToString());
        Assert.Contains($"[1/1] {Claim}", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 claim in", run.Output, StringComparison.Ordinal);

        string[] expected = ["claims.json", "claims.md", "ratio-m-over-M.png", "elmo-newton-cauchy-steps.png"];
        foreach (var file in expected)
        {
            string path = Path.Combine(temp.Path, file);
            Assert.True(File.Exists(path), $"{file} was not written.\n{run}");
            Assert.Contains(path, run.Output, StringComparison.Ordinal);
        }
        foreach (var png in Directory.GetFiles(temp.Path, "*.png"))
        {
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 10_000, $"{png} is only {bytes.Length} bytes: an empty canvas?");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        Assert.Contains($"`{Claim}`", File.ReadAllText(Path.Combine(temp.Path, "claims.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Json_HasTheDocumentedSchema()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("verify", "--filter", Claim, "--budget", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", temp.Path);
        Assert.True(run.ExitCode == ExitCodes.Completed, run.ToString());

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "claims.json")));
        var root = json.RootElement;
        Assert.Equal(CatalogRun.DefaultSeed, root.GetProperty("seed").GetUInt64());
        Assert.Equal(Budget, root.GetProperty("budget").GetInt32());
        var claim = Assert.Single(root.GetProperty("claims").EnumerateArray());
        AssertFields(claim, ClaimFields);
        Assert.Equal(Claim, claim.GetProperty("id").GetString());
        Assert.Equal("elmo", claim.GetProperty("document").GetString());
        Assert.Contains(claim.GetProperty("verdict").GetString(), Verdicts);
        Assert.True(claim.GetProperty("cases").GetInt32() > 0);

        Assert.NotEmpty(claim.GetProperty("formalizations").EnumerateArray());
        foreach (var f in claim.GetProperty("formalizations").EnumerateArray())
        {
            AssertFields(f, FormalizationFields);
            Assert.Contains(f.GetProperty("verdict").GetString(), Verdicts);
        }

        var cx = claim.GetProperty("counterexample");
        if (claim.GetProperty("verdict").GetString() == "refuted")
        {
            AssertFields(cx, CounterexampleFields);
            Assert.Equal(JsonValueKind.Object, cx.GetProperty("inputs").ValueKind);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, cx.ValueKind);
        }
    }

    private static void AssertFields(JsonElement element, IEnumerable<string> fields)
    {
        foreach (var field in fields)
            Assert.True(element.TryGetProperty(field, out _), $"field '{field}' is missing in {element}");
    }
}
