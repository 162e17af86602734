using Verification.Claims.Catalog;
using Verification.Cli;
using Xunit;

namespace Verification.Tests.Regression.Cli;

public class ListCommandExamples
{
    [Fact]
    public void List_PrintsEveryClaimWithItsStatement()
    {
        var run = CliRun.Of("list");

        Assert.True(run.ExitCode == ExitCodes.Completed, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ClaimCatalog.All.Count, lines.Length);
        foreach (var (claim, line) in ClaimCatalog.All.Zip(lines))
        {
            Assert.StartsWith(claim.Id + " ", line, StringComparison.Ordinal);
            Assert.EndsWith(claim.Statement, line.TrimEnd('\r'), StringComparison.Ordinal);
        }
    }
}
