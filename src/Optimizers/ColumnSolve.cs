using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

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
