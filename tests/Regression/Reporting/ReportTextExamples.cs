using Verification.Engine;
using Verification.Engine.Reporting;
using Xunit;

namespace Verification.Tests.Regression.Reporting;

public class ReportTextExamples
{
    [Fact]
    public void Source_JoinsLabelEquationAndSection() =>
        Assert.Equal("Lemma C.2, eq. (14), §M.4", ReportText.Source(new ClaimSource("elmo", "Lemma C.2", "(14)", "M.4")));

    [Fact]
    public void Source_DoesNotRepeatAnEquationTheLabelNames() =>
        Assert.Equal("eq. (7), §3.2", ReportText.Source(new ClaimSource("elmo", "eq. (7)", "(7)", "3.2")));

    [Fact]
    public void Source_WithoutEquation_HasLabelAndSection() =>
        Assert.Equal("Lemma C.2, §C", ReportText.Source(new ClaimSource("elmo", "Lemma C.2", null, "C")));

    [Fact]
    public void Cell_EscapesPipesAndFlattensLines() => Assert.Equal("a \\| b c", ReportText.Cell("a | b\r\nc"));

    [Fact]
    public void Number_IsRoundTripAndNamesNonFiniteValues()
    {
        Assert.Equal("0.30000000000000004", ReportText.Number(0.1 + 0.2));
        Assert.Equal("5E-324", ReportText.Number(double.Epsilon));
        Assert.Equal("-0", ReportText.Number(-0.0));
        Assert.Equal("NaN", ReportText.Number(double.NaN));
        Assert.Equal("Infinity", ReportText.Number(double.PositiveInfinity));
        Assert.Equal("-Infinity", ReportText.Number(double.NegativeInfinity));
    }

    [Fact]
    public void Verdict_OutsideTheEnum_IsRejected() =>
        Assert.Throws<ArgumentException>("verdict", () => ReportText.Verdict((Verdict)42));

    [Fact]
    public void Reading_AndScope_AreSpelledAsInClaimsJson()
    {
        Assert.Equal("as-written", ReportText.Reading(Reading.AsWritten));
        Assert.Equal("alternative", ReportText.Reading(Reading.Alternative));
        Assert.Equal("control", ReportText.Reading(Reading.Control));
        Assert.Equal("open-set", ReportText.Scope(Scope.OpenSet));
        Assert.Equal("degenerate", ReportText.Scope(Scope.Degenerate));
        Assert.Throws<ArgumentException>("reading", () => ReportText.Reading((Reading)9));
    }
}
