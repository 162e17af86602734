using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>The run of a <see cref="StochasticOptimizer"/>: its step counter t.</summary>
public class StochasticOptimizerRunExamples
{
    /// <summary>Each step advances t by one (the rules read t: bias corrections, SVAG's ŝ₀ = 0 at t = 0).</summary>
    [Fact]
    public void Iteration_CountsTheSteps()
    {
        var run = new Sgd(0.5).Start(new LinearObjective(1, 2), Vector<double>.Build.Dense(2));
        Assert.Equal(0, run.Iteration);
        run.Step();
        run.Step();
        Assert.Equal(2, run.Iteration);
    }
}
