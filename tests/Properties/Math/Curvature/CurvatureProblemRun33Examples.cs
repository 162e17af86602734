using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/>'s Fisher where an expectation node has weight exactly 0 (mutation run 32; its
/// TermScale survivor is killed by rows of <see cref="TermScaleRangeExamples"/>).
/// </summary>
public sealed class CurvatureProblemRun33Examples
{
    /// <summary>
    /// The Fisher of eq. (7.2) where an expectation node has weight exactly 0 in doubles (uncovered before in run 32): a
    /// linear model f = W·(x, 1) with three classes, x = 3 and W = [[0, 0], [0, 0], [0, −800]], so f = (0, 0, −800) and
    /// π = softmax(f) = (½, ½, e^-800/(2 + e^-800)), which is 0 in doubles. E[ggᵀ] = diag(π) − ππᵀ = [[¼, −¼, 0],
    /// [−¼, ¼, 0], [0, 0, 0]] in the limit, J = I₃ ⊗ (x, 1), so F = E[ggᵀ] ⊗ (x, 1)(x, 1)ᵀ: entries ±¼·{9, 3, 1} and 0,
    /// all exact in doubles. The zero-weight node contributes nothing and the result is exact.
    /// </summary>
    [Fact]
    public void Fisher_WithAZeroWeightClass_IsTheExactKroneckerProduct()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.CategoricalSoftmax, 1, classes: 3);
        Float64[] theta = [.. new double[] { 0, 0, 0, 0, 0, -800 }.Select(Float64.Of)];
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(3)]],
            [[Float64.Of(1), Float64.Of(0), Float64.Of(0)]], theta);
        Assert.Equal(0.0, problem.Expectation(0)[2].Weight.Value); // the node this example is about
        double[,] inner = { { 0.25, -0.25, 0 }, { -0.25, 0.25, 0 }, { 0, 0, 0 } };
        double[] v = [3, 1];

        var fisher = problem.Fisher();

        for (int a = 0; a < 6; a++)
            for (int b = 0; b < 6; b++)
                Assert.Equal(inner[a / 2, b / 2] * v[a % 2] * v[b % 2], fisher[a, b].Value);
    }
}
