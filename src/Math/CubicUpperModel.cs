namespace Verification.Math;

/// <summary>
/// The pessimistic cubic model of elmo-amos eq. (3) along one eigenvector:
/// M(x) = g·x + (λ/2)·x² + (L/6)·|x|³, where g = ∇f(θ_t)ᵀv_i, λ = λ_i and L = L_t^i.
/// </summary>
public static class CubicUpperModel
{
    /// <summary>M(x) of eq. (3). <paramref name="gProjection"/> is g = ∇fᵀv (any sign).</summary>
    /// <exception cref="ArgumentException">non-finite input or negative <paramref name="lipschitz"/>.</exception>
    public static double Evaluate(double gProjection, double lambda, double lipschitz, double x)
    {
        Require.Finite(gProjection, nameof(gProjection));
        Require.Finite(lambda, nameof(lambda));
        Require.NonNegative(lipschitz, nameof(lipschitz));
        Require.Finite(x, nameof(x));
        return CubicModelTerms.Sum(gProjection, lambda, lipschitz, x, +1);
    }
}
