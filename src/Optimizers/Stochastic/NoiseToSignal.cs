using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// Estimates of the noise-to-signal ratio η² = tr(Σ)/‖∇f‖² (thesis eq. 4.9) from a minibatch: tr(s)/‖g‖² with the
/// per-sample variance estimate s (eq. 3.30) and the minibatch gradient g. The plug-in ‖g‖² overestimates ‖∇f‖² by
/// tr(Σ)/m on average, so the estimate is biased low; §4.3 accepts such heuristics. +∞ where g = 0 and s ≠ 0.
/// </summary>
public static class NoiseToSignal
{
    /// <summary>tr(s)/‖g‖²; 0 when the batch has one sample (no variance estimate) or s = 0.</summary>
    public static double Estimate(GradientSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.PerSampleVariance is null) return 0;
        double trace = sample.PerSampleVariance.Sum();
        if (trace == 0) return 0;
        double norm2 = sample.Gradient * sample.Gradient;
        return norm2 == 0 ? double.PositiveInfinity : trace / norm2;
    }

    /// <summary>The exact η² of a stochastic objective with a closed-form Σ, or null.</summary>
    public static double? Exact(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (objective is not IStochasticObjective s || s.PerSampleVariance(theta) is not { } variance) return null;
        var grad = objective.Gradient(theta);
        double trace = variance.Sum();
        double norm2 = grad * grad;
        return trace == 0 ? 0 : norm2 == 0 ? double.PositiveInfinity : trace / norm2;
    }
}
