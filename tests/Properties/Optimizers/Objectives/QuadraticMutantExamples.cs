using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>Quadratic rejects a linear term b, and a direction u of T[u], whose length differs from A's order.</summary>
public class QuadraticMutantExamples
{
    [Fact]
    public void Constructor_WithALongerLinearTerm_IsRejectedNamingLinear() =>
        ArgumentAssert.Rejects(
            () => _ = new Quadratic(Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.DenseOfArray([1.0, 2, 3])),
            "linear", "length 3, expected 2");

    [Fact]
    public void ThirdDerivativeAlong_ADirectionOfAnotherLength_IsRejectedNamingU() =>
        ArgumentAssert.Rejects(
            () => new Quadratic(Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.Dense(2))
                .ThirdDerivativeAlong(Vector<double>.Build.Dense(2), Vector<double>.Build.DenseOfArray([1.0, 2, 3])),
            "u", "length 3, expected 2");
}
