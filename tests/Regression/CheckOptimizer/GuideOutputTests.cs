using FlawedOptimizers;
using Verification.Cli;
using Verification.Tests.Regression.Cli;
using Xunit;

namespace Verification.Tests.Regression.CheckOptimizer;

/// <summary>
/// docs/guide-check-optimizer.md shows the real output of its command between markers; this test runs the same
/// command (same type, default budget and seed) and requires every shown line, so the guide cannot drift. To update
/// the guide after an intended change, paste the new console output between the markers.
/// </summary>
public class GuideOutputTests
{
    private const string Begin = "<!-- check-optimizer-output:begin -->";
    private const string End = "<!-- check-optimizer-output:end -->";

    [Fact]
    public void GuideExcerpt_MatchesTheRealOutput()
    {
        string guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "guide-check-optimizer.md"));
        int from = guide.IndexOf(Begin, StringComparison.Ordinal), to = guide.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "the guide lost its output markers");
        var shown = guide[(from + Begin.Length)..to].Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith("```", StringComparison.Ordinal)).ToList();
        Assert.True(shown.Count > 5, "the excerpt is empty");

        using var temp = new TempDirectory();
        var run = CliRun.Of("check-optimizer", "--assembly", typeof(NaiveNewton).Assembly.Location, "--type", "NaiveNewton", "--out", temp.Path);

        Assert.True(run.ExitCode == ExitCodes.DeclaredPropertyRefuted, run.ToString());
        var actual = run.Output.Split('\n').ToHashSet(StringComparer.Ordinal);
        Assert.All(shown, line => Assert.True(actual.Contains(line), $"the guide shows a line the command no longer prints:\n{line}\n--- actual output:\n{run.Output}"));
    }
}
