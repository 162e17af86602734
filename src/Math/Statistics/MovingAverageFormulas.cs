using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Statistics;

/// <summary>
/// Exponential moving averages of thesis ch. 5 written once over <see cref="IReal{T}"/>: Adam's moments (eqs. 5.1–5.3),
/// the weights c(β, t, s) of eq. (B.23) and ρ(β, t) = Σ_s c(β, t, s)² with its closed form (B.26, also eq. 5.15).
/// Each quantity is given as the thesis writes it; where that form cancels in doubles (β near 1), a cancellation-free
/// equivalent is given beside it and says which identity it uses.
/// </summary>
public static class MovingAverageFormulas
{
    /// <summary>The largest exponent <see cref="Power{T}"/> evaluates by repeated squaring (exact in rigorous arithmetic).</summary>
    public const long ExactPowerLimit = 4096;

    /// <summary>
    /// xⁿ for n ≥ 0: by repeated squaring up to <see cref="ExactPowerLimit"/> (exact in rational arithmetic); beyond, for
    /// x ≥ 0 only, as exp(n·ln x) (0 for x = 0), which rigorous arithmetic encloses outward instead of carrying a rational
    /// of n·(bits of x) bits.
    /// </summary>
    /// <exception cref="ArgumentException">n &lt; 0, or n above the limit with x &lt; 0.</exception>
    public static T Power<T>(T x, long n) where T : IReal<T>
    {
        if (n < 0)
            throw new ArgumentException($"n must be ≥ 0, got {n}.", nameof(n));
        if (n > ExactPowerLimit)
        {
            int sign = T.Sign(x);
            if (sign < 0)
                throw new ArgumentException($"x must be ≥ 0 for n = {n} > {ExactPowerLimit}.", nameof(x));
            return sign == 0 ? T.Of(0) : T.Exp(T.Of(n) * T.Log(x));
        }
        T result = 1, b = x;
        for (long e = n; e > 0; e >>= 1)
        {
            if ((e & 1) != 0)
                result *= b;
            if (e > 1)
                b *= b;
        }
        return result;
    }

    /// <summary>Σ_{k&lt;n} βᵏ (n ≥ 0; 0 for n = 0): 1 − βⁿ = (1 − β)·Σ without cancellation for β near 1.</summary>
    /// <exception cref="ArgumentException">n &lt; 0 or n above <see cref="ExactPowerLimit"/>.</exception>
    public static T GeometricSum<T>(T beta, int n) where T : IReal<T>
    {
        if (n < 0 || n > ExactPowerLimit)
            throw new ArgumentException($"n must be in [0, {ExactPowerLimit}], got {n}.", nameof(n));
        T sum = 0, p = 1;
        for (int k = 0; k < n; k++)
        {
            sum += p;
            p *= beta;
        }
        return sum;
    }

    /// <summary>
    /// c(β, t, s) = β^(t−s)/Σ_{k≤t}βᵏ: eq. (B.23) with 1 − β^(t+1) = (1 − β)Σ_{k≤t}βᵏ cancelled, equal for every β ∈ [0, 1)
    /// and free of cancellation for β near 1.
    /// </summary>
    /// <exception cref="ArgumentException">s outside [0, t].</exception>
    public static T Weight<T>(T beta, int t, int s) where T : IReal<T>
    {
        CheckStep(t, s);
        return Power(beta, t - s) / GeometricSum(beta, t + 1);
    }

    /// <summary>ρ(β, t) := Σ_{s=0}^t c(β, t, s)², the definition in eq. (B.26), with c as <see cref="Weight{T}"/>.</summary>
    public static T SumOfSquaredWeights<T>(T beta, int t) where T : IReal<T>
    {
        CheckStep(t, 0);
        T sum = 0;
        for (int s = 0; s <= t; s++)
        {
            var c = Weight(beta, t, s);
            sum += c * c;
        }
        return sum;
    }

    /// <summary>The closed form of eq. (B.26) and (5.15) as written: (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))) (t ≥ 0).</summary>
    public static T RhoAsWritten<T>(T beta, long t) where T : IReal<T>
    {
        if (t < 0)
            throw new ArgumentException($"t must be ≥ 0, got {t}.", nameof(t));
        var p = Power(beta, t + 1);
        return (1 - beta) * (1 + p) / ((1 + beta) * (1 - p));
    }

    /// <summary>
    /// ρ(β, t) = (1 + β^(t+1))/((1 + β)Σ_{k≤t}βᵏ): the closed form of (B.26) with (1 − β) cancelled as in
    /// <see cref="Weight{T}"/>; equal to <see cref="RhoAsWritten{T}"/> for β ∈ [0, 1) and without cancellation near 1.
    /// </summary>
    public static T Rho<T>(T beta, int t) where T : IReal<T>
    {
        CheckStep(t, 0);
        return (1 + Power(beta, t + 1)) / ((1 + beta) * GeometricSum(beta, t + 1));
    }

    /// <summary>
    /// Adam's moving averages of a scalar gradient sequence g_0 … g_t (eqs. 5.1–5.3): the raw averages
    /// m̃ = β₁m̃ + (1 − β₁)g, ṽ = β₂ṽ + (1 − β₂)g² from m̃ = ṽ = 0, and the bias-corrected m_t = m̃/(1 − β₁^(t+1)),
    /// v_t = ṽ/(1 − β₂^(t+1)). The corrected moments divide by 0 at β = 1; callers decide that case first (see
    /// <see cref="RawMoments{T}"/>).
    /// </summary>
    /// <exception cref="ArgumentException">an empty sequence.</exception>
    public static (T M, T V) BiasCorrectedMoments<T>(T beta1, T beta2, IReadOnlyList<T> gradients) where T : IReal<T>
    {
        var (m, v) = RawMoments(beta1, beta2, gradients);
        int n = gradients.Count;
        return (m / (1 - Power(beta1, n)), v / (1 - Power(beta2, n)));
    }

    /// <summary>The raw averages m̃_t, ṽ_t of eqs. (5.1)–(5.2) (before bias correction).</summary>
    /// <exception cref="ArgumentException">an empty sequence.</exception>
    public static (T M, T V) RawMoments<T>(T beta1, T beta2, IReadOnlyList<T> gradients) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(gradients);
        if (gradients.Count == 0)
            throw new ArgumentException("gradients must hold g_0 at least.", nameof(gradients));
        T m = 0, v = 0;
        foreach (var g in gradients)
        {
            m = beta1 * m + (1 - beta1) * g;
            v = beta2 * v + (1 - beta2) * g * g;
        }
        return (m, v);
    }

    private static void CheckStep(int t, int s)
    {
        if (t < 0 || t > ExactPowerLimit - 1)
            throw new ArgumentException($"t must be in [0, {ExactPowerLimit - 1}], got {t}.", nameof(t));
        if (s < 0 || s > t)
            throw new ArgumentException($"s must be in [0, t = {t}], got {s}.", nameof(s));
    }
}
