using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Elementwise;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Regression.Trajectories;

/// <summary>
/// The pinned runs: every reference optimizer on four objectives, each from a fixed start. Nothing here is random
/// (the optimizers are deterministic and the starts are constants), so the runs reproduce bit for bit.
/// </summary>
internal static class TrajectoryCases
{
    /// <summary>Steps per run: enough to leave the start's neighbourhood, few enough for readable snapshots.</summary>
    internal const int Steps = 30;

    /// <summary>Every k-th point is kept in the snapshot, plus the last.</summary>
    internal const int Stride = 5;

    /// <summary>The objectives by snapshot name, with their starts.</summary>
    internal static IReadOnlyDictionary<string, (IObjective Objective, Vector<double> Start)> Objectives { get; } =
        new Dictionary<string, (IObjective, Vector<double>)>
        {
            ["quadratic-convex"] = (
                new Quadratic(Matrix<double>.Build.DenseOfArray(new[,] { { 3.0, 1.0 }, { 1.0, 2.0 } }), Vector<double>.Build.DenseOfArray([1.0, 1.0]), "quadratic-convex"),
                Vector<double>.Build.DenseOfArray([2.0, -1.5])),
            ["quadratic-indefinite"] = (
                new Quadratic(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0, 0.0 }, { 1.0, -1.0, 0.5 }, { 0.0, 0.5, 0.5 } }), Vector<double>.Build.DenseOfArray([1.0, -1.0, 0.5]), "quadratic-indefinite"),
                Vector<double>.Build.DenseOfArray([0.5, 0.5, 0.5])),
            ["rosenbrock"] = (new ScaledRosenbrock(), ScaledRosenbrock.PaperStart),
            ["cubic-perturbed-quadratic"] = (
                new CubicPerturbedQuadratic(Matrix<double>.Build.DiagonalOfDiagonalArray([1.0, -0.5, 2.0]), 0.5, Vector<double>.Build.DenseOfArray([1.0, 0.5, -0.5]), "cubic-perturbed-quadratic"),
                Vector<double>.Build.DenseOfArray([1.0, 1.0, 1.0])),
        };

    /// <summary>Every optimizer of src/Optimizers/Reference with the hyperparameters the snapshots pin.</summary>
    internal static IReadOnlyList<IOptimizer> Optimizers { get; } =
    [
        new GradientDescent(0.05),
        new Newton(),
        new SaddleFreeNewton(),
        new ElmoOptimizer(new ConstantLipschitz(1)),
        new CauchyMethod(new ConstantLipschitz(1)),
        new Arc(),
        new EigenArc(),
        new Amos(new ElementwiseSgd(0.05), new SophiaDiagonal(0.05), new AmosSettings(0.1, AlphaL: 0.9)),
        new Amos(new ElementwiseSgd(0.05), new SophiaDiagonal(0.05), new AmosSettings(0.1, AlphaL: 0.9, Assignment: AmosAssignment.PerTensorMean, Tensors: [[0], [1]])),
    ];
}
