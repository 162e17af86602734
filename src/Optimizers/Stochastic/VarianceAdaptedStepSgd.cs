using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// SGD with the optimal step size of thesis Proposition 4.1: α_t = γ*/L with γ* = (1 + η²/m)⁻¹ (eq. 4.11), η² the
/// noise-to-signal ratio (eq. 4.9), either estimated from each minibatch (<see cref="NoiseToSignal.Estimate"/>, m ≥ 2)
/// or, for the idealized method, exact from the objective's closed-form Σ.
/// </summary>
/// <remarks>
/// The step is −(γ*/L)·g through <see cref="SmoothnessStep"/>. Where η²/m ≥ 2^1021 (γ* below 2^-1021, subnormal or 0 as a
/// double; η² beyond double.MaxValue included), for either η², γ* is m/η² from η²'s mantissa and power of two, so L can
/// scale it back into the range: the idealized rule gave step 0 where its exact η² overflowed (tr(Σ) = 1e300,
/// ∇f = 1e-200, g = 1e200, L = 1e-320, m = 1: exact −1e-180).
/// </remarks>
public sealed class VarianceAdaptedStepSgd : StochasticOptimizer
{
    /// <summary>The rule with smoothness constant L &gt; 0, batch size m, and whether η² is the objective's exact value.</summary>
    public VarianceAdaptedStepSgd(double smoothness, int batchSize, bool exactNoise = false)
    {
        Smoothness = Require.Positive(smoothness, nameof(smoothness));
        if (batchSize < (exactNoise ? 1 : 2))
            throw new ArgumentException($"batchSize must be ≥ {(exactNoise ? 1 : 2)} (an estimate of η² needs two samples), got {batchSize}.", nameof(batchSize));
        BatchSize = batchSize;
        ExactNoise = exactNoise;
    }

    /// <summary>L.</summary>
    public double Smoothness { get; }

    /// <summary>m.</summary>
    public int BatchSize { get; }

    /// <summary>True for the idealized rule with the exact η².</summary>
    public bool ExactNoise { get; }

    /// <inheritdoc />
    public override string Name => $"sgd-prop4.1(L={Require.Show(Smoothness)}, m={BatchSize}{(ExactNoise ? ", exact η²" : "")})";

    /// <summary>γ* = (1 + η²/m)⁻¹ = m/(m + η²), 0 for η² = ∞.</summary>
    /// <remarks>
    /// Within 3 ulp (u = 2^-53: three roundings, relative error ≤ γ₃) for every η² ≥ 0 and m &gt; 0 in the doubles. Where
    /// η²/m is beyond double.MaxValue, γ* = q/(1 + q) with q = m/η² &lt; 2^-1023, taken as fl(q) (within 1 ulp): before,
    /// 1/(1 + ∞) gave 0 (η² = 1e10, m = 1e-300: exact γ* ≈ 1e-310).
    /// </remarks>
    public static double OptimalStepFactor(double eta2, double batchSize)
    {
        if (double.IsNaN(eta2) || eta2 < 0)
            throw new ArgumentException($"eta2 must be ≥ 0, got {eta2}.", nameof(eta2));
        Require.Positive(batchSize, nameof(batchSize));
        if (double.IsPositiveInfinity(eta2))
            return 0;
        double ratio = eta2 / batchSize;
        return double.IsFinite(ratio) ? 1 / (1 + ratio) : batchSize / eta2;
    }

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension)
    {
        if (ExactNoise && NoiseToSignal.Exact(objective, Vector<double>.Build.Dense(dimension)) is null)
            throw new ArgumentException($"objective {objective.Name} has no closed-form Σ for the exact rule.", nameof(objective));
        return new Rule(this, objective);
    }

    /// <summary>2^1021: from η²/m here on γ* is below 2^-1021, where its double loses digits to the subnormal range.</summary>
    private const double LargeRatio = 2.247116418577895e307;

    private sealed class Rule(VarianceAdaptedStepSgd owner, IObjective objective) : IStepRule
    {
        public int BatchSize => owner.BatchSize;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            double eta2 = owner.ExactNoise ? NoiseToSignal.Exact(objective, theta)!.Value : NoiseToSignal.Estimate(sample);
            if (eta2 / owner.BatchSize >= LargeRatio
                && (owner.ExactNoise ? NoiseToSignal.ExactParts(objective, theta) : NoiseToSignal.EstimateParts(sample)) is { } parts)
            {
                // γ* = m/(m + η²) is m/η² to 2^-1021 relatively, kept as mantissa·2^exponent: as a double it is subnormal
                // or 0 (1/(1 + ∞) = 0 gave step 0 where L scales γ*·g back: estimated, s = 1e300, g = 1e-50, L = 1e-320;
                // exact, tr(Σ) = 1e300, ∇f = 1e-200, g = 1e200, L = 1e-320, m = 1).
                return SmoothnessStep.Of(owner.BatchSize / parts.Mantissa, -parts.Exponent, owner.Smoothness, sample.Gradient, nameof(sample));
            }
            return SmoothnessStep.Of(OptimalStepFactor(eta2, owner.BatchSize), owner.Smoothness, sample.Gradient, nameof(sample));
        }
    }
}
