using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// Adam (thesis eqs. 5.1–5.4; Kingma &amp; Ba): m̃_t = β₁m̃_{t−1} + (1 − β₁)g_t, ṽ_t = β₂ṽ_{t−1} + (1 − β₂)g_t², bias-corrected
/// m_t = m̃_t/(1 − β₁^(t+1)), v_t = ṽ_t/(1 − β₂^(t+1)), and θ_{t+1} = θ_t − α m_t/(√v_t + ε). The one Adam of the
/// project: the thesis's stochastic Adam, the Adam baseline of lodo.md §5 and LODO's meta-optimizer (Algorithm 1,
/// through <see cref="StartRule"/>).
/// </summary>
/// <remarks>
/// The bias correction 1 − β^(t+1) is <see cref="MovingAverages.OneMinusPower"/> (within 4 ulp for every β ∈ [0, 1)),
/// not 1 − (β·β·…·β): a running product rounds once per step and drifts by up to (t + 1)/2 ulp, and 1 − β^(t+1) magnifies
/// that relative error by β^(t+1)/(1 − β^(t+1)), about 1/((t + 1)(1 − β)) early in a run (a factor 100 at t + 1 = 10 for
/// β₂ = 0.999); 1 − Math.Pow(β, t+1) magnifies Pow's one ulp the same way. The tests compare against the exact rational power.
/// Range of the gradient: every entry |g_i| ≤ <see cref="MovingAverages.MaxSquaredEntry"/> = 2^511, so that g_i² and v stay
/// doubles; a larger entry is an <see cref="ArgumentException"/> naming the gradient before any state changes (formerly g² = ∞
/// reached <see cref="Direction"/>, whose exception named its own parameter v). With ε below <see cref="SmallEpsilon"/>
/// = 2^-480, or below 2^-480/√(1024(1 − β₂)) (ε = 0 included), a coordinate whose v (before the bias correction, so
/// ṽ = v/c₂ may still be normal: ε = 0, g = 1e-153 gives v ≈ 1e-309, ṽ ≈ 1e-306) falls below 2^-1022 while m ≠ 0 is an ArgumentException naming the
/// gradient, state unchanged: v lost its digits there (g = 1e-170 squares to 0), and the step was 0 where the exact
/// first step is −α·sign(g). Left: m̃ below 2^-1022 carries an absolute error of a few 2^-1075 a step, which the step
/// scales by α/(c₁(√v + ε)) (ε = 1e-8, g = −1e-320: first step 9.98e-316, exact 1.0e-315); elsewhere each step is within
/// 8 roundings of the exact −α·m/(√v + ε) of the computed moments.
/// </remarks>
public sealed class Adam : StochasticOptimizer
{
    /// <summary>Adam with α ≥ 0 (α = 0 freezes θ), β₁, β₂ ∈ [0, 1), ε ≥ 0 and batch size m ≥ 1.</summary>
    public Adam(double stepSize, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, int batchSize = 1)
    {
        StepSize = Require.NonNegative(stepSize, nameof(stepSize));
        Beta1 = MovingAverages.RequireBeta(beta1, nameof(beta1));
        Beta2 = MovingAverages.RequireBeta(beta2, nameof(beta2));
        Epsilon = Require.NonNegative(epsilon, nameof(epsilon));
        if (batchSize < 1)
            throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
        BatchSize = batchSize;
    }

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>m.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    public override string Name =>
        $"adam(α={Require.Show(StepSize)}, β1={Require.Show(Beta1)}, β2={Require.Show(Beta2)}, ε={Require.Show(Epsilon)}, m={BatchSize})";

