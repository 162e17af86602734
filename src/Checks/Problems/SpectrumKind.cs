namespace Verification.Checks.Problems;

/// <summary>What the eigenvalues of a generated quadratic may be.</summary>
public enum SpectrumKind
{
    /// <summary>Any signs, zeros included (singular and indefinite Hessians).</summary>
    Any,

    /// <summary>λ ≥ 0 (convex), zeros included.</summary>
    Convex,

    /// <summary>At least one λ &lt; 0 (a concave direction).</summary>
    Indefinite,

    /// <summary>Nonzero, within a factor 8 of each other in magnitude: well-conditioned, for invariance comparisons.</summary>
    WellConditioned,
}
