using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Verification.Numerics;

namespace Verification.Optimizers;

/// <summary>
/// One part of a linear solve by parts (H⁻¹g = Σ_i g_i·H⁻¹e_i), for NewtonTracker's step and the damped step: H⁻¹(m·e_i)
/// for m in [1, 2), solved as is; where an entry leaves [−2^1022, 2^1022] (or is not finite), again for 2^-<see cref="Retry"/>·m
/// (a diagonal H gives |m/h_i| &lt; 2/2^-1074 = 2^1075, 2^1011 after it); where its largest entry is below 1, again for
/// 2^p·m with p = min(1000, −ILogB(largest)), which brings a diagonal H's m/h_i ≥ 2^-1024 to at least 2^-24 (h_i above 1
/// there, so m·2^p/√h_i stays finite); a dense H's scaled-up solve that overflows on the way keeps the first. The result
/// is H⁻¹(m·e_i)·2^-shift.
/// </summary>
internal static class ColumnSolve
{
    /// <summary>The retry's scaling down, 2^-64.</summary>
    public const int Retry = 64;

    private static readonly double Bound = Math.ScaleB(1.0, 1022);

    /// <summary>
    /// The parts of <paramref name="multiplier"/>·H⁻¹g·2^<paramref name="exponent"/>, summed per entry: each nonzero
    /// g_i = m_i·2^(t_i), m_i in [1, 2), solved as m_i·e_i (<see cref="Of"/>), and its entries times the multiplier and
    /// 2^(t_i + shift + exponent) added to a <see cref="ScaledSum"/> per entry (no partial sum leaves the range; a diagonal H
    /// gives one part per entry). Null, with <paramref name="failedColumn"/>, where a part's solution is not finite even
    /// retried.
    /// </summary>
    public static ScaledSum[]? Sums(Cholesky<double> factor, Vector<double> g, double multiplier, int exponent, out int failedColumn)
    {
        int n = g.Count;
        var sums = new ScaledSum[n];
        for (int i = 0; i < n; i++)
        {
            if (g[i] == 0)
                continue;
            int top = Math.ILogB(g[i]);
            var (solved, shift) = Of(factor, i, Math.ScaleB(g[i], -top), n);
            if (!solved.All(double.IsFinite))
            {
                failedColumn = i;
                return null;
            }
            for (int k = 0; k < n; k++)
                if (solved[k] != 0)
                    sums[k].AddTimesPowerOfTwo(top + shift + exponent, 1, multiplier, solved[k]);
        }
        failedColumn = -1;
        return sums;
    }

    /// <summary>The part for column <paramref name="i"/> of an n×n factor, and its shift (see the class).</summary>
    public static (Vector<double> Solved, int Shift) Of(Cholesky<double> factor, int i, double m, int n)
    {
        Vector<double> Solve(double scale) => factor.Solve(Vector<double>.Build.Dense(n, k => k == i ? scale : 0.0));
        var solved = Solve(m);
        double largest = solved.All(double.IsFinite) ? solved.AbsoluteMaximum() : double.PositiveInfinity;
        if (!(largest <= Bound))
            return (Solve(Math.ScaleB(m, -Retry)), Retry);
        if (largest < 1)
        {
            int p = largest == 0 ? 1000 : Math.Min(1000, -Math.ILogB(largest));
            var up = Solve(Math.ScaleB(m, p));
            if (up.All(double.IsFinite))
                return (up, -p);
        }
        return (solved, 0);
    }
}
