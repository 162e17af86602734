using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// A coordinatewise optimizer run on its own: its rule owns every coordinate and reads the objective's gradient and
/// Hessian diagonal at the current iterate; without an objective (a caller that feeds gradients) it has no curvature.
/// </summary>
public class CoordinatewiseOptimizerExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// The diagonal Newton rule Δ_i = −g_i/H_ii on f(θ) = ½θᵀDθ − bᵀθ with D = diag(2, 4, 8) and b = (2, −4, 8): every
    /// quantity is a small dyadic, so the first step lands exactly on θ* = D⁻¹b = (1, −1, 1) when the run hands the rule
    /// every coordinate with ∇f and diag H at θ₀, and the second step is exactly 0 (∇f(θ*) = 0).
    /// </summary>
    [Fact]
    public void OnItsOwn_TheRuleOwnsEveryCoordinateAndReadsTheObjectiveAtTheIterate()
    {
        var f = Quadratic.Diagonal(V(2, 4, 8), V(2, -4, 8));
        var run = new DiagonalNewton().Start(f, V(0.5, 3, -0.25));
        run.Step();
        Assert.Equal([1.0, -1.0, 1.0], run.Theta.ToArray());
        Assert.All(run.Step(), d => Assert.Equal(0.0, d));
    }

    /// <summary>Fed gradients without an objective, a rule that reads H_ii fails loudly instead of stepping on a made-up curvature.</summary>
    [Fact]
    public void WithoutAnObjective_ReadingTheCurvatureFails()
    {
        var rule = new DiagonalNewton().WithoutObjective();
        var e = Assert.Throws<InvalidOperationException>(() => rule.Step(V(1, 1), new GradientSample(V(1, 2), 1, null), 0));
        Assert.Contains("Hessian diagonal", e.Message, StringComparison.Ordinal);
    }

    private sealed class DiagonalNewton : CoordinatewiseOptimizer
    {
        public override string Name => "diagonal-newton";

        public IStepRule WithoutObjective() => OnEveryCoordinate(CreateCoordinates(2));

        protected override ICoordinatewiseRule CreateCoordinates(int dimension) => new Rule();

        private sealed class Rule : ICoordinatewiseRule
        {
            public void Step(Vector<double> gradient, Func<Vector<double>> hessianDiagonal, IReadOnlyList<int> owned, Vector<double> delta)
            {
                var h = hessianDiagonal();
                foreach (int i in owned)
                    delta[i] = -gradient[i] / h[i];
            }
        }
    }
}
