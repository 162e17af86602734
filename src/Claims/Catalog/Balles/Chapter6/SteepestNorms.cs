using Verification.Math.Exact;
using Fractions;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>
/// The two norms whose quadratic smoothness constants are exactly computable in rationals (Table 6.1):
/// the maximum norm (dual ℓ1, L = ‖H‖∞,1, steepest descent = eq. 6.10) and the ℓ1 norm (dual ℓ∞, L = max|H_ij|,
/// steepest descent = coordinate descent, eq. C.2). The Euclidean case needs eigenvalues and is left to the tests.
/// </summary>
internal enum SteepestNorm
{
    /// <summary>‖·‖∞ with dual ‖·‖₁.</summary>
    Max,

    /// <summary>‖·‖₁ with dual ‖·‖∞.</summary>
    One,
}

internal static class SteepestNorms
{
    internal static string Label(SteepestNorm n) => n == SteepestNorm.Max ? "max-norm" : "l1-norm";

    internal static double Primal(SteepestNorm n, double[] x) => n == SteepestNorm.Max ? SignDouble.LInf(x) : SignDouble.L1(x);

    internal static double Dual(SteepestNorm n, double[] x) => n == SteepestNorm.Max ? SignDouble.L1(x) : SignDouble.LInf(x);

    internal static double Constant(SteepestNorm n, double[,] h) => n == SteepestNorm.Max ? SignDouble.InfToOne(h) : SignDouble.OneToInf(h);

    internal static Fraction Primal(SteepestNorm n, Fraction[] x) => n == SteepestNorm.Max ? SignExact.LInf(x) : SignExact.L1(x);

    internal static Fraction Dual(SteepestNorm n, Fraction[] x) => n == SteepestNorm.Max ? SignExact.L1(x) : SignExact.LInf(x);

    internal static Fraction Constant(SteepestNorm n, Fraction[,] h) => n == SteepestNorm.Max ? SignExact.InfToOne(h) : SignExact.OneToInf(h);

    /// <summary>
    /// The steepest-descent step of eq. (6.9) with constant L: max norm → −(‖g‖₁/L)·sign(g) (eq. 6.10, sign(0) = 0, or
    /// sign(0) = +1 when <paramref name="signOfZero"/> is 1); ℓ1 norm → −(g_i/L)e_i at the first i maximizing |g_i| (eq. C.2).
    /// </summary>
    internal static double[] Step(SteepestNorm n, double[] g, double l, int signOfZero = 0)
    {
        var s = new double[g.Length];
        if (n == SteepestNorm.Max)
        {
            double r = SignDouble.L1(g) / l;
            for (int i = 0; i < g.Length; i++)
                s[i] = -r * (g[i] == 0 ? signOfZero : System.Math.Sign(g[i]));
        }
        else
        {
            int k = ArgMaxAbs(g.Select(System.Math.Abs).ToArray());
            s[k] = -g[k] / l;
        }
        return s;
    }

    internal static Fraction[] Step(SteepestNorm n, Fraction[] g, Fraction l, int signOfZero = 0)
    {
        var s = Enumerable.Repeat(Fraction.Zero, g.Length).ToArray();
        if (n == SteepestNorm.Max)
        {
            var r = SignExact.L1(g) / l;
            for (int i = 0; i < g.Length; i++)
                s[i] = -r * new Fraction(g[i].IsZero ? signOfZero : g[i].Sign());
        }
        else
        {
            int k = 0;
            for (int i = 1; i < g.Length; i++)
                if (g[i].Abs() > g[k].Abs()) k = i;
            s[k] = -g[k] / l;
        }
        return s;
    }

    private static int ArgMaxAbs(double[] a)
    {
        int k = 0;
        for (int i = 1; i < a.Length; i++)
            if (a[i] > a[k]) k = i;
        return k;
    }
}
