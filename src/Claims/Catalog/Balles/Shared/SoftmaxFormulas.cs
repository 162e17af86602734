using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>The log-sum-exp pieces of eqs. (D.12)–(D.16), in arithmetic T.</summary>
internal static class SoftmaxFormulas
{
    /// <summary>∇²_f log Σ_c e^{f_c} by forward mode (independent of any closed form).</summary>
    internal static RealMatrix<T> LogSumExpHessian<T>(T[] f) where T : IReal<T> =>
        ForwardModeFormulas.Hessian(v => CurvatureFormulas.LogSumExp(v), f);

    /// <summary>e^{f_c} and S = Σ_c e^{f_c}, without a shift (as the formulas are written; |f| ≤ 5 keeps S far from overflow).</summary>
    internal static (T[] E, T S) Exponentials<T>(T[] f) where T : IReal<T>
    {
        var e = f.Select(T.Exp).ToArray();
        return (e, e.Aggregate((a, b) => a + b));
    }

    /// <summary>
    /// Double-only allowance of the softmax identities, in units of the scale: each side rounds a few exp, a sum of ≤ 4 terms and a
    /// few quotients (≈ 20 ulp ≈ 4e-15 together); 1e-13 keeps that noise from flooding the exact check of irrational values.
    /// </summary>
    internal const double Allowance = 1e-13;

    internal const string ToleranceText =
        "Double-precision allowance 1e-13 of the scale (a few exp, a sum of ≤ 4 terms and quotients: ≈ 20 ulp); exact enclosures of exp decide every violation beyond it.";
}
