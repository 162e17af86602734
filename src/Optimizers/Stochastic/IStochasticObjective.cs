using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// One stochastic gradient of thesis eq. (3.4): the minibatch mean g of m per-sample gradients ∇f(θ; ξⱼ), and, for
/// m ≥ 2, the unbiased diagonal variance estimate of the per-sample gradients, s = Σⱼ(∇f(θ; ξⱼ) − g)²/(m − 1) (eq. 3.30).
/// </summary>
public sealed record GradientSample(Vector<double> Gradient, int BatchSize, Vector<double>? PerSampleVariance);

/// <summary>A stream of stochastic gradients with its own seeded generator: the same stream replays the same samples.</summary>
public interface IGradientSampler
{
    /// <summary>Draws a minibatch of <paramref name="batchSize"/> iid per-sample gradients at θ and returns <see cref="GradientSample"/>.</summary>
    GradientSample Sample(Vector<double> theta, int batchSize);
}

/// <summary>
/// A stochastic objective f(θ) = E_ξ[f(θ; ξ)] (thesis eq. 3.1): the exact oracle of <see cref="IObjective"/> (for
/// evaluation and idealized methods) plus access to stochastic gradients. <see cref="OpenSampler"/> starts a fresh
/// stream from the objective's seed, so every optimizer run sees the same samples (deterministic trajectories).
/// </summary>
public interface IStochasticObjective : IObjective
{
    /// <summary>A new sampler, seeded from this objective's seed.</summary>
    IGradientSampler OpenSampler();

    /// <summary>diag Σ(θ), the per-sample gradient variances at θ (thesis eq. 3.3), where known in closed form; else null.</summary>
    Vector<double>? PerSampleVariance(Vector<double> theta);
}

/// <summary>Samplers for any objective: exact gradients where the objective is deterministic.</summary>
public static class GradientSamplers
{
    /// <summary>The objective's own sampler, or one that returns ∇f(θ) with zero variance for a deterministic objective.</summary>
    public static IGradientSampler Open(IObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return objective is IStochasticObjective s ? s.OpenSampler() : new Exact(objective);
    }

    private sealed class Exact(IObjective objective) : IGradientSampler
    {
        public GradientSample Sample(Vector<double> theta, int batchSize) =>
            new(objective.Gradient(theta), batchSize, batchSize >= 2 ? Vector<double>.Build.Dense(objective.Dimension) : null);
    }
}
