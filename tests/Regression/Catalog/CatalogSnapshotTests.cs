using Snapshooter.Xunit;
using Verification.Engine;
using Verification.Engine.Reporting;
using Xunit;

namespace Verification.Tests.Regression.Catalog;

/// <summary>
/// Pins the computed verdict of every claim (design.md: "a change that flips a verdict is seen in review"). The
/// snapshot lives in __snapshots__ beside this file; README.md says how to regenerate it.
/// </summary>
[Collection(CatalogRunCollection.Name)]
public class CatalogSnapshotTests(CatalogRunFixture run)
{
    [Fact]
    public void Catalog_Verdicts_MatchSnapshot()
    {
        Assert.NotEmpty(run.Report.Results);
        var projection = new CatalogSnapshot(
            ReportText.Number(run.Report.Seed),
            ReportText.Number(run.Report.Budget),
            run.Report.Results.Select(ClaimSnapshot.Of).ToList());

        Snapshot.Match(projection);
    }

    /// <summary>The stable part of a run: every double as round-trip text, so the file reads the same everywhere.</summary>
    public sealed record CatalogSnapshot(string Seed, string Budget, IReadOnlyList<ClaimSnapshot> Claims);

    /// <summary>One claim's verdict, its formalizations' verdicts and its counterexample.</summary>
    public sealed record ClaimSnapshot(string Id, string Verdict, IReadOnlyList<string> Formalizations, CounterexampleSnapshot? Counterexample)
    {
        internal static ClaimSnapshot Of(ClaimResult r) => new(
            r.Id,
            ReportText.Verdict(r.Verdict),
            r.Formalizations.Select(f => $"{f.Name}: {ReportText.Verdict(f.Verdict)}").ToList(),
            r.Counterexample is { } c ? CounterexampleSnapshot.Of(c) : null);
    }

    /// <summary>A counterexample: inputs as recorded, sides and certified margin in "R" form.</summary>
    public sealed record CounterexampleSnapshot(string Formalization, IReadOnlyList<string> Inputs, string Lhs, string Rhs, string CertifiedMargin)
    {
        internal static CounterexampleSnapshot Of(Counterexample c) => new(
            c.Formalization,
            c.Inputs.Select(i => $"{i.Name} = {i.Value}").ToList(),
            ReportText.Number(c.Lhs),
            ReportText.Number(c.Rhs),
            ReportText.Number(c.CertifiedMargin));
    }
}
