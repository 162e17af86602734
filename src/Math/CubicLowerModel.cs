namespace Verification.Math;

/// <summary>
/// The optimistic cubic model of elmo-amos eq. (4) along one eigenvector:
/// m(x) = g·x + (λ/2)·x² − (L/6)·|x|³, where g = ∇f(θ_t)ᵀv_i, λ = λ_i and L = L_t^i.
/// </summary>
public static class CubicLowerModel
{
    /// <summary>m(x) of eq. (4). <paramref name="gProjection"/> is g = ∇fᵀv (any sign).</summary>
    /// <exception cref="ArgumentException">non-finite input or negative <paramref name="lipschitz"/>.</exception>
    public static double Evaluate(double gProjection, double lambda, double lipschitz, double x)
    {
        Require.Finite(gProjection, nameof(gProjection));
        Require.Finite(lambda, nameof(lambda));
        Require.NonNegative(lipschitz, nameof(lipschitz));
        Require.Finite(x, nameof(x));
        return CubicModelTerms.Sum(gProjection, lambda, lipschitz, x, -1);
    }
}

/// <summary>Shared evaluation of g·x + (λ/2)x² ± (L/6)|x|³, as x·(g + x·(λ/2 ± (L/6)|x|)) to limit overflow.</summary>
internal static class CubicModelTerms
{
    internal static double Sum(double g, double lambda, double lipschitz, double x, int sign)
    {
        double ax = System.Math.Abs(x);
        // Horner form: one rounding per operation, and no x³ that overflows before the result does.
        double inner = lambda / 2 + sign * (lipschitz / 6) * ax;
        return x * (g + x * inner);
    }
}
