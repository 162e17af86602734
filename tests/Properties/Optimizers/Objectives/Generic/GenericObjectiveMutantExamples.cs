using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives.Generic;

/// <summary>
/// The generic objectives' HasDiagonalHessian flag agrees with the Hessian they compute (an off-diagonal entry is non-zero
/// where the flag is false), their θ checks (null, wrong length) name theta, and the separable objective's L_H is
/// max_i sup|φ_i‴| with the default L_H·‖Δ‖³ of eq. (2).
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

    [Fact]
    public void CubicPerturbedQuadratic_TermMagnitudeOfALongerTheta_IsRejectedNamingTheta()
    {
        var f = new GenericCubicPerturbedQuadratic(Matrix<double>.Build.DenseIdentity(2), 1, V(1, 0));
        ArgumentAssert.Rejects(() => f.TermMagnitude(RealVector.Constant<Float64>([1.0, 2, 3])), "theta", "must have length 2, got 3");
    }

    [Fact]
    public void Quadratic_HessianOfALongerTheta_IsRejectedNamingTheta()
    {
        var f = new GenericQuadratic([1.0, 2], [0.0, 0], null);
        ArgumentAssert.Rejects(() => f.Hessian(RealVector.Constant<Float64>([1.0, 2, 3])), "theta", "must have length 2, got 3");
    }

    [Fact]
    public void Separable_WithNullReference_ThrowsArgumentNullNamingReference()
    {
        var e = Assert.Throws<ArgumentNullException>(() => _ = new GenericSeparableObjective(null!));
        Assert.Equal("reference", e.ParamName);
    }

    [Fact]
    public void Separable_HessianOfALongerTheta_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(() => TwoCubics().Hessian(RealVector.Constant<Float64>([1.0, 2, 3])), "theta", "must have length 2, got 3");

    /// <summary>
    /// φ_1 = x²/2 + 2x³/6, φ_2 = x²/2 − 3x³/6: sup|φ‴| = 2 and 3, so L_H = max = 3 (H = diag(1 + 2x, 1 − 3y) changes by at
    /// most 3‖Δ‖), and the default LipschitzCubicBound at ‖Δ‖² = 4 is L_H·4·√4 = 24 (all exact in doubles).
    /// </summary>
    [Fact]
    public void Separable_HessianLipschitz_IsTheLargestThirdBound_AndItsCubicBoundIsLTimesTheCubedNorm()
    {
        IGenericObjective f = TwoCubics();
        Assert.Equal(3.0, f.HessianLipschitz<Float64>().Value);
        Assert.Equal(24.0, f.LipschitzCubicBound(new Float64(4)).Value);
    }

    private static GenericSeparableObjective TwoCubics() =>
        new(new SeparableObjective([new CubicTerm(1, 2), new CubicTerm(1, -3)]));
}
