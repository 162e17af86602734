using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>NoisyGradientObjective rejects a null inner objective with ArgumentNullException naming it.</summary>
public class NoisyGradientObjectiveMutantExamples
{
    [Fact]
    public void Constructor_WithNullObjective_IsRejectedNamingObjective()
    {
        var e = Assert.Throws<ArgumentNullException>(() => _ = new NoisyGradientObjective(null!, Vector<double>.Build.DenseOfArray([1.0]), 1));
        Assert.Equal("objective", e.ParamName);
    }
}
