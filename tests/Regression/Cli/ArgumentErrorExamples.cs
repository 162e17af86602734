using Verification.Cli;
using Xunit;

namespace Verification.Tests.Regression.Cli;

/// <summary>Bad arguments end with a non-zero exit and a one-line reason on stderr, never a stack trace.</summary>
public class ArgumentErrorExamples
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("1e3")]
    [InlineData("2147483648")]
    public void Verify_BudgetNotAPositiveInt_IsAUsageError(string budget)
    {
        var run = CliRun.Of("verify", "--budget", budget, "--filter", "elmo/eq-14");
        AssertUsageError(run, "--budget", budget);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("seed")]
    [InlineData("1.5")]
    [InlineData("18446744073709551616")]
    public void Verify_SeedNotAnUnsignedLong_IsAUsageError(string seed)
    {
        var run = CliRun.Of("verify", "--seed", seed, "--filter", "elmo/eq-14");
        AssertUsageError(run, "--seed", seed);
    }

    /// <summary>lodo-bowl's integer options share verify's parser: the message names the option, its range and the token.</summary>
    [Theory]
    [InlineData("--steps", "9", "[10, 10000000]")]
    [InlineData("--steps", "10000001", "[10, 10000000]")]
    [InlineData("--steps", "99999999999", "[10, 10000000]")]
    [InlineData("--steps", "ten", "[10, 10000000]")]
    [InlineData("--seed", "-1", "[0, 2147483647]")]
    [InlineData("--sigma-every", "0", "[1, 2147483647]")]
    public void LodoBowl_IntegerOutsideItsRange_IsAUsageError(string option, string value, string range)
    {
        var run = CliRun.Of("lodo-bowl", option, value);
        AssertUsageError(run, $"{option} must be an integer in {range}, got '{value}'.");
    }

    [Fact]
    public void Verify_FilterMatchingNoClaim_IsAUsageError()
    {
        var run = CliRun.Of("verify", "--filter", "no-such-paper/*");
        AssertUsageError(run, "--filter", "no-such-paper/*");
    }

    [Fact]
    public void List_FilterMatchingNoClaim_IsAUsageError()
    {
        var run = CliRun.Of("list", "--filter", "nothing");
        AssertUsageError(run, "--filter", "nothing");
    }

    [Fact]
    public void UnknownCommand_IsAUsageError()
    {
        var run = CliRun.Of("prove-everything");
        AssertUsageError(run, "prove-everything");
    }

    [Fact]
    public void Verify_OutUnderAFile_IsAnOutputErrorBeforeAnyClaimIsChecked()
    {
        // A directory cannot be created below a regular file, even by root (permission bits would not stop root).
        using var temp = new TempDirectory();
        string file = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(file, "");
        string outDir = Path.Combine(file, "reports");

        var run = CliRun.Of("verify", "--filter", "elmo/eq-14", "--out", outDir);

        Assert.True(run.ExitCode == ExitCodes.OutputError, run.ToString());
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
        Assert.Contains(outDir, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("elmo/eq-14", run.Output, StringComparison.Ordinal); // failed before the run started
    }

    private static void AssertUsageError(CliRun run, params string[] mentioned)
    {
        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        foreach (var m in mentioned)
            Assert.Contains(m, run.Error, StringComparison.Ordinal);
        // No stack trace ("   at Namespace.Type.Method(...)"), and nothing half-done on stdout.
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
