using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>NoisyGradientObjective rejects a null inner objective (ArgumentNullException) and noise scales σ of another length than it, naming them.</summary>
public class NoisyGradientObjectiveMutantExamples
{
    [Fact]
    public void Constructor_WithNullObjective_IsRejectedNamingObjective()
    {
        var e = Assert.Throws<ArgumentNullException>(() => _ = new NoisyGradientObjective(null!, Vector<double>.Build.DenseOfArray([1.0]), 1));
        Assert.Equal("objective", e.ParamName);
    }

    [Fact]
    public void Constructor_WithNoiseScalesOfAnotherLength_IsRejectedNamingNoiseScale()
    {
        var inner = new Quadratic(Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.Dense(2));
        ArgumentAssert.Rejects(() => _ = new NoisyGradientObjective(inner, Vector<double>.Build.DenseOfArray([1.0, 1, 1]), 1),
            "noiseScale", "length 3, expected 2");
    }
}
