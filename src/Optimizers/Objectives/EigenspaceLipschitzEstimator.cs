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
    /// <exception cref="ArgumentException">samples &lt; 1, radius not positive, θ invalid for <paramref name="objective"/>.</exception>
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
            var step = w * (radius * random.NextDouble() / norm);
            var phi = theta + step;
            var other = SymmetricEigen.Decompose(objective.Hessian(phi), objective.Gradient(phi));
            for (int i = 0; i < n; i++)
            {
                double along = Math.Abs(step.DotProduct(eigen.Vectors.Column(i)));
                if (along <= 1e-12 * step.L2Norm()) continue;
                constants[i] = Math.Max(constants[i], Math.Abs(eigen.Values[i] - other.Values[i]) / along);
            }
        }
        return new EigenspaceLipschitz(constants, false,
            $"eigenvectors of H(θ), ascending eigenvalues; sampled estimate from {samples} points within radius {Require.Show(radius)}");
    }
}
