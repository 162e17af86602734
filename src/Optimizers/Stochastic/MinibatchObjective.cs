using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// The empirical risk of a seeded data set as a stochastic objective (thesis eq. 3.1 with p(ξ) the empirical measure):
/// a minibatch draws m indices uniformly with replacement (iid, eq. 3.4) from the sampler's seeded generator.
/// </summary>
public sealed class MinibatchObjective(LogisticRegression problem, int seed) : IStochasticObjective
{
    private readonly LogisticRegression inner = problem ?? throw new ArgumentNullException(nameof(problem));

    /// <summary>The seed every sampler starts from.</summary>
    public int Seed { get; } = seed;

    /// <inheritdoc />
    public string Name => $"minibatch({inner.Name}, seed={Seed})";

    /// <inheritdoc />
    public int Dimension => inner.Dimension;

    /// <inheritdoc />
    public double Value(Vector<double> theta) => inner.Value(theta);

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta) => inner.Gradient(theta);

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta) => inner.Hessian(theta);

    /// <summary>diag Σ(θ) = (1/N)Σₙ(∇ℓₙ − ∇f)², exactly over the data set.</summary>
    public Vector<double>? PerSampleVariance(Vector<double> theta)
    {
        var mean = inner.Gradient(theta);
        var v = Vector<double>.Build.Dense(Dimension);
        for (int n = 0; n < inner.Count; n++)
        {
            var r = inner.TermGradient(n, theta) - mean;
            v += r.PointwiseMultiply(r);
        }
        return v / inner.Count;
    }

    /// <inheritdoc />
    public IGradientSampler OpenSampler() => new Sampler(inner, new Random(Seed));

    private sealed class Sampler(LogisticRegression problem, Random random) : IGradientSampler
    {
        public GradientSample Sample(Vector<double> theta, int batchSize)
        {
            if (batchSize < 1)
                throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
            var grads = new Vector<double>[batchSize];
            var sum = Vector<double>.Build.Dense(problem.Dimension);
            for (int j = 0; j < batchSize; j++)
            {
                grads[j] = problem.TermGradient(random.Next(problem.Count), theta);
                sum += grads[j];
            }
            var g = sum / batchSize;
            if (batchSize < 2)
                return new GradientSample(g, batchSize, null);
            var s = Vector<double>.Build.Dense(problem.Dimension);
            foreach (var gj in grads)
            {
                var r = gj - g;
                s += r.PointwiseMultiply(r);
            }
            return new GradientSample(g, batchSize, s / (batchSize - 1));
        }
    }
}
