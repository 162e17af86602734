namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>Named tolerances of the sign-geometry tests, each with its reason.</summary>
internal static class SignTolerances
{
    /// <summary>
    /// ‖H‖∞,1 in double against the exact rational value: the returned value is ‖Hx*‖₁ recomputed at the maximizing vertex
    /// (d products and 2d sums per row, ≤ ~3d ulp of Σ|H_ij|); 1e-13 relative covers d ≤ 16 with margin.
    /// </summary>
    public const double InfToOneRelative = 1e-13;

    /// <summary>
    /// Eigenvector-based bounds (Props. 6.4, 6.5, eq. 6.21) from MathNet eigenpairs: backward error O(d·ε·‖H‖) in the
    /// eigenvectors enters squared ℓ1 norms times |λ|; 1e-10 relative of Σ_{ij}|H_ij| for d ≤ 8.
    /// </summary>
    public const double EigenBoundRelative = 1e-10;

    /// <summary>The L_sep bracket must close to this relative width (the barrier stops at a gap of 1e-10·scale).</summary>
    public const double BracketRelativeWidth = 1e-7;
}
