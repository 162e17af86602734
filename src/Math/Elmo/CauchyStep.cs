namespace Verification.Numerics.Elmo;

/// <summary>
/// Cauchy's method (Traub 1982) as elmo-amos App. F.1 writes it along eigenvector v_i:
/// x_C = −2/(1 + √(1 − 2L·g/λ²)) · g/λ, with g = ∇f(θ_t)ᵀv_i ≤ 0, λ = λ_i ≠ 0, L = L_t^i.
/// </summary>
public static class CauchyStep
{
    /// <summary>The first line of App. F.1's chain. Its last line is (sgn(λ)·√(λ² − 2Lg) − λ)/L.</summary>
    /// <remarks>
    /// Domain: every finite λ ≠ 0, every finite g ≤ 0 and every finite L &gt; 0, subnormals included. The first line
    /// is not evaluated as written (2Lg/λ² overflows for |λ| below about 1e-154 and underflows for large |λ|): with
    /// |g| = −g it equals 2|g|/(λ + sgn(λ)·S), S = √(λ² + 2L|g|), i.e. sgn(λ)·x*(|λ|, |g|, L) with ELMO's x* of
    /// eq. (7), which <see cref="ElmoStep.Step"/> evaluates without cancellation or intermediate overflow. Accuracy is
    /// therefore that of <see cref="ElmoStep.Step"/>: within 1 ulp of the exact value everywhere, ±∞ exactly when the
    /// exact magnitude is at least double.MaxValue + ½ ulp. g = 0 (or −0.0) gives 0.
    /// </remarks>
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
        if (gProjection == 0)
            return 0.0;
        double magnitude = ElmoStep.StepUnchecked(Math.Abs(lambda), -gProjection, lipschitz);
        return lambda > 0 ? magnitude : -magnitude;
    }
}
