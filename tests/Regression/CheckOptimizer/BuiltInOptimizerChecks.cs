using System.Text.Json;
using Verification.Cli;
using Verification.Optimizers;
using Verification.Tests.Regression.Cli;
using Xunit;
using Verification.Optimizers.FirstOrder;

namespace Verification.Tests.Regression.CheckOptimizer;

/// <summary>
/// check-optimizer on every optimizer in <see cref="BuiltInOptimizers.All"/>: each must pass every property it
/// declares (exit 0). A new optimizer added to the registry is checked here without a new test.
/// </summary>
public class BuiltInOptimizerChecks
{
    public static TheoryData<string> BuiltIns() => new(BuiltInOptimizers.All.Select(b => b.TypeName));

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void BuiltIn_PassesEveryDeclaredProperty(string typeName)
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("check-optimizer", "--type", typeName, "--out", temp.Path);

        Assert.True(run.ExitCode == ExitCodes.Completed, run.ToString());
        Assert.Contains("Every declared property holds.", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "check-optimizer.json")));
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        var declared = json.RootElement.GetProperty("properties").EnumerateArray()
            .Where(p => p.GetProperty("declared").GetBoolean()).ToList();
        // finite-steps always, plus at least one declaration: a built-in that declares nothing checks nothing.
        Assert.Contains(declared, p => p.GetProperty("id").GetString() == "finite-steps");
        Assert.True(declared.Count >= 2, $"{typeName} declares no guarantee");
        Assert.All(declared, p => Assert.Equal("holds", p.GetProperty("verdict").GetString()));
    }

    [Fact]
    public void GradientDescent_UndeclaredSaddleProperty_IsRefutedButDoesNotFail()
    {
        // Gradient descent stays put at a strict saddle (∇f = 0): an informational finding, not a failure.
        using var temp = new TempDirectory();

        var run = CliRun.Of("check-optimizer", "--type", "GradientDescent", "--budget", "60", "--out", temp.Path);

        Assert.True(run.ExitCode == ExitCodes.Completed, run.ToString());
        Assert.Matches(@"leaves-strict-saddles\s+info\s+refuted", run.Output);
    }
}
