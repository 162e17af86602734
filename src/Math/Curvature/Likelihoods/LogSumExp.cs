using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>log Σ_c exp(f_c) and softmax, shifted by max f so nothing overflows.</summary>
/// <remarks>
/// Both log-sums are m + log1p(r) with m = f_k the first largest entry and r = Σ_{i≠k} e^{f_i − m} ∈ [0, C − 1] (over dual
/// scalars m is the dual f_k, so the shift's derivatives cancel as in the written form): the
/// written log Σ_i e^{f_i − m} = log(1 + r) rounded 1 + r to 1 for r below 2^-53 and gave 0, a relative error of 1 (log
/// softmax(0, −50)_0 = −log(1 + e^-50) = −1.9e-22 came out 0; so did the dual-scalar Bernoulli-logit log p(1|40)). Over
/// dual scalars log1p is applied through the exact identity log(1 + r) = log1p(r₀) + log(1 + (r − r₀)/(1 + r₀)) with
/// r₀ the real part of r: the second term's real part is exactly log 1 = 0 and its ε-parts are the chain rule of
/// log(1 + r), so the derivatives are those of the written form and the value is log1p's.
/// Accuracy of the value, with D = max |f_i − m| over the classes with |f_i − m| ≤ 746 (the others give e^{f_i − m} = 0
/// against an exact value below 2^-1076): r within (D + C)·u relative (exp amplifies the rounding of f_i − m by
/// |f_i − m|, then C − 2 roundings of a sum of nonnegative terms), log1p(r) within (D + C + 8)·u relative (condition
/// number ≤ 1, <see cref="LogOnePlus.Of"/> within 7 ulp), plus 2^-1074 where it is subnormal.
/// </remarks>
public static class LogSumExp
{
    /// <summary>log Σ_c exp(f_c) = f_k + log1p(Σ_{i≠k} e^{f_i − f_k}) over dual scalars (the shift is the dual f_k, so its derivatives are kept).</summary>
    /// <remarks>
    /// Within u·|m| + (D + C + 8)·u·log1p(r) of the exact value (see the type's remarks): relative (D + C + 9)·u where
    /// m ≥ 0, absolute where a negative m and the logarithm cancel.
    /// </remarks>
    /// <exception cref="ArgumentException">f is empty.</exception>
    public static T Of<T>(T[] f) where T : IDualScalar<T>
    {
        var (k, rest) = Shifted(f);
        return f[k] + LogOnePlusDual(rest);
    }

    /// <summary>
    /// log softmax(f)_c = (f_c − f_k) − log1p(Σ_{i≠k} e^{f_i − f_k}), f_k = max_i f_i, over dual scalars. Subtracting the
    /// shift from f_c before the logarithm avoids the cancellation of f_c − (m + log Σ …), which for f = (1e20, 1e20) gave
    /// 0 instead of −log 2.
    /// </summary>
    /// <remarks>
    /// Both terms are ≤ 0, so they never cancel: the value is within (D + C + 9)·u relative of the exact log softmax where
    /// it is normal (see the type's remarks), −∞ only where f_c − m is beyond −double.MaxValue.
    /// </remarks>
    /// <exception cref="ArgumentException">f is empty or c is not a class index.</exception>
    public static T LogSoftmax<T>(T[] f, int c) where T : IDualScalar<T>
    {
        var (k, rest) = Shifted(f);
        if (c < 0 || c >= f.Length)
            throw new ArgumentException($"c must be in [0, {f.Length - 1}], got {c}.", nameof(c));
        return (f[c] - f[k]) - LogOnePlusDual(rest);
    }

    /// <summary>k, the first index of the largest real part, and r = Σ_{i≠k} exp(f_i − f_k) (duals: the shift is differentiated too).</summary>
    private static (int Largest, T Others) Shifted<T>(T[] f) where T : IDualScalar<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Length == 0)
            throw new ArgumentException("f must not be empty.", nameof(f));
        int k = 0;
        for (int i = 1; i < f.Length; i++)
            if (f[i].Value > f[k].Value)
                k = i;
        T rest = T.Constant(0);
        for (int i = 0; i < f.Length; i++)
            if (i != k)
                rest += T.Exp(f[i] - f[k]);
        return (k, rest);
    }

    /// <summary>
    /// log(1 + r) for a dual scalar r with real part r₀ ≥ 0, as log1p(r₀) + log(1 + (r − r₀)/(1 + r₀)): an identity whose
    /// second term has real part exactly 0 (r − r₀ is exactly 0 in the real part) and carries the derivatives.
    /// </summary>
    private static T LogOnePlusDual<T>(T r) where T : IDualScalar<T>
    {
        double r0 = r.Value;
        var delta = (r - T.Constant(r0)) / T.Constant(1 + r0);
        return T.Constant(LogOnePlus.Of(r0)) + T.Log(T.Constant(1) + delta);
    }

    /// <summary>π = softmax(f) (eq. D.12).</summary>
    /// <remarks>
    /// Every finite f: exp(f_i − m) ≤ 1 (an f_i − m below −745, or −∞ when it overflows, gives exactly 0), and the sum is
    /// in [1, C]. Each π_i within (|f_i − m| + 2C + 4) ulp where it is normal (exp amplifies the rounding of f_i − m by
    /// |f_i − m|), with absolute error ≤ 2^-1074 below that.
    /// </remarks>
    public static double[] Softmax(IReadOnlyList<double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        double m = f.Max();
        var e = f.Select(x => Math.Exp(x - m)).ToArray();
        double s = e.Sum();
        return e.Select(x => x / s).ToArray();
    }
}
