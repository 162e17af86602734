using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// A Sophia-style diagonal second-order method (Liu et al. 2024, the OPT² of elmo-amos App. K), per coordinate:
/// m_i ← β₁m_i + (1 − β₁)∂_i f; every k-th step h_i ← β₂h_i + (1 − β₂)H_ii; (Δθ)_i = −η·clip(m_i / max(ρh_i, ε), 1).
/// The exact diagonal H_ii replaces Sophia's Hutchinson estimate, so runs are deterministic. Where h_i ≤ 0 the
/// denominator is ε and the clip turns the step into −η·sgn(m_i): no division by a non-positive curvature.
/// Defaults follow App. K (ρ = 0.01, AdamW's β₁ = 0.9, β₂ = 0.95). Run on its own it owns every coordinate (App. K's
/// "pure Sophia" reference trajectory, on the objective's gradient samples and its exact Hessian diagonal); in AMOS it
/// steps the coordinates assigned to OPT².
/// </summary>
public sealed class SophiaDiagonal : CoordinatewiseOptimizer
{
    /// <summary>Creates the method; η, ε &gt; 0, β₁, β₂ ∈ [0, 1), ρ &gt; 0, k ≥ 1.</summary>
    public SophiaDiagonal(double learningRate, double rho = 0.01, double beta1 = 0.9, double beta2 = 0.95, double epsilon = 1e-12, int hessianEvery = 1)
    {
        LearningRate = Require.Positive(learningRate, nameof(learningRate));
        Rho = Require.Positive(rho, nameof(rho));
        Beta1 = UnitInterval(beta1, nameof(beta1));
        Beta2 = UnitInterval(beta2, nameof(beta2));
        Epsilon = Require.Positive(epsilon, nameof(epsilon));
        if (hessianEvery < 1)
            throw new ArgumentException($"hessianEvery must be ≥ 1, got {hessianEvery}.", nameof(hessianEvery));
        HessianEvery = hessianEvery;
    }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>ρ, the scale of h in the denominator.</summary>
    public double Rho { get; }

    /// <summary>β₁ (gradient moment).</summary>
    public double Beta1 { get; }

    /// <summary>β₂ (curvature moment).</summary>
    public double Beta2 { get; }

    /// <summary>ε, the least denominator.</summary>
    public double Epsilon { get; }

    /// <summary>k: the curvature moment is refreshed on every k-th step of this optimizer that owns a coordinate.</summary>
    public int HessianEvery { get; }

    /// <inheritdoc />
    public override string Name => $"sophia(η={Require.Show(LearningRate)}, ρ={Require.Show(Rho)})";

    /// <inheritdoc />
    protected override ICoordinatewiseRule CreateCoordinates(int dimension) => new Rule(this, dimension);

    /// <summary>(Δθ)_i for moments m, h: −η·clip(m / max(ρh, ε), 1).</summary>
    public double Update(double m, double h)
    {
        double ratio = m / Math.Max(Rho * h, Epsilon);
        return -LearningRate * Math.Clamp(ratio, -1, 1);
    }

    private static double UnitInterval(double value, string name)
    {
        Require.NonNegative(value, name);
        if (!(value < 1))
            throw new ArgumentException($"{name} must lie in [0, 1), got {Require.Show(value)}.", name);
        return value;
    }

    private sealed class Rule(SophiaDiagonal sophia, int dimension) : ICoordinatewiseRule
    {
        private readonly double[] m = new double[dimension];
        private readonly double[] h = new double[dimension];
        private int steps;

        public void Step(Vector<double> gradient, Func<Vector<double>> hessianDiagonal, IReadOnlyList<int> owned, Vector<double> delta)
        {
            if (owned.Count == 0)
                return;
            Vector<double>? diagonal = steps % sophia.HessianEvery == 0 ? hessianDiagonal() : null;
            steps++;
            foreach (int i in owned)
            {
                m[i] = sophia.Beta1 * m[i] + (1 - sophia.Beta1) * gradient[i];
                if (diagonal is not null)
                    h[i] = sophia.Beta2 * h[i] + (1 - sophia.Beta2) * diagonal[i];
                delta[i] = sophia.Update(m[i], h[i]);
            }
        }
    }
}
