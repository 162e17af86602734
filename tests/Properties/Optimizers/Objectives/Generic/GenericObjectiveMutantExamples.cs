using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Optimizers.Objectives.Generic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives.Generic;

/// <summary>
/// The generic objectives' HasDiagonalHessian flag agrees with the Hessian they compute (an off-diagonal entry is non-zero
/// where the flag is false), and their θ checks (null, wrong length) name theta.
/// </summary>
public class GenericObjectiveMutantExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>c = 0 leaves H = D = [[2, 1], [1, 2]], off-diagonal 1: not diagonal.</summary>
    [Fact]
    public void CubicPerturbedQuadratic_WithNonDiagonalD_HasNoDiagonalHessian()
    {
        var f = new GenericCubicPerturbedQuadratic(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1 }, { 1, 2 } }), 0, V(1, 0));
        Assert.Equal(1.0, f.Hessian(RealVector.Constant<Float64>([0.0, 0]))[0, 1].Value);
        Assert.False(f.HasDiagonalHessian);
    }

    /// <summary>
    /// One sample x = (1, 1) at w = 0: H = σ(0)(1 − σ(0))·xxᵀ = ¼·[[1, 1], [1, 1]], off-diagonal ¼, not diagonal.
    /// </summary>
    [Fact]
    public void LogisticRegression_HessianIsNotDiagonal()
    {
        var f = new GenericLogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1 } }), [1.0], 0);
        Assert.Equal(0.25, f.Hessian(RealVector.Constant<Float64>([0.0, 0]))[0, 1].Value);
        Assert.False(f.HasDiagonalHessian);
    }

    [Fact]
    public void LogisticRegression_HessianOfALongerTheta_IsRejectedNamingTheta()
    {
        var f = new GenericLogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1 } }), [1.0], 0);
        ArgumentAssert.Rejects(() => f.Hessian(RealVector.Constant<Float64>([0.0, 0, 0])), "theta", "must have length 2, got 3");
    }

    [Fact]
    public void NullTheta_IsRejectedWithArgumentNullException()
    {
        var f = new GenericLogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1 } }), [1.0], 0);
        var e = Assert.Throws<ArgumentNullException>(() => f.Value<Float64>(null!));
        Assert.Equal("theta", e.ParamName);
    }
}
