namespace Verification.Math.Statistics;

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
    public static double AgreementProbability(double mu, double sigma)
    {
        Require.Finite(mu, nameof(mu));
        Require.NonNegative(sigma, nameof(sigma));
        if (sigma == 0) return 1;
        if (mu == 0) return 0;
        double z = System.Math.Abs(mu) / (System.Math.Sqrt(2) * sigma);
        return 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z);
    }

    /// <summary>The right-hand side of eq. (B.2) as written: ½(1 + erf(|μ|/(√2σ))), for σ &gt; 0.</summary>
    public static double LemmaB1(double mu, double sigma)
    {
        Require.Finite(mu, nameof(mu));
        Require.Positive(sigma, nameof(sigma));
        return 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(System.Math.Abs(mu) / (System.Math.Sqrt(2) * sigma)));
    }
}
