using Verification.Cli;
using Verification.Optimizers;
using Verification.Tests.Regression.Cli;
using Xunit;
using Verification.Optimizers.FirstOrder;

namespace Verification.Tests.Regression.CheckOptimizer;

/// <summary>An optimizer type the loader must refuse: it has neither a parameterless constructor nor CreateDefault().</summary>
public sealed class OptimizerWithoutFactory(double stepSize) : StatelessOptimizer
{
    /// <inheritdoc />
    public override string Name => $"no-factory({stepSize})";

    /// <inheritdoc />
    public override MathNet.Numerics.LinearAlgebra.Vector<double> Update(IObjective objective, MathNet.Numerics.LinearAlgebra.Vector<double> theta) =>
        -stepSize * objective.Gradient(theta);
}

/// <summary>check-optimizer's bad arguments: exit 1 and one line on stderr, never a stack trace, nothing on stdout.</summary>
public class CheckOptimizerArgumentErrors
{
    [Fact]
    public void MissingAssembly_IsAUsageError()
    {
        var run = CliRun.Of("check-optimizer", "--assembly", "no/such/Optimizer.dll", "--type", "X");
        AssertOneLineUsageError(run, "no/such/Optimizer.dll", "does not exist");
    }

    [Fact]
    public void NotAnAssembly_IsAUsageError()
    {
        using var temp = new TempDirectory();
        string file = Path.Combine(temp.Path, "notes.dll");
        File.WriteAllText(file, "not a PE file");
        var run = CliRun.Of("check-optimizer", "--assembly", file, "--type", "X");
        AssertOneLineUsageError(run, "not a loadable .NET assembly");
    }

    [Fact]
    public void MissingType_IsAUsageError_ListingTheOptimizersThere()
    {
        var run = CliRun.Of("check-optimizer", "--assembly", typeof(FlawedOptimizers.NaiveNewton).Assembly.Location, "--type", "NoSuchOptimizer");
        AssertOneLineUsageError(run, "NoSuchOptimizer", "FlawedOptimizers.NaiveNewton");
    }

    [Fact]
    public void TypeThatIsNotAnOptimizer_IsAUsageError()
    {
        var run = CliRun.Of("check-optimizer", "--assembly", typeof(IOptimizer).Assembly.Location, "--type", "Verification.Optimizers.Objectives.Quadratic");
        AssertOneLineUsageError(run, "does not implement Verification.Optimizers.IOptimizer");
    }

    [Fact]
    public void TypeWithoutConstructorOrFactory_IsAUsageError()
    {
        var run = CliRun.Of("check-optimizer", "--assembly", typeof(OptimizerWithoutFactory).Assembly.Location, "--type", nameof(OptimizerWithoutFactory));
        AssertOneLineUsageError(run, "neither a public parameterless constructor nor a public static CreateDefault()");
    }

    [Fact]
    public void UnknownBuiltIn_IsAUsageError()
    {
        var run = CliRun.Of("check-optimizer", "--type", "Adamax");
        AssertOneLineUsageError(run, "not a built-in optimizer", "--assembly");
    }

    [Fact]
    public void MissingTypeOption_IsAUsageError()
    {
        var run = CliRun.Of("check-optimizer");
        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("--type", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public void BadBudget_IsAUsageError(string budget)
    {
        var run = CliRun.Of("check-optimizer", "--type", "GradientDescent", "--budget", budget);
        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("--budget", run.Error, StringComparison.Ordinal);
    }

    private static void AssertOneLineUsageError(CliRun run, params string[] mentioned)
    {
        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        foreach (var m in mentioned)
            Assert.Contains(m, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
