using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics;

/// <summary>Bad input is rejected with an ArgumentException that names the parameter.</summary>
public class InputValidationExamples
{
    private static readonly Matrix<double> Spd = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 3 } });
    private static readonly Vector<double> Grad = Vector<double>.Build.Dense([1.0, -1.0]);
    private static readonly Vector<double> Lips = Vector<double>.Build.Dense([1.0, 2.0]);

    private static void AssertRejects(string parameter, Action call)
    {
        var e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, e.ParamName);
    }

    [Theory]
    [InlineData(0, 1, 5)]
    [InlineData(6, 1, 5)]
    [InlineData(int.MinValue, 0, int.MaxValue)]
    public void IntegerOutsideItsRange_IsRejected(int value, int min, int max) =>
        AssertRejects("steps", () => Require.InRange(value, min, max, "steps"));

    [Fact]
    public void IntegerAtTheEndsOfItsRange_IsAccepted()
    {
        Assert.Equal(1, Require.InRange(1, 1, 5, "steps"));
        Assert.Equal(5, Require.InRange(5, 1, 5, "steps"));
        Assert.Equal(int.MaxValue, Require.InRange(int.MaxValue, 0, int.MaxValue, "steps"));
    }

    [Fact]
    public void NonSymmetricHessian_IsRejected() =>
        AssertRejects("hessian", () => SymmetricEigen.Decompose(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0, 1 } }), Grad));

    [Fact]
    public void NonSquareHessian_IsRejected() =>
        AssertRejects("hessian", () => SymmetricEigen.Decompose(Matrix<double>.Build.Dense(2, 3), Grad));

    [Fact]
    public void NaNInHessian_IsRejected() =>
        AssertRejects("hessian", () => SymmetricEigen.Decompose(Matrix<double>.Build.DenseOfArray(new double[,] { { double.NaN, 0 }, { 0, 1 } }), Grad));

    [Fact]
    public void GradientOfWrongLength_IsRejected() =>
        AssertRejects("gradient", () => SymmetricEigen.Decompose(Spd, Vector<double>.Build.Dense(3)));

    [Fact]
    public void InfiniteGradient_IsRejected() =>
        AssertRejects("gradient", () => ElmoStep.StepVector(Spd, Vector<double>.Build.Dense([1.0, double.PositiveInfinity]), Lips));

    [Fact]
    public void NegativeLipschitz_IsRejected() =>
        AssertRejects("lipschitz", () => ElmoPreconditioner.Compute(Spd, Grad, Vector<double>.Build.Dense([1.0, -1.0])));

    [Fact]
    public void LipschitzOfWrongLength_IsRejected() =>
        AssertRejects("lipschitz", () => ElmoStep.StepVector(Spd, Grad, Vector<double>.Build.Dense([1.0])));

    [Fact]
    public void NewtonStepAtZeroCurvature_IsRejected() => AssertRejects("lambda", () => NewtonStep.Along(0, 1));

    [Fact]
    public void CauchyStepWithWrongGradientSign_IsRejected() => AssertRejects("gProjection", () => CauchyStep.Along(1, 0.5, 1));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void CubicModelsRejectNonFiniteX(double x)
    {
        AssertRejects("x", () => CubicUpperModel.Evaluate(-1, 1, 1, x));
        AssertRejects("x", () => CubicLowerModel.Evaluate(-1, 1, 1, x));
    }
}
