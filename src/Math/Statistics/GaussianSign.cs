namespace Verification.Numerics.Statistics;

/// <summary>
/// The sign of a Gaussian X ~ N(μ, σ²) (thesis App. B.2.1): P[sign X = sign μ] in closed form, with the cases the
/// closed form of Lemma B.1 does not cover.
/// </summary>
public static class GaussianSign
{
    /// <summary>
    /// P[sign X = sign μ] for X ~ N(μ, σ²), sign(0) = 0. For μ ≠ 0, σ &gt; 0: ½(1 + erf(|μ|/(√2σ))) (eq. B.2, computed as
    /// ½erfc(−|μ|/(√2σ)) to keep precision near 1). For μ = 0, σ &gt; 0: P[X = 0] = 0. For σ = 0: X = μ surely, so 1.
    /// </summary>
    /// <remarks>
    /// Domain: every finite μ and finite σ ≥ 0. z = |μ|/(√2σ) is computed as (|μ|/σ)·(1/√2), which neither overflows
    /// (√2σ did for σ near double.MaxValue, giving ½ instead of e.g. 0.84 at μ = σ = MaxValue) nor loses more than
    /// negligible bits where |μ|/σ is subnormal. Accuracy: within 2 ulp (z to 1 ulp, erfc's condition number at −z is
    /// below ½, MathNet's erfc measured ≤ 0.9 ulp on −z ∈ [−5, 0] against <see cref="ErfEnclosure"/>).
    /// </remarks>
    public static double AgreementProbability(double mu, double sigma)
    {
        Require.Finite(mu, nameof(mu));
        Require.NonNegative(sigma, nameof(sigma));
        if (sigma == 0) return 1;
        if (mu == 0) return 0;
        return 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-Z(mu, sigma));
    }

    /// <summary>The right-hand side of eq. (B.2) as written: ½(1 + erf(|μ|/(√2σ))), for σ &gt; 0.</summary>
    /// <remarks>Domain: every finite μ and finite σ &gt; 0; z as in <see cref="AgreementProbability"/>. Within 2 ulp.</remarks>
    public static double LemmaB1(double mu, double sigma)
    {
        Require.Finite(mu, nameof(mu));
        Require.Positive(sigma, nameof(sigma));
        return 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(Z(mu, sigma)));
    }

    /// <summary>z = |μ|/(√2σ) as (|μ|/σ)·(1/√2): +∞ only where |μ|/σ exceeds the range (then erf(z) = 1 to double precision).</summary>
    private static double Z(double mu, double sigma) => Math.Abs(mu) / sigma * 0.70710678118654752440;
}
