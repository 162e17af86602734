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

    /// <summary>π = softmax(f) (eq. D.12).</summary>
    public static double[] Softmax(IReadOnlyList<double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        double m = f.Max();
        var e = f.Select(x => Math.Exp(x - m)).ToArray();
        double s = e.Sum();
        return e.Select(x => x / s).ToArray();
    }
}
