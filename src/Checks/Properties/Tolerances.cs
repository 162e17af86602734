using Fractions;

namespace Verification.Checks.Properties;

/// <summary>
/// The rounding slack each property allows, in one place. Decisions are exact; the slack only keeps the optimizer's
/// own last-bit rounding from counting as a violation.
/// </summary>
public static class Tolerances
{
    /// <summary>
    /// τ = 2⁻⁴⁰ ≈ 9.1e-13, relative to the first-order rounding scale of the quantity (e.g. Σ|g_iΔθ_i| + Σ|Δθ_iA_ijΔθ_j|
    /// for f(θ + Δθ) − f(θ)): a step whose entries carry relative errors up to ~2⁻⁴¹ (thousands of ulps) changes the
    /// exact quantity by less than τ·scale, so only a violation far beyond rounding counts. A real flaw (an ascent
    /// step, a negative eigenvalue of Φ) violates by O(1) relative to the scale.
    /// </summary>
    public static readonly Fraction Rounding = new(1, 1L << 40);

    /// <summary>The text of <see cref="Rounding"/> for reports.</summary>
    public const string RoundingText =
        "slack τ = 2⁻⁴⁰ relative to the quantity's first-order rounding scale (Σ|terms|), so that rounding in the optimizer's double step never counts; decisions are exact rational arithmetic on the doubles the optimizer returned";

    /// <summary>
    /// τ_inv = 2⁻³⁰ ≈ 9.3e-10 for invariance comparisons of two steps: both come from different floating-point paths
    /// (e.g. a Hadamard-rotated LU), whose difference on the well-conditioned problems used (|λ| within a factor 8,
    /// n ≤ 6) is bounded by ~n·κ·2⁻⁵² ≪ 2⁻³⁰.
    /// </summary>
    public static readonly Fraction Invariance = new(1, 1L << 30);

    /// <summary>The text of <see cref="Invariance"/> for reports.</summary>
    public const string InvarianceText =
        "‖Δθ₁ − Δθ₂‖₁ ≤ τ_inv(‖Δθ₁‖₁ + ‖Δθ₂‖₁) with τ_inv = 2⁻³⁰: two floating-point paths on well-conditioned problems (|λ| within a factor 8) differ by ≪ 2⁻³⁰; decided exactly from the doubles";
}
