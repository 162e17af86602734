using System.Text.Json;
using FlawedOptimizers;
using Verification.Cli;
using Verification.Tests.Regression.Cli;
using Xunit;

namespace Verification.Tests.Regression.CheckOptimizer;

/// <summary>
/// Each situation of issue 13's list, as a flawed example in examples/FlawedOptimizers, gives its documented finding
/// and exit code: never exit 0, never a stack trace. The optimizers run in check-optimizer's worker process.
/// Budgets are small (the findings come from edge cases) and --timeout is 3 s (loading the worker gets at least 30 s), to keep the tests' share small.
/// </summary>
public class MisbehavingOptimizerChecks
{
    private static string ExampleAssembly => typeof(NaiveNewton).Assembly.Location;

    private static CliRun Check(string type, TempDirectory temp, string budget = "40") =>
        CliRun.Of("check-optimizer", "--assembly", ExampleAssembly, "--type", type, "--budget", budget, "--timeout", "3", "--out", temp.Path);

    [Fact]
    public void RejectingEveryInput_IsNotAPass_ButUndecided()
    {
        using var temp = new TempDirectory();
        var run = Check(nameof(RejectsEveryInput), temp);
        Assert.True(run.ExitCode == ExitCodes.DeclaredPropertyUndecided, run.ToString());
        Assert.Matches(@"finite-steps\s+declared\s+inconclusive", run.Output);
        Assert.Contains("Declared properties not shown to hold: finite-steps (inconclusive)", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "check-optimizer.json")));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void StepOneEntryTooLong_RefutesFiniteSteps()
    {
        using var temp = new TempDirectory();
        var run = Check(nameof(StepOneEntryTooLong), temp);
        Assert.True(run.ExitCode == ExitCodes.DeclaredPropertyRefuted, run.ToString());
        Assert.Matches(@"finite-steps\s+declared\s+refuted", run.Output);
        Assert.Contains("Step() returned a vector of length 2 for n = 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void FlippedMomentum_RefutesTheHeavyBallRecurrence_AtItsSecondStep()
    {
        using var temp = new TempDirectory();
        var run = Check(nameof(FlippedMomentum), temp);
        Assert.True(run.ExitCode == ExitCodes.DeclaredPropertyRefuted, run.ToString());
        Assert.Matches(@"heavy-ball-momentum\s+declared\s+refuted", run.Output);
        // f = ½θ², θ₀ = 1: Δθ₀ = −0.1 (right), then β·Δθ₀ − η·∇f(0.9) = −0.09 − 0.09 = −0.18, while the flipped sign gives −0.
        Assert.Contains("at t = 1, coordinate 0: Δθ = -0 but the heavy-ball recurrence βΔθ_{t−1} − η∇f(θ_t) gives -0.18", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void StepThatNeverReturns_IsAOneLineFinding_AfterTheTimeout()
    {
        using var temp = new TempDirectory();
        var run = Check(nameof(LoopsForever), temp);
        Assert.True(run.ExitCode == ExitCodes.OptimizerFault, run.ToString());
        Assert.Matches(@"finding: Step\(\) at t = 0 of a run on .* did not return within 3 s \(--timeout\); the optimizer's process was stopped while checking finite-steps \(exit code 5\)\.", run.Output);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void StackOverflow_KillsOnlyTheWorker_AndIsAOneLineFinding()
    {
        using var temp = new TempDirectory();
        var run = Check(nameof(InfiniteRecursion), temp);
        Assert.True(run.ExitCode == ExitCodes.OptimizerFault, run.ToString());
        Assert.Contains("the optimizer's process died during Step() at t = 0", run.Output, StringComparison.Ordinal);
        Assert.Contains("exit code 134, signal 6 SIGABRT: Stack overflow.", run.Output, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Theory]
    [InlineData(nameof(ThrowingName), "the optimizer's Name getter threw InvalidOperationException: the name is not configured")]
    [InlineData(nameof(ThrowingGuarantees), "the optimizer's Guarantees getter threw NotSupportedException: guarantees are not declared yet")]
    public void ThrowingGetter_IsAOneLineFinding(string type, string finding)
    {
        using var temp = new TempDirectory();
        var run = Check(type, temp);
        Assert.True(run.ExitCode == ExitCodes.OptimizerFault, run.ToString());
        Assert.Contains($"finding: {finding} (exit code 5).", run.Output, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    private static void AssertNoStackTrace(CliRun run)
    {
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
