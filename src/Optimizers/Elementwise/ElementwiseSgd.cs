using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Elementwise;

/// <summary>SGD on the owned coordinates, (Δθ)_i = −η·∂_i f (AMOS's OPT¹ in elmo-amos App. K; full-batch here).</summary>
public sealed class ElementwiseSgd : IElementwiseOptimizer
{
    /// <summary>Creates SGD with learning rate <paramref name="learningRate"/> &gt; 0.</summary>
    public ElementwiseSgd(double learningRate) => LearningRate = Require.Positive(learningRate, nameof(learningRate));

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <inheritdoc />
    public string Name => $"sgd(η={Require.Show(LearningRate)})";

    /// <inheritdoc />
    public IElementwiseState Start(int dimension) => new State(LearningRate);

    private sealed class State(double eta) : IElementwiseState
    {
        public void Step(IObjective objective, Vector<double> theta, Vector<double> gradient, IReadOnlyList<int> coordinates, Vector<double> delta)
        {
            foreach (int i in coordinates)
                delta[i] = -eta * gradient[i];
        }
    }
}
