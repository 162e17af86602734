using FlawedOptimizers;
using Verification.Checks;
using Verification.Checks.Properties;
using Verification.Engine;
using Xunit;

namespace FlawedOptimizers.Tests;

/// <summary>
/// The code of docs/guide-check-optimizer.md §6, verbatim (tests/Regression/CheckOptimizer/GuideCodeTests compares the
/// two): one property through its own check, then everything check-optimizer runs through the library entry point.
/// </summary>
public class NaiveNewtonLibraryChecks
{
    [Fact]
    public void QuasiNewton_IsRefuted_AndTheWholeReportNamesIt()
    {
        var result = QuasiNewtonCheck.Run(new NaiveNewton(), new CheckOptions(Budget: 120, Seed: 7));
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal(1, result.CounterexampleDimension);

        var report = OptimizerChecks.Run(new NaiveNewton(), new CheckOptions(Budget: 120, Seed: 7));   // everything check-optimizer runs
        Assert.Contains("quasi-newton", report.FailedDeclarations.Select(p => p.Property));
    }
}
