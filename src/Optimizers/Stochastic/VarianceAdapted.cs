using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// SVAG (thesis Alg. 4) and M-SVAG (Alg. 2) with the details of §5.4.4: moving averages m_t, v_t with one β; the
/// variance estimate ŝ_t = (v_t − m_t²)/(1 − ρ(β, t)) (eq. 5.16), with ŝ_0 = 0 at t = 0, where 1 − ρ(β, 0) = 0; factors
/// γ = m²/(m² + ŝ) (SVAG, eq. 5.17) or m²/(m² + ρŝ) (M-SVAG, eq. 5.19); no update in coordinates with m = v = 0.
/// β = 0 is rejected: ρ(0, t) = 1 for every t, so (5.16) would divide by zero at every step.
/// </summary>
/// <remarks>
/// Range of the stochastic gradient: every entry |g_i| ≤ <see cref="MovingAverages.MaxSquaredEntry"/> = 2^511 ≈ 6.7e153, so that g_i² ≤ 2^1022
/// and v_t, a convex combination of such squares divided by 1 − β^(t+1) (at most its largest term to a few ulps), stay
/// below double.MaxValue. A larger entry is an <see cref="ArgumentException"/> naming the sample (the gradient's entry,
/// its value and this range) before any state changes; formerly g² overflowed to ∞ and the moving average rejected it as
/// its own input "y", which names neither SVAG nor the gradient. (Rescaling instead is not local to one step: v_t mixes
/// squares of every past gradient.)
/// </remarks>
public sealed class VarianceAdapted : StochasticOptimizer
{
    private VarianceAdapted(double stepSize, double beta, bool momentum, int batchSize)
    {
        StepSize = Require.Positive(stepSize, nameof(stepSize));
        MovingAverages.RequireBeta(beta, nameof(beta));
        if (beta == 0)
            throw new ArgumentException("beta must be in (0, 1): with β = 0, ρ(0, t) = 1 and eq. (5.16) divides by 1 − ρ = 0 at every step.", nameof(beta));
        Beta = beta;
        Momentum = momentum;
        if (batchSize < 1)
            throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
        BatchSize = batchSize;
    }

    /// <summary>SVAG (Alg. 4): θ ← θ − α(γ⊙g), γ = m²/(m² + ŝ).</summary>
    public static VarianceAdapted Svag(double stepSize, double beta, int batchSize = 1) => new(stepSize, beta, momentum: false, batchSize);

    /// <summary>M-SVAG (Alg. 2): θ ← θ − α(γ⊙m), γ = m²/(m² + ρ(β, t)ŝ).</summary>
    public static VarianceAdapted MSvag(double stepSize, double beta, int batchSize = 1) => new(stepSize, beta, momentum: true, batchSize);

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>True for M-SVAG (update along m), false for SVAG (along g).</summary>
    public bool Momentum { get; }

    /// <summary>m.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    public override string Name => $"{(Momentum ? "m-svag" : "svag")}(α={Require.Show(StepSize)}, β={Require.Show(Beta)}, m={BatchSize})";

