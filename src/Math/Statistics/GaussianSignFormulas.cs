using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Statistics;

/// <summary>
/// The sign of a Gaussian and the variance adaptation factors of thesis §5.3.1 and App. B.2.1, written once over
/// <see cref="IReal{T}"/>: P[sign X = sign μ] for X ~ N(μ, σ²) from the Gaussian distribution function, the closed form
/// of Lemma B.1 (eq. B.2), the optimal factor erf((√2η)⁻¹) of eq. (5.10) and Adam's factor (1 + η²)^(−1/2) (eq. 5.6).
/// </summary>
public static class GaussianSignFormulas
{
    /// <summary>
    /// P[sign X = sign μ] for X ~ N(μ, σ²), σ &gt; 0, sign(0) = 0, from the distribution function
    /// P[X ≤ x] = ½erfc(−(x − μ)/(√2σ)) case by case: P[X &gt; 0] = ½erfc(−μ/(√2σ)) for μ &gt; 0, P[X &lt; 0] = ½erfc(μ/(√2σ))
    /// for μ &lt; 0, and P[X = 0] = 0 for μ = 0 (a Gaussian has no atom). This is the probability itself, derived without
    /// eq. (B.2); the sign of μ is decided in T (undecided on a box that contains 0).
    /// </summary>
    /// <exception cref="ArgumentException">σ ≤ 0.</exception>
    public static T AgreementProbability<T>(T mu, T sigma) where T : IReal<T>
    {
        if (T.Sign(sigma) <= 0)
            throw new ArgumentException("sigma must be > 0.", nameof(sigma));
        int sign = T.Sign(mu);
        if (sign == 0)
            return T.Of(0);
        var z = mu / (T.Sqrt(T.Of(2)) * sigma);
        return sign > 0 ? T.Erfc(-z) / 2 : T.Erfc(z) / 2;
    }

    /// <summary>The right side of eq. (B.2) as written: ½(1 + erf(|μ|/(√2σ))), σ &gt; 0.</summary>
    /// <exception cref="ArgumentException">σ ≤ 0.</exception>
    public static T LemmaB1<T>(T mu, T sigma) where T : IReal<T>
    {
        if (T.Sign(sigma) <= 0)
            throw new ArgumentException("sigma must be > 0.", nameof(sigma));
        return (1 + T.Erf(T.Abs(mu) / (T.Sqrt(T.Of(2)) * sigma))) / 2;
    }

    /// <summary>erf(|∇fᵢ|/(√2σᵢ)), the middle of eq. (5.10), σ &gt; 0.</summary>
    /// <exception cref="ArgumentException">σ ≤ 0.</exception>
    public static T OptimalSignFactor<T>(T gradient, T sigma) where T : IReal<T>
    {
        if (T.Sign(sigma) <= 0)
            throw new ArgumentException("sigma must be > 0.", nameof(sigma));
        return T.Erf(T.Abs(gradient) / (T.Sqrt(T.Of(2)) * sigma));
    }

    /// <summary>erf(1/(√2η)), the right of eq. (5.10) and the optimal curve of Fig. 5.2, η &gt; 0.</summary>
    /// <exception cref="ArgumentException">η ≤ 0.</exception>
    public static T ErfFactor<T>(T eta) where T : IReal<T>
    {
        if (T.Sign(eta) <= 0)
            throw new ArgumentException("eta must be > 0.", nameof(eta));
        return T.Erf(1 / (T.Sqrt(T.Of(2)) * eta));
    }

    /// <summary>(1 + η²)^(−1/2), Adam's factor of eq. (5.6) as a function of η (Fig. 5.2).</summary>
    public static T AdamFactor<T>(T eta) where T : IReal<T> => 1 / T.Sqrt(1 + eta * eta);
}
