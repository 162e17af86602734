using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>Quadratic's constructor rejects a linear term b whose length differs from A's order.</summary>
public class QuadraticMutantExamples
{
    [Fact]
    public void Constructor_WithALongerLinearTerm_IsRejectedNamingLinear() =>
        ArgumentAssert.Rejects(
            () => _ = new Quadratic(Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.DenseOfArray([1.0, 2, 3])),
            "linear", "length 3, expected 2");
}
