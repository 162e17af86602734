namespace Verification.Numerics.Elmo;

/// <summary>
/// The optimistic cubic model of elmo-amos eq. (4) along one eigenvector:
/// m(x) = g·x + (λ/2)·x² − (L/6)·|x|³, where g = ∇f(θ_t)ᵀv_i, λ = λ_i and L = L_t^i.
/// </summary>
public static class CubicLowerModel
{
    /// <summary>m(x) of eq. (4). <paramref name="gProjection"/> is g = ∇fᵀv (any sign).</summary>
    /// <remarks>
    /// Domain and accuracy as <see cref="CubicUpperModel.Evaluate"/>: |computed − m(x)| ≤ 3·2^-52·T + 2^-1075 with
    /// T = |g·x| + |λ|x²/2 + L|x|³/6; ±∞ only where the computed value itself is beyond ±double.MaxValue.
    /// </remarks>
    /// <exception cref="ArgumentException">non-finite input or negative <paramref name="lipschitz"/>.</exception>
    public static double Evaluate(double gProjection, double lambda, double lipschitz, double x)
        => CubicModelTerms.Evaluate(gProjection, lambda, lipschitz, x, -1);
}
