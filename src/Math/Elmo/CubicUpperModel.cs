namespace Verification.Numerics.Elmo;

/// <summary>
/// The pessimistic cubic model of elmo-amos eq. (3) along one eigenvector:
/// M(x) = g·x + (λ/2)·x² + (L/6)·|x|³, where g = ∇f(θ_t)ᵀv_i, λ = λ_i and L = L_t^i.
/// </summary>
public static class CubicUpperModel
{
    /// <summary>M(x) of eq. (3). <paramref name="gProjection"/> is g = ∇fᵀv (any sign).</summary>
    /// <remarks>
    /// Domain: every finite g, λ, x and finite L ≥ 0, subnormals included. Accuracy (see <see cref="CubicModelTerms"/>):
    /// |computed − M(x)| ≤ 3·2^-52·T + 2^-1075 with T = |g·x| + |λ|x²/2 + L|x|³/6 (a relative bound when the terms do not
    /// cancel; none can exist when they do). No intermediate overflows: ±∞ only where the computed value itself is
    /// beyond ±double.MaxValue, i.e. where M(x) is, up to that bound.
    /// </remarks>
    /// <exception cref="ArgumentException">non-finite input or negative <paramref name="lipschitz"/>.</exception>
    public static double Evaluate(double gProjection, double lambda, double lipschitz, double x)
        => CubicModelTerms.Evaluate(gProjection, lambda, lipschitz, x, +1);
}