    /// <summary>
    /// The factor 1/(1 + κ·ŝ/m²) with κ = ρ (M-SVAG) or 1 (SVAG), ŝ = (v − m²)/(1 − ρ) for t ≥ 1 and 0 at t = 0; 0 where
    /// m = 0 (then the update γ·m or γ·g is 0 or, for m = v = 0, skipped). Computed as 1/(1 + x), x = (A/B)·η̂², with
    /// η̂² = (v − m²)/m² from <see cref="AdamDecomposition.RelativeVariance"/> (within 4 ulp where v − m² cancels; the
    /// former (v/|m| − |m|)/|m| had an absolute error of u there, which κ/(1 − ρ) ≈ 1/(2β) magnifies for small β), clamped
    /// at 0 (v ≥ m² in exact arithmetic, by Jensen), and κ/(1 − ρ) = A/B written without the cancelling 1 − ρ:
    /// 1 − ρ = 2β(1 − β^t)/((1 + β)(1 − β^(t+1))), so B = 2β(1 − β^t) and A = (1 + β)(1 − β^(t+1)) (SVAG) or
    /// A = (1 − β)(1 + β^(t+1)) (M-SVAG, κ = ρ), each 1 − βⁿ from <see cref="MovingAverages.OneMinusPower"/> (the former
    /// 1 − ρ was 0 for β below 2^-54, giving ∞·0 = NaN at v = m², and lost digits near β = 1). A, B and η̂² are multiplied
    /// as mantissa·2^exponent, so x never overflows (η̂² beyond double.MaxValue is v/m² to 2^-1023) and
    /// 1/(1 + x) = 2^-e/mantissa where x ≥ 2^62.
    /// Accuracy, relative: A ≤ 9u (two roundings and 1 − βⁿ's 4 ulp ≤ 8u), B ≤ 8.5u, η̂² ≤ 8u, two mantissa operations 1u,
    /// so x ≤ 26.5u, and 1/(1 + x) adds 1u with condition x/(1 + x) ≤ 1: within 28 ulp wherever the factor is normal, and
    /// within 28·2^-1074 where it is subnormal.
    /// </summary>
    /// <exception cref="ArgumentException">non-finite m, v &lt; 0, β outside [0, 1), β = 0 with t ≥ 1 (1 − ρ(0, t) = 0), or t &lt; 0.</exception>
    public static double Factor(double m, double v, double beta, int t, bool momentum)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        MovingAverages.RequireBeta(beta, nameof(beta));
        if (t < 0)
            throw new ArgumentException($"t must be ≥ 0, got {t}.", nameof(t));
        if (t == 0) return m == 0 ? 0 : 1;
        if (beta == 0)
            throw new ArgumentException("beta must be in (0, 1) for t ≥ 1: with β = 0, ρ(0, t) = 1 and eq. (5.16) divides by 1 − ρ = 0.", nameof(beta));
        if (m == 0) return 0;
        double eta2 = AdamDecomposition.RelativeVariance(m, v);
        if (!(eta2 > 0)) return 1;
        var (eMantissa, eExponent) = double.IsPositiveInfinity(eta2) ? RatioToSquare(v, Math.Abs(m)) : Split(eta2);
        double numerator = momentum
            ? (1 - beta) * (1 + Math.Pow(beta, t + 1))
            : (1 + beta) * MovingAverages.OneMinusPower(beta, t + 1);
        double denominator = 2 * beta * MovingAverages.OneMinusPower(beta, t);
        var (nMantissa, nExponent) = Split(numerator);
        var (dMantissa, dExponent) = Split(denominator);
        double mantissa = nMantissa * eMantissa / dMantissa;   // in (½, 4)
        int exponent = nExponent + eExponent - dExponent;
        return exponent >= 62
            ? Math.ScaleB(1 / mantissa, -exponent)             // 1 + x = x to 2^-61
            : 1 / (1 + Math.ScaleB(mantissa, exponent));
    }

    /// <summary>x = mantissa·2^exponent exactly, mantissa ∈ [1, 2), for a positive finite x (subnormals included).</summary>
    private static (double Mantissa, int Exponent) Split(double x)
    {
        int e = Math.ILogB(x);
        return (Math.ScaleB(x, -e), e);
    }

    /// <summary>v/a² as mantissa·2^exponent without forming a² (for η̂² = v/a² − 1 beyond double.MaxValue, where the 1 is below 2^-1023 of it).</summary>
    private static (double Mantissa, int Exponent) RatioToSquare(double v, double a)
    {
        var (vm, ve) = Split(v);
        var (am, ae) = Split(a);
        return (vm / am / am, ve - 2 * ae);
    }

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(this, dimension);

    private sealed class Rule(VarianceAdapted owner, int dimension) : IStepRule
    {
        private readonly MovingAverages first = new(owner.Beta, dimension);
        private readonly MovingAverages second = new(owner.Beta, dimension);

        public int BatchSize => owner.BatchSize;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            var g = sample.Gradient;
            MovingAverages.RequireSquarable(g, owner.Name, nameof(sample));
            first.Add(g);
            second.Add(g.PointwiseMultiply(g));
            var m = first.BiasCorrected;
            var v = second.BiasCorrected;
            return Vector<double>.Build.Dense(dimension, i =>
            {
                if (m[i] == 0 && v[i] == 0) return 0; // §5.4.4: no update in this coordinate
                double gamma = Factor(m[i], v[i], owner.Beta, t, owner.Momentum);
                return -owner.StepSize * gamma * (owner.Momentum ? m[i] : g[i]);
            });
        }
    }
}
