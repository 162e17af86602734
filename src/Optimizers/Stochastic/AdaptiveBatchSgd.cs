using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

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

    /// <summary>The sign of k(2 − γ) − 2γη², i.e. of k − m*, exactly: γ(2η² + k) compared with 2k as integers times powers of two.</summary>
    private static int ExceedsProduct(double gamma, double eta2, long k)
    {
        var (gm, ge) = Dyadic(gamma);
        var (em, ee) = Dyadic(eta2);
        int low = Math.Min(ee + 1, 0); // 2η² + k = (em·2^(ee+1−low) + k·2^(−low))·2^low
        var sum = (em << (ee + 1 - low)) + ((System.Numerics.BigInteger)k << -low);
        var left = gm * sum; // γ(2η² + k) = left·2^(ge + low)
        var right = (System.Numerics.BigInteger)(2 * k);
        int shift = ge + low;
        return shift >= 0 ? right.CompareTo(left << shift) : (right << -shift).CompareTo(left);
    }

    /// <summary>A finite double ≥ 0 as an integer times a power of two (exact).</summary>
    private static (System.Numerics.BigInteger Mantissa, int Exponent) Dyadic(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        return biased == 0 ? (fraction, -1074) : (fraction | (1L << 52), biased - 1075);
    }

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
