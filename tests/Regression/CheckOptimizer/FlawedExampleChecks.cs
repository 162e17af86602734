using System.Text.Json;
using FlawedOptimizers;
using Verification.Cli;
using Verification.Tests.Regression.Cli;
using Xunit;

namespace Verification.Tests.Regression.CheckOptimizer;

/// <summary>check-optimizer on the deliberately flawed examples in examples/FlawedOptimizers, loaded from their .dll.</summary>
public class FlawedExampleChecks
{
    private static string ExampleAssembly => typeof(NaiveNewton).Assembly.Location;

    [Fact]
    public void NaiveNewton_IsCaught_WithTheQuasiNewtonAndConcaveProperties()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("check-optimizer", "--assembly", ExampleAssembly, "--type", "NaiveNewton", "--budget", "120", "--out", temp.Path);

        Assert.True(run.ExitCode == ExitCodes.DeclaredPropertyRefuted, run.ToString());
        Assert.Matches(@"quasi-newton\s+declared\s+refuted", run.Output);
        Assert.Matches(@"no-ascent-in-concave-directions\s+declared\s+refuted", run.Output);
        Assert.Matches(@"descent-on-convex-quadratics\s+declared\s+holds", run.Output);
        Assert.Contains("Φ is not positive semi-definite", run.Output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "check-optimizer.json")));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        var quasi = json.RootElement.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "quasi-newton");
        var counterexample = quasi.GetProperty("counterexample");
        // Shrunk to the smallest case: one concave direction.
        Assert.Equal("1", counterexample.GetProperty("inputs").GetProperty("n").GetString());
        Assert.StartsWith("[-", counterexample.GetProperty("inputs").GetProperty("λ").GetString(), StringComparison.Ordinal);
        string markdown = File.ReadAllText(Path.Combine(temp.Path, "check-optimizer.md"));
        Assert.Contains("## `quasi-newton` (declared): refuted", markdown, StringComparison.Ordinal);
        Assert.Contains("Replay: `dotnet run --project src/Cli -- check-optimizer --assembly", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void UnscaledSignDescent_IsCaught_ByLemma62_ThroughItsStaticFactory()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("check-optimizer", "--assembly", ExampleAssembly, "--type", "FlawedOptimizers.UnscaledSignDescent", "--budget", "120", "--out", temp.Path);

        Assert.True(run.ExitCode == ExitCodes.DeclaredPropertyRefuted, run.ToString());
        Assert.Matches(@"steepest-descent\s+declared\s+refuted", run.Output);
        Assert.Contains("Lemma 6.2", run.Output, StringComparison.Ordinal);
        Assert.Contains("Declared properties refuted: steepest-descent (exit code 3).", run.Output, StringComparison.Ordinal);
    }
}
