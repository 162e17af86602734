using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Random;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// A seeded noisy-gradient wrapper of an objective: per-sample gradients ∇f(θ; ξ) = ∇f(θ) + σ⊙ξ with ξ ~ N(0, I), so
/// Σ(θ) = diag(σ²) (thesis eq. 3.3) is known exactly, and a minibatch of m has covariance diag(σ²)/m (eq. 3.5). Values,
/// gradients and Hessians are those of the wrapped objective.
/// </summary>
public sealed class NoisyGradientObjective : IStochasticObjective
{
    private readonly IObjective inner;
    private readonly Vector<double> sigma;

    /// <summary>Wraps <paramref name="objective"/> with per-coordinate noise scales σ ≥ 0 and a seed for its samplers.</summary>
    public NoisyGradientObjective(IObjective objective, Vector<double> noiseScale, int seed)
    {
        ArgumentNullException.ThrowIfNull(objective);
        inner = objective;
        sigma = Require.NonNegative(noiseScale, nameof(noiseScale)).Clone();
        Require.SameLength(objective.Dimension, sigma.Count, nameof(noiseScale));
        Seed = seed;
    }

    /// <summary>The seed every sampler starts from.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public string Name => $"noisy({inner.Name}, seed={Seed})";

    /// <inheritdoc />
    public int Dimension => inner.Dimension;

    /// <inheritdoc />
    public double Value(Vector<double> theta) => inner.Value(theta);

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta) => inner.Gradient(theta);

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta) => inner.Hessian(theta);

    /// <inheritdoc />
    public Vector<double>? PerSampleVariance(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
        return sigma.PointwiseMultiply(sigma);
    }

    /// <inheritdoc />
    public IGradientSampler OpenSampler() => new Sampler(this, new Random(Seed));

    private sealed class Sampler(NoisyGradientObjective owner, Random random) : IGradientSampler
    {
        public GradientSample Sample(Vector<double> theta, int batchSize)
        {
            if (batchSize < 1)
                throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
            var mean = owner.inner.Gradient(theta);
            int d = mean.Count;
            var sum = new double[d];
            var sumSq = new double[d];
            var draws = new double[batchSize, d];
            for (int j = 0; j < batchSize; j++)
                for (int i = 0; i < d; i++)
                {
                    double x = mean[i] + owner.sigma[i] * StandardNormal.Draw(random);
                    draws[j, i] = x;
                    sum[i] += x;
                }
            var g = Vector<double>.Build.Dense(d, i => sum[i] / batchSize);
            if (batchSize < 2)
                return new GradientSample(g, batchSize, null);
            for (int j = 0; j < batchSize; j++)
                for (int i = 0; i < d; i++)
                {
                    double r = draws[j, i] - g[i];
                    sumSq[i] += r * r;
                }
            return new GradientSample(g, batchSize, Vector<double>.Build.Dense(d, i => sumSq[i] / (batchSize - 1)));
        }
    }
}
