using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// SGD (thesis eq. 3.7): θ_{t+1} = θ_t − α g_t with a minibatch gradient g_t of m samples (eq. 3.6); with exact gradients
/// it is gradient descent, through <see cref="StartRule"/> it is the meta-step of the simplified LODO of lodo.md §4.1, and
/// restricted to the coordinates AMOS assigns it (<see cref="CoordinatewiseOptimizer.StartCoordinates"/>) it is the OPT¹ of
/// elmo-amos App. K, (Δθ)_i = −α·∂_i f.
/// </summary>
public sealed class Sgd : CoordinatewiseOptimizer
{
    /// <summary>SGD with step size α ≥ 0 (α = 0 freezes θ) and batch size m ≥ 1.</summary>
    public Sgd(double stepSize, int batchSize = 1)
    {
        StepSize = Require.NonNegative(stepSize, nameof(stepSize));
        if (batchSize < 1)
            throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
        BatchSize = batchSize;
    }

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <summary>m.</summary>
    public override int BatchSize { get; }

    /// <inheritdoc />
    public override string Name => $"sgd(α={Require.Show(StepSize)}, m={BatchSize})";

    /// <summary>The rule Δ = −α·g, for a caller that computes its own gradients (LODO's meta-step on ∇_θℓ).</summary>
    public IStepRule StartRule() => OnEveryCoordinate(new Rule(StepSize));

    /// <inheritdoc />
    protected override ICoordinatewiseRule CreateCoordinates(int dimension) => new Rule(StepSize);

    /// <summary>
    /// Δ_i = −α·g_i, correctly rounded (one multiplication) for every finite g_i. An ArgumentException naming the gradient
    /// for a non-finite g_i (α = 0 with g_i = ∞ gave NaN) or where the exact −α·g_i is beyond double.MaxValue (it gave ±∞).
    /// </summary>
    private sealed class Rule(double alpha) : ICoordinatewiseRule
    {
        public void Step(Vector<double> gradient, Func<Vector<double>> hessianDiagonal, IReadOnlyList<int> owned, Vector<double> delta)
        {
            foreach (int i in owned)
            {
                double g = gradient[i];
                if (!double.IsFinite(g))
                    throw new ArgumentException($"gradient entry {i} is {Require.Show(g)}: SGD needs a finite gradient.", nameof(gradient));
                double step = -alpha * g;
                if (!double.IsFinite(step))
                    throw new ArgumentException(
                        $"the step −α·g has entry {i} beyond the double range (|−α·g_i| > double.MaxValue: α = {Require.Show(alpha)}, g_i = {Require.Show(g)}).",
                        nameof(gradient));
                delta[i] = step;
            }
        }
    }
}
