using System.Globalization;
using System.Text.Json;
using Verification.Engine.Reporting;
using Xunit;

namespace Verification.Tests.Regression.Reporting;

public class JsonReportExamples
{
    private static JsonElement Claims => JsonDocument.Parse(JsonReport.Write(SampleReports.Report)).RootElement.GetProperty("claims");

    [Fact]
    public void FiniteDoubles_AreNumbersThatRoundTripBitForBit()
    {
        var cx = Claims[0].GetProperty("counterexample");
        Assert.Equal(JsonValueKind.Number, cx.GetProperty("lhs").ValueKind);
        Assert.Equal(BitConverter.DoubleToInt64Bits(SampleReports.Lhs), BitConverter.DoubleToInt64Bits(cx.GetProperty("lhs").GetDouble()));
        Assert.Equal(SampleReports.Counterexample.CertifiedMargin, cx.GetProperty("certifiedMargin").GetDouble());
        Assert.Contains("\"lhs\": 0.30000000000000004", JsonReport.Write(SampleReports.Report), StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteDoubles_AreStrings()
    {
        Assert.Equal("-Infinity", Claims[1].GetProperty("formalizations")[0].GetProperty("worstMargin").GetString());
        Assert.Equal("NaN", Claims[2].GetProperty("formalizations")[0].GetProperty("worstMargin").GetString());
    }

    [Fact]
    public void CounterexampleInputs_AreTheRecordedRoundTripStrings()
    {
        var inputs = Claims[0].GetProperty("counterexample").GetProperty("inputs");
        Assert.Equal("-1", inputs.GetProperty("lambda").GetString());
        Assert.Equal("5E-324", inputs.GetProperty("lipschitz").GetString());
        Assert.Equal(5e-324, double.Parse(inputs.GetProperty("lipschitz").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VerdictsSourcesAndVariants_AreWrittenAsDocumented()
    {
        var refuted = Claims[0];
        Assert.Equal("refuted", refuted.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, refuted.GetProperty("variant").ValueKind);
        Assert.Equal("Lemma X", refuted.GetProperty("label").GetString());
        Assert.Equal("(9)", refuted.GetProperty("equation").GetString());
        Assert.Equal("holds", refuted.GetProperty("formalizations")[1].GetProperty("verdict").GetString());
        Assert.Equal("a | b ≤ c.", refuted.GetProperty("statement").GetString());

        var inconclusive = Claims[1];
        Assert.Equal("inconclusive", inconclusive.GetProperty("verdict").GetString());
        Assert.Equal("literal", inconclusive.GetProperty("variant").GetString());
        Assert.Equal(JsonValueKind.Null, inconclusive.GetProperty("equation").ValueKind);
        Assert.Equal(JsonValueKind.Null, inconclusive.GetProperty("counterexample").ValueKind);
        Assert.Equal("[sign] every side overflowed", inconclusive.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public void Text_IsDeterministicWithLfLineEndings()
    {
        string first = JsonReport.Write(SampleReports.Report);
        Assert.Equal(first, JsonReport.Write(SampleReports.Report));
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void NullReport_IsRejected() => Assert.Throws<ArgumentNullException>("report", () => JsonReport.Write(null!));
}
