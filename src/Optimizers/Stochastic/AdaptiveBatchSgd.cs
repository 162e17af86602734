using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// SGD with step size γ/L and the batch size of thesis Proposition 4.2, m* = 2γη²/(2 − γ) (eq. 4.13), re-estimated
/// from each minibatch (η² by <see cref="NoiseToSignal.Estimate"/>) and rounded up into [m_min, m_max] (§4.2.2: "in
/// practice it would have to be rounded"); m_min ≥ 2 so that every batch yields a variance estimate.
/// </summary>
public sealed class AdaptiveBatchSgd : StochasticOptimizer
{
    /// <summary>The rule with L &gt; 0, γ ∈ (0, 1], and batch sizes 2 ≤ m_min ≤ m_max.</summary>
    public AdaptiveBatchSgd(double smoothness, double stepFactor, int minBatch, int maxBatch)
    {
        Smoothness = Require.Positive(smoothness, nameof(smoothness));
        Require.Positive(stepFactor, nameof(stepFactor));
        if (stepFactor > 1)
            throw new ArgumentException($"stepFactor must be in (0, 1], got {Require.Show(stepFactor)}.", nameof(stepFactor));
        StepFactor = stepFactor;
        if (minBatch < 2)
            throw new ArgumentException($"minBatch must be ≥ 2, got {minBatch}.", nameof(minBatch));
        if (maxBatch < minBatch)
            throw new ArgumentException($"maxBatch must be ≥ minBatch = {minBatch}, got {maxBatch}.", nameof(maxBatch));
        MinBatch = minBatch;
        MaxBatch = maxBatch;
    }

    /// <summary>L.</summary>
    public double Smoothness { get; }

    /// <summary>γ.</summary>
    public double StepFactor { get; }

    /// <summary>m_min.</summary>
    public int MinBatch { get; }

    /// <summary>m_max.</summary>
    public int MaxBatch { get; }

    /// <inheritdoc />
    public override string Name => $"sgd-prop4.2(L={Require.Show(Smoothness)}, γ={Require.Show(StepFactor)}, m∈[{MinBatch},{MaxBatch}])";

    /// <summary>
    /// m* = 2γη²/(2 − γ) rounded up and clamped into [m_min, m_max]: the smallest integer ≥ the exact m* (the floating-point
    /// m*'s ceiling, after three roundings, is corrected by an exact comparison; γ = 0.07820694148540497, η² = 2708356329
    /// gave 220431919 for the exact integer m* = 220431918).
    /// </summary>
    /// <exception cref="ArgumentException">eta2 NaN or &lt; 0.</exception>
    public int BatchSizeFor(double eta2)
    {
        if (double.IsNaN(eta2) || eta2 < 0)
            throw new ArgumentException($"eta2 must be ≥ 0, got {eta2}.", nameof(eta2));
        double m = 2 * StepFactor * eta2 / (2 - StepFactor);
        if (m >= MaxBatch)
            return MaxBatch;
        long c = Math.Max(MinBatch, (long)Math.Ceiling(m)); // within a few ulp of m* < 2^31: at most one off
        while (c > MinBatch && ExceedsProduct(StepFactor, eta2, c - 1) >= 0)
            c--; // c − 1 ≥ m* already
        while (c < MaxBatch && ExceedsProduct(StepFactor, eta2, c) < 0)
            c++; // c < m*
        return (int)c;
    }

    /// <summary>The sign of k(2 − γ) − 2γη², i.e. of k − m*, exactly: 2k compared with γ(2η² + k) in rationals.</summary>
    private static int ExceedsProduct(double gamma, double eta2, long k) =>
        new Fraction(2 * k).CompareTo(ExactDouble.ToFraction(gamma) * (2 * ExactDouble.ToFraction(eta2) + new Fraction(k)));

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(this);

    private sealed class Rule(AdaptiveBatchSgd owner) : IStepRule
    {
        public int BatchSize { get; private set; } = owner.MinBatch;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            BatchSize = owner.BatchSizeFor(NoiseToSignal.Estimate(sample));
            return SmoothnessStep.Of(owner.StepFactor, owner.Smoothness, sample.Gradient, nameof(sample));
        }
    }
}