    /// <summary>
    /// Adam's direction m/(√v + ε) per coordinate, within 2.5 ulp (√, + and ÷); with ε = 0 and v = 0 = m the direction
    /// is 0, the limit along any sequence with v ≥ m².
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A non-finite m, v or ε &lt; 0, or √v + ε = 0 with m ≠ 0 (m/0 is unbounded; it returned 0: Direction(1, 0, 0) was 0).
    /// </exception>
    public static double Direction(double m, double v, double epsilon)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        Require.NonNegative(epsilon, nameof(epsilon));
        double denominator = Math.Sqrt(v) + epsilon;
        if (denominator == 0 && m != 0)
            throw new ArgumentException($"v = 0 and epsilon = 0 with m = {Require.Show(m)} ≠ 0: m/(√v + ε) is unbounded.", nameof(v));
        return denominator == 0 ? 0 : m / denominator;
    }

    /// <summary>
    /// 2^-480: with ε at least this and at least 2^-480/√(1024(1 − β₂)), v's subnormal roundings (2^-1074 a step,
    /// accumulating to at most 2^-1074·c₂/(1 − β₂)) move √ṽ = √(v/c₂) by at most √(2^-1074/(1 − β₂)) ≤ 2u·ε; below it a
    /// coordinate whose v is below 2^-1022 while m ≠ 0 is rejected. (The stop-41 test ε &lt; 2^-480 ignored β₂:
    /// β₂ = 1 − 2^-53, ε = 2^-480, g = 2.58e-154 gave a first step 1.2e6 ulp off.)
    /// </summary>
    public const double SmallEpsilon = 3.2033329522929615e-145;

    /// <summary>1 − β^(t+1), the bias correction after t + 1 values, within 4 ulp (<see cref="MovingAverages.OneMinusPower"/>; see the remarks).</summary>
    public static double BiasCorrection(double beta, int count)
    {
        MovingAverages.RequireBeta(beta, nameof(beta));
        if (count < 1)
            throw new ArgumentException($"count must be ≥ 1, got {count}.", nameof(count));
        return MovingAverages.OneMinusPower(beta, count);
    }

    /// <summary>
    /// A fresh run's rule on a d-dimensional parameter, for a caller that computes its own gradients (LODO's meta-step on
    /// ∇_θℓ): each <see cref="IStepRule.Step"/> returns Δ for the sample's gradient and advances the moments.
    /// </summary>
    public IStepRule StartRule(int dimension)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        return new Rule(this, dimension);
    }

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(this, dimension);

    private sealed class Rule(Adam adam, int dimension) : IStepRule
    {
        private readonly double[] m = new double[dimension], v = new double[dimension];
        private int count;

        public int BatchSize => adam.BatchSize;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            var g = sample.Gradient;
            Require.Finite(g, "gradient");
            Require.SameLength(dimension, g.Count, "gradient");
            MovingAverages.RequireSquarable(g, adam.Name, "gradient");
            double c1 = BiasCorrection(adam.Beta1, count + 1), c2 = BiasCorrection(adam.Beta2, count + 1);
            // v's subnormal roundings (2^-1074 a step) accumulate to δ ≤ 2^-1074·c₂/(1 − β₂), so √ṽ moves by at most
            // √(2^-1074/(1 − β₂)): under 2u·ε where ε ≥ 2^-480·max(1, 1/√(1024(1 − β₂))) (1 − β₂ exact for β₂ ≥ ½).
            bool epsilonTooSmall = adam.Epsilon < SmallEpsilon || adam.Epsilon * Math.Sqrt(1024 * (1 - adam.Beta2)) < SmallEpsilon;
            double[] mNext = new double[dimension], vNext = new double[dimension], step = new double[dimension];
            for (int i = 0; i < dimension; i++)
            {
                mNext[i] = adam.Beta1 * m[i] + (1 - adam.Beta1) * g[i];
                vNext[i] = adam.Beta2 * v[i] + (1 - adam.Beta2) * (g[i] * g[i]);
                if (epsilonTooSmall && mNext[i] != 0 && vNext[i] < PowerOfTwoScaling.MinNormal)
                    throw new ArgumentException(
                        $"{adam.Name}: entry {i}'s moving average of g² is {Require.Show(vNext[i])}, below 2^-1022 where it loses digits (|g_i| below about 2^-511 = 1.5e-154), while its mean is {Require.Show(mNext[i])} ≠ 0 and ε = {Require.Show(adam.Epsilon)} is below 2^-480·max(1, 1/√(1024(1 − β₂))), so m/(√v + ε) would be wrong.",
                        "gradient");
                step[i] = -adam.StepSize * Direction(mNext[i] / c1, vNext[i] / c2, adam.Epsilon);
            }
            count++;
            Array.Copy(mNext, m, dimension);
            Array.Copy(vNext, v, dimension);
            return Vector<double>.Build.DenseOfArray(step);
        }
    }
}
