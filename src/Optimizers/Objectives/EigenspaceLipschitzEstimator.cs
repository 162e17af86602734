using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// A sampled estimate of Assumption 2's first-line constants at θ: L̃^i ≈ max over sampled φ of
/// |λ_i(θ) − λ_i(φ)| / |(θ − φ)ᵀv_i| (eigenvalues sorted ascending, as the assumption sorts them). It is a lower
/// estimate of the true supremum (only finitely many φ are tried), so it is labelled <c>IsRigorous = false</c>.
/// </summary>
public static class EigenspaceLipschitzEstimator
{
    /// <summary>
    /// Estimates L̃^i at <paramref name="theta"/> from <paramref name="samples"/> points φ = θ + r·w (w uniform on the
    /// sphere, r ≤ <paramref name="radius"/>), deterministic for <paramref name="seed"/>. Ratios whose denominator is
    /// below 1e-12·‖θ − φ‖ are skipped (the eigenvalue may move while the step is orthogonal to v_i: then no finite
    /// constant is seen from that sample).
    /// </summary>
    /// <remarks>
    /// What is computed, over the whole range: with λ̂ the computed eigenvalues at θ and φ, v̂_i the computed eigenvectors at
    /// θ and s = r·w the step as a double vector, each L̃^i is the largest fl(|λ̂_i(θ) − λ̂_i(φ)| / fl|sᵀv̂_i|) over the
    /// samples kept. Against the exact quotient q = |λ̂_i(θ) − λ̂_i(φ)|/|sᵀv̂_i| of those doubles it is within
    /// 2u + γ_n·Σ_k|s_k v̂_ki|/|sᵀv̂_i| relative (u = 2^-53: the difference and the quotient round once each, the dot product
    /// n times; the kept ratios have |sᵀv̂_i| &gt; 1e-12·‖s‖, so at most about n·1e12·u ≈ n·1.1e-4), plus 2^-1075 where it is
    /// subnormal and n·2^-1075 in the dot product. A difference of eigenvalues beyond the range is formed from exact
    /// halves, so L̃^i is +∞ only where q itself rounds beyond double.MaxValue; where r·U/‖w‖ overflows the step is formed
    /// as (w/‖w‖)·(r·U) (radius = MaxValue at θ = 0 was rejected). A point θ + s beyond the double range is rejected naming
    /// radius. The estimate is a lower estimate of Assumption 2's supremum, not a bound (IsRigorous = false).
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// samples &lt; 1, radius not positive, θ invalid for <paramref name="objective"/>, or a sampled point θ + r·w beyond ±double.MaxValue.
    /// </exception>
    public static EigenspaceLipschitz Estimate(IObjective objective, Vector<double> theta, int samples, double radius, int seed)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (samples < 1)
            throw new ArgumentException($"samples must be ≥ 1, got {samples}.", nameof(samples));
        Require.Positive(radius, nameof(radius));
        var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
        int n = eigen.Dimension;
        var constants = new double[n];
        var random = new System.Random(seed);
        for (int k = 0; k < samples; k++)
        {
            var w = Vector<double>.Build.Dense(n, _ => random.NextDouble() * 2 - 1);
            double norm = w.L2Norm();
            if (norm == 0) continue;
            double fraction = random.NextDouble();
            double factor = radius * fraction / norm;
            // Where r·U/‖w‖ overflows though each |r·U·w_i/‖w‖| ≤ r does not, the unit vector is formed first.
            var step = double.IsFinite(factor) ? w * factor : w / norm * (radius * fraction);
            var phi = theta + step;
            if (!phi.All(double.IsFinite))
                throw new ArgumentException(
                    $"the sampled point θ + r·w is beyond the double range for radius {Require.Show(radius)}; radius must keep every θ + r·w within ±double.MaxValue.",
                    nameof(radius));
            var other = SymmetricEigen.Decompose(objective.Hessian(phi), objective.Gradient(phi));
            for (int i = 0; i < n; i++)
            {
                double along = Math.Abs(step.DotProduct(eigen.Vectors.Column(i)));
                if (along <= 1e-12 * step.L2Norm()) continue;
                constants[i] = Math.Max(constants[i], Quotient(eigen.Values[i], other.Values[i], along));
            }
        }
        return new EigenspaceLipschitz(constants, false,
            $"eigenvectors of H(θ), ascending eigenvalues; sampled estimate from {samples} points within radius {Require.Show(radius)}");
    }

    /// <summary>|a − b|/along, with a − b taken as 2·(a/2 − b/2) where it overflows (halving such values is exact).</summary>
    private static double Quotient(double a, double b, double along)
    {
        double difference = Math.Abs(a - b);
        return double.IsInfinity(difference) ? Math.Abs(a / 2 - b / 2) / along * 2 : difference / along;
    }
}
