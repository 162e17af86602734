namespace Verification.Math;

/// <summary>
/// Cauchy's method (Traub 1982) as elmo-amos App. F.1 writes it along eigenvector v_i:
/// x_C = −2/(1 + √(1 − 2L·g/λ²)) · g/λ, with g = ∇f(θ_t)ᵀv_i ≤ 0, λ = λ_i ≠ 0, L = L_t^i.
/// </summary>
public static class CauchyStep
{
    /// <summary>The first line of App. F.1's chain. Its last line is (sgn(λ)·√(λ² − 2Lg) − λ)/L.</summary>
    /// <exception cref="ArgumentException">λ = 0, g &gt; 0, L ≤ 0, or non-finite input.</exception>
    public static double Along(double lambda, double gProjection, double lipschitz)
    {
        Require.Finite(lambda, nameof(lambda));
        Require.Finite(gProjection, nameof(gProjection));
        Require.Positive(lipschitz, nameof(lipschitz));
        if (lambda == 0)
            throw new ArgumentException("lambda must be non-zero: Cauchy's step divides by λ.", nameof(lambda));
        if (gProjection > 0)
            throw new ArgumentException($"gProjection must be ≤ 0 (eq. 1's sign convention), got {Require.Show(gProjection)}.", nameof(gProjection));
        double root = System.Math.Sqrt(1 - 2 * lipschitz * gProjection / (lambda * lambda));
        return -2 / (1 + root) * (gProjection / lambda);
    }
}
