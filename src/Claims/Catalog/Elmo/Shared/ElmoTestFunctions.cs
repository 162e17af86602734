using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;

namespace Verification.Claims.Catalog.Elmo.Shared;

/// <summary>
/// The fixed list of test functions the function-level ELMO claims (Lemma 3.1, Lemma M.2, the first proof in M.2) search
/// over; an input names one by its index. Each is written once over IReal (so f, ∇f and H are exact at a counterexample)
/// and is the twin of a double implementation in <c>Verification.Optimizers.Objectives</c>: a rotated and a diagonal
/// spectral quadratic (L_H = 0), two cubic-perturbed quadratics ½θᵀDθ + (c/6)(uᵀθ)³ (L_H = |c|‖u‖³, exact), a separable
/// cubic, a separable cos/log-cosh/Lorentzian sum (transcendental, enclosed) and a logistic regression on a fixed
/// dyadic dataset.
/// </summary>
internal static class ElmoTestFunctions
{
    internal static IReadOnlyList<IGenericObjective> All { get; } =
    [
        new GenericQuadratic([-2, 0, 1.5], [1, -0.5, 0.25], 3),
        new GenericQuadratic([-1, 0.5], [0.5, 1], null),
        new GenericCubicPerturbedQuadratic(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 2]), 3, Vector<double>.Build.DenseOfArray([1.0, 1])),
        new GenericCubicPerturbedQuadratic(Matrix<double>.Build.DenseOfDiagonalArray([-1, 0.5, 2]), -2, Vector<double>.Build.DenseOfArray([0.75, -0.5, 0.25])),
        new GenericSeparableObjective(new SeparableObjective([new CubicTerm(1, 2), new CubicTerm(-1, -0.5), new CubicTerm(0.5, 1)])),
        new GenericSeparableObjective(new SeparableObjective([new CosineQuadraticTerm(2, 0.25), new LogCoshTerm(1.5), new LorentzianTerm(-1, 3)])),
        Logistic(),
    ];

    /// <summary>The index of the cubic-perturbed quadratic with n = 2 and u = (1, 1), whose Hessian is diagonal where θ ⊥ u.</summary>
    internal const int CubicPlane = 2;

    /// <summary>
    /// Logistic regression with μ = 0.1 on 12 samples in ℝ³ with dyadic features (multiples of 1/8 in [−2, 2]) and labels
    /// ±1, written out as data so that the same dataset feeds the double reference and the generic twin.
    /// </summary>
    private static GenericLogisticRegression Logistic()
    {
        double[,] features =
        {
            { 1.25, -0.5, 0.75 }, { -0.875, 1.5, 0.25 }, { 0.5, 0.625, -1.75 }, { -1.5, -0.25, 0.5 },
            { 2.0, 1.125, -0.375 }, { -0.25, -1.875, 1.0 }, { 0.75, 0.375, 1.5 }, { -1.125, 0.875, -0.625 },
            { 0.125, -0.75, -1.25 }, { 1.75, -1.25, 0.0 }, { -0.625, 0.25, 1.875 }, { 0.375, 1.625, -0.875 },
        };
        double[] labels = [1, -1, 1, -1, 1, 1, -1, -1, 1, -1, 1, -1];
        return new GenericLogisticRegression(Matrix<double>.Build.DenseOfArray(features), labels, 0.1);
    }
}
