using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// The third-order test functions the derivative tests run over, by name, each with its polynomial degree (null when
/// it is not a polynomial): a Taylor expansion of order ≥ the degree is exact up to rounding.
/// </summary>
public static class TestObjectives
{
    /// <summary>Name → (objective, polynomial degree or null).</summary>
    public static IReadOnlyDictionary<string, (IThirdOrderObjective Objective, int? Degree)> All { get; } =
        new Dictionary<string, (IThirdOrderObjective, int?)>
        {
            ["spectral-quadratic"] = (SpectralQuadratic.FromEigenvalues([-2, 0, 0.5, 3], [1, -1, 0.25, 2], 7), 2),
            ["spectral-quadratic-diagonal"] = (SpectralQuadratic.FromEigenvalues([-1, 0, 4], [0.5, 0, -1], null), 2),
            ["separable-cubic"] = (new SeparableObjective([new CubicTerm(1, 2), new CubicTerm(-1, -0.5)]), 3),
            ["separable-mixed"] = (new SeparableObjective([new CosineQuadraticTerm(2, 0.25), new LogCoshTerm(1.5), new LorentzianTerm(-1, 3)]), null),
            ["cubic-perturbed-quadratic"] = (new CubicPerturbedQuadratic(
                Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0.5, 0 }, { 0.5, -1, 0.25 }, { 0, 0.25, 0 } }), 1.5,
                Vector<double>.Build.DenseOfArray([0.6, -0.8, 0.5])), 3),
            ["quadratic"] = (new Quadratic(
                Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2 }, { 2, -3 } }), Vector<double>.Build.DenseOfArray([0.5, -1])), 2),
            ["scaled-rosenbrock"] = (new ScaledRosenbrock(), 4),
            ["logistic-regression"] = (LogisticRegression.Seeded(12, 3, 5, 0.1), null),
        };

    /// <summary>The names, as xUnit theory data.</summary>
    public static Xunit.TheoryData<string> Names() => [.. All.Keys];
}
