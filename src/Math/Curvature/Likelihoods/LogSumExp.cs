using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>log Σ_c exp(f_c) and softmax, shifted by max f so nothing overflows.</summary>
public static class LogSumExp
{
    /// <summary>log Σ_c exp(f_c) over dual scalars (the shift is the real max, a constant).</summary>
    public static T Of<T>(T[] f) where T : IDualScalar<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        double m = f.Max(x => x.Value);
        T sum = T.Constant(0);
        foreach (var fc in f)
            sum += T.Exp(fc - T.Constant(m));
        return T.Constant(m) + T.Log(sum);
    }

    /// <summary>
    /// log softmax(f)_c = (f_c − m) − log Σ_i exp(f_i − m), m = max_i f_i, over dual scalars. Subtracting the shift from
    /// f_c before the logarithm avoids the cancellation of f_c − (m + log Σ …), which for f = (1e20, 1e20) gave 0 instead
    /// of −log 2.
    /// </summary>
    public static T LogSoftmax<T>(T[] f, int c) where T : IDualScalar<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        double m = f.Max(x => x.Value);
        T sum = T.Constant(0);
        foreach (var fi in f)
            sum += T.Exp(fi - T.Constant(m));
        return (f[c] - T.Constant(m)) - T.Log(sum);
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
