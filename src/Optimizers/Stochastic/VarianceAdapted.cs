using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// SVAG (thesis Alg. 4) and M-SVAG (Alg. 2) with the details of §5.4.4: moving averages m_t, v_t with one β; the
/// variance estimate ŝ_t = (v_t − m_t²)/(1 − ρ(β, t)) (eq. 5.16), with ŝ_0 = 0 at t = 0, where 1 − ρ(β, 0) = 0; factors
/// γ = m²/(m² + ŝ) (SVAG, eq. 5.17) or m²/(m² + ρŝ) (M-SVAG, eq. 5.19); no update in coordinates with m = v = 0.
/// β = 0 is rejected: ρ(0, t) = 1 for every t, so (5.16) would divide by zero at every step.
/// </summary>
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
    /// The factor 1/(1 + κ·ŝ/m²) with κ = ρ (M-SVAG) or 1 (SVAG), ŝ = (v − m²)/(1 − ρ) for t ≥ 1 and 0 at t = 0. Computed
    /// as 1/(1 + κ/(1 − ρ)·η̂²) with η̂² = (v/|m| − |m|)/|m| clamped at 0 (v ≥ m² in exact arithmetic, by Jensen), so m²
    /// never underflows; 0 where m = 0 (then the update γ·m or γ·g is 0 or, for m = v = 0, skipped).
    /// </summary>
    public static double Factor(double m, double v, double beta, int t, bool momentum)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        if (t == 0) return m == 0 ? 0 : 1;
        if (m == 0) return 0;
        double rho = MovingAverages.Rho(beta, t);
        double a = Math.Abs(m);
        double eta2 = Math.Max(0, (v / a - a) / a);
        double kappa = momentum ? rho : 1;
        return 1 / (1 + kappa / (1 - rho) * eta2);
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
