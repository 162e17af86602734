using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// The a-priori bound of <see cref="Verification.Numerics.SignGeometry.RotatedHessian.Rotate"/>'s remarks, in exact rationals:
/// each entry of the computed H within λ_max·(2η + (d + 2)u)·(1 + 2^-7) of exp(φS)Λexp(φS)ᵀ, u = 2^-53, ρ = |φ|·‖S‖∞,
/// S exactly skew-symmetric, d ≤ 64.
/// <para>
/// Derivation, step by step (‖·‖ the 2-norm; for a skew matrix ‖·‖₂ ≤ ‖·‖₁ = ‖·‖∞; every matrix product of inner length m
/// is within m·u·|A||B| entry-wise, in any summation order (Jeannerod–Rump), and MathNet's matrix/k is taken as two roundings,
/// ·(1/k)).
/// 1. Â = fl(φS) is exactly skew (rounding is odd) and ‖Â − φS‖∞ ≤ uρ; for skew A, D, ‖exp(A + D) − exp(A)‖ ≤ ‖D‖
///    (exp(A + D) − exp(A) = ∫₀¹ exp((1 − t)(A + D)) D exp(tA) dt with orthogonal factors): uρ.
/// 2. X = Â/2^s exactly; s = max(0, ⌈log2 ‖Â‖∞⌉ + 1) with a faithful log2 and a rounded norm gives
///    x = ‖X‖∞ ≤ x̄ = min(ρ, 1/2)(1 + 2^-40) and N = 2^s ≤ max(1, 4ρ(1 + 2^-40)).
/// 3. Taylor sum P̂₀ against exp(X), in ‖·‖₁ and ‖·‖∞ (so in ‖·‖₂): term k = fl(fl(T_{k−1}X)·fl(1/k)) carries
///    γ' = (d + 2)u(1 + 2^-40) relative to its predecessor, so term k is off by ((1 + γ')^(k−1) − 1)x^k/k! (term 1 = X
///    exactly), in all ≤ γ'·Σ(k − 1)x^k/k! ≤ <see cref="TermCoefficient"/>·γ'x² (the sum over x² increases with x; at x̄
///    = 1/2 it is 0.7026). Adding term k rounds each entry by at most min(u·|partial sum|, |term|), so in norm by
///    min(u·Σ_{j≤k} x^j/j!, x^k/k!) (k = 1 adds X to I exactly), and the terms after k = 20 are left out: together
///    ≤ min(<see cref="SummationUnits"/>·u, <see cref="TailCoefficient"/>·x²) (21.62u and 0.5949x² at x̄ = 1/2).
/// 4. Squaring P̂_{i+1} = fl(P̂_i²) against P_{i+1} = P_i², P_i = exp(2^i X) orthogonal: the rounding F is within d·u·|P̂||P̂|,
///    ‖F‖ ≤ du·‖|P̂|‖² ≤ du·‖P̂‖_F² ≤ d²u(1 + Δ_i)², and ‖P̂² − P²‖ ≤ Δ_i(2 + Δ_i): Δ_{i+1} ≤ 2Δ_i + d²u to first order,
///    so η = ‖Q̂ − exp(φS)‖ ≤ uρ + N·Δ₀ + (N − 1)d²u.
/// 5. Q̂ = R + E, ‖E‖ ≤ η: (Q̂ΛQ̂ᵀ − RΛRᵀ)_ij = (EΛRᵀ + RΛEᵀ + EΛEᵀ)_ij is at most λη(2 + η) by Cauchy–Schwarz; fl(Q̂Λ)
///    (one rounding) then the product with Q̂ᵀ (d·u) round by at most (d + 1)u·(|Q̂|Λ|Q̂|ᵀ)_ij ≤ (d + 1)uλ(1 + η)²; the
///    symmetrization a + (b − a)/2 adds at most u(|b − a|/2 + |H_ij| + |b − a|) ≤ uλ(1 + O(η)).
/// Second order: with d ≤ 64 and ρ ≤ 2^24 every Δ_i stays below 2^-14, so (1 + Δ/2)^s over s ≤ 26 squarings, (1 + η)²,
/// (1 + γ')^20 and the underflows (absolute, below 2^-1000 ≪ 2^-7·uλ_max since λ_max ≥ 1) fit in the factor 1 + 2^-7.
/// </para>
/// </summary>
internal static class RotatedHessianDerivedBound
{
    /// <summary>The summation and truncation errors of step 3 at x̄ = 1/2(1 + 2^-40), in units of u, rounded up (21.62).</summary>
    public const int SummationUnits = 22;

    /// <summary>(e^x̄ − 1 − x̄)/x̄², the summation and truncation errors for small x, rounded up (0.5949 at x̄ = 1/2(1 + 2^-40)).</summary>
    public static readonly Fraction TailCoefficient = new(6, 10);

    /// <summary>Σ_{k≤20}(k − 1)x̄^k/k!/x̄², the terms' propagated roundings, rounded up (0.7026 at x̄ = 1/2(1 + 2^-40)).</summary>
    public static readonly Fraction TermCoefficient = new(71, 100);

    private static readonly Fraction Unit = ExactDouble.Pow2(-53);
    private static readonly Fraction Slack = Fraction.One + ExactDouble.Pow2(-40);

    /// <summary>η of step 4: the bound on ‖Q̂ − exp(φS)‖₂ for dimension d and ρ = |φ|·‖S‖∞.</summary>
    public static Fraction Eta(int d, Fraction rho)
    {
        var half = new Fraction(1, 2);
        var x = (rho < half ? rho : half) * Slack;
        var squarings = 4 * rho * Slack;
        if (squarings < Fraction.One)
            squarings = Fraction.One;
        var summation = new Fraction(SummationUnits) * Unit;
        var tail = TailCoefficient * x * x;
        var taylor = (summation < tail ? summation : tail) + TermCoefficient * new Fraction(d + 2) * Unit * x * x;
        return Unit * rho + squarings * taylor + (squarings - Fraction.One) * new Fraction(d * d) * Unit;
    }

    /// <summary>Step 5: the bound on each |Ĥ_ij − (exp(φS)Λexp(φS)ᵀ)_ij|.</summary>
    public static Fraction EntryBound(int d, Fraction rho, Fraction lambdaMax) =>
        lambdaMax * (2 * Eta(d, rho) + new Fraction(d + 2) * Unit) * (Fraction.One + ExactDouble.Pow2(-7));
}
