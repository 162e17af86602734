using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics;

/// <summary>Bad input is rejected with exactly an ArgumentException that names the parameter and states the violated condition.</summary>
public class InputValidationExamples
{
    private static readonly Matrix<double> Spd = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 3 } });
    private static readonly Vector<double> Grad = Vector<double>.Build.Dense([1.0, -1.0]);
    private static readonly Vector<double> Lips = Vector<double>.Build.Dense([1.0, 2.0]);

    private static void AssertRejects(string parameter, string why, Action call) => ArgumentAssert.Rejects(call, parameter, why);

    [Theory]
    [InlineData(0, 1, 5)]
    [InlineData(6, 1, 5)]
    [InlineData(int.MinValue, 0, int.MaxValue)]
    public void IntegerOutsideItsRange_IsRejected(int value, int min, int max) =>
        AssertRejects("steps", $"steps must lie in [{min}, {max}], got {value}", () => Require.InRange(value, min, max, "steps"));

    [Fact]
    public void IntegerAtTheEndsOfItsRange_IsAccepted()
    {
        Assert.Equal(1, Require.InRange(1, 1, 5, "steps"));
        Assert.Equal(5, Require.InRange(5, 1, 5, "steps"));
        Assert.Equal(int.MaxValue, Require.InRange(int.MaxValue, 0, int.MaxValue, "steps"));
    }

    [Fact]
    public void NonSymmetricHessian_IsRejected() =>
        AssertRejects("hessian", "hessian must be symmetric: [0,1] = 2 but [1,0] = 0", () => SymmetricEigen.Decompose(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0, 1 } }), Grad));

    [Fact]
    public void NonSquareHessian_IsRejected() =>
        AssertRejects("hessian", "hessian must be a non-empty square matrix, got 2×3", () => SymmetricEigen.Decompose(Matrix<double>.Build.Dense(2, 3), Grad));

    [Fact]
    public void NaNInHessian_IsRejected() =>
        AssertRejects("hessian", "hessian[0,0] must be finite", () => SymmetricEigen.Decompose(Matrix<double>.Build.DenseOfArray(new double[,] { { double.NaN, 0 }, { 0, 1 } }), Grad));

    [Fact]
    public void GradientOfWrongLength_IsRejected() =>
        AssertRejects("gradient", "gradient has length 3, expected 2", () => SymmetricEigen.Decompose(Spd, Vector<double>.Build.Dense(3)));

    [Fact]
    public void InfiniteGradient_IsRejected() =>
        AssertRejects("gradient", "gradient[1] must be finite", () => ElmoStep.StepVector(Spd, Vector<double>.Build.Dense([1.0, double.PositiveInfinity]), Lips));

    [Fact]
    public void NegativeLipschitz_IsRejected() =>
        AssertRejects("lipschitz", "lipschitz[1] must be > 0", () => ElmoPreconditioner.Compute(Spd, Grad, Vector<double>.Build.Dense([1.0, -1.0])));

    [Fact]
    public void LipschitzOfWrongLength_IsRejected() =>
        AssertRejects("lipschitz", "lipschitz has length 1, expected 2", () => ElmoStep.StepVector(Spd, Grad, Vector<double>.Build.Dense([1.0])));

    [Fact]
    public void NewtonStepAtZeroCurvature_IsRejected() => AssertRejects("lambda", "lambda must be non-zero", () => NewtonStep.Along(0, 1));

    [Fact]
    public void CauchyStepWithWrongGradientSign_IsRejected() => AssertRejects("gProjection", "gProjection must be ≤ 0", () => CauchyStep.Along(1, 0.5, 1));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void CubicModelsRejectNonFiniteX(double x)
    {
        AssertRejects("x", "x must be finite", () => CubicUpperModel.Evaluate(-1, 1, 1, x));
        AssertRejects("x", "x must be finite", () => CubicLowerModel.Evaluate(-1, 1, 1, x));
    }
}
