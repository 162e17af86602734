namespace Verification.Tests.Properties.Optimizers;

/// <summary>Named tolerances of the optimizer conformance properties, each with its reason.</summary>
public static class OptimizerTolerances
{
    /// <summary>
    /// Reassembling a step from an n ≤ 4 eigenbasis (V·x) or applying Φ = V·diag(φ)·Vᵀ costs O(n) roundings on
    /// each of several O(1)-conditioned products; 1e-12 relative to the step's scale leaves a factor ~1000 over that.
    /// </summary>
    public const double Reassembly = 1e-12;

    /// <summary>
    /// M(x) is a sum of three terms of possibly opposite sign: its rounding error is a few ulp of the largest term,
    /// so M(x*) ≤ 0 is checked up to 1e-13 of |g|x* + |λ|x*²/2 + Lx*³/6.
    /// </summary>
    public const double ModelTerms = 1e-13;

    /// <summary>First-order condition of ARC's subproblem solved by bisection on μ to full precision: 1e-9 relative.</summary>
    public const double SubproblemStationarity = 1e-9;
}
