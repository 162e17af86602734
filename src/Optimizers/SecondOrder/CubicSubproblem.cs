using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.SecondOrder;

/// <summary>The global minimizer s of ARC's model m(s) = ∇fᵀs + ½sᵀHs + (σ/3)‖s‖³ and its predicted decrease −m(s).</summary>
/// <param name="Step">s.</param>
/// <param name="Shift">μ = σ‖s‖, with H + μI ⪰ 0.</param>
/// <param name="PredictedDecrease">m(0) − m(s) ≥ 0.</param>
/// <param name="HardCase">True when ∇f has no component along the leftmost eigenspace and s was completed along it.</param>
public sealed record CubicSubproblemSolution(Vector<double> Step, double Shift, double PredictedDecrease, bool HardCase);

/// <summary>
/// Solves ARC's cubic subproblem exactly in the eigenbasis of H (Cartis, Gould &amp; Toint 2011, Thm 3.1): the global
/// minimizer is s(μ) = −(H + μI)⁻¹∇f with μ = σ‖s(μ)‖ and μ ≥ max(0, −λ_1), found by bisection on the decreasing
/// secular function σ‖s(μ)‖ − μ; in the hard case (∇f ⊥ the λ_1-eigenspace and the secular function has no root above
/// −λ_1) μ = −λ_1 and s is completed along v_1 to ‖s‖ = μ/σ.
/// </summary>
public static class CubicSubproblem
{
    /// <summary>
    /// Bisection steps on the shift t = μ − max(0, −λ₁) from [0, hi]; the loop stops earlier, once lo and hi are adjacent
    /// doubles. 2 200 covers any bracket: hi &lt; 2^1024 and adjacent doubles are at least 2^-1074 apart, so 2 098 halvings
    /// always reach adjacency. (200 did not: a root t ≈ 1e-100 near the hard case was left at t ≈ 1e-60, far from μ = σ‖s‖.)
    /// </summary>
    public const int MaxBisections = 2200;

    /// <summary>The minimizer for the eigensystem <paramref name="eigen"/> of H (with ∇f's projections) and σ &gt; 0.</summary>
    public static CubicSubproblemSolution Solve(EigenSystem eigen, double sigma)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        Require.Positive(sigma, nameof(sigma));
        int n = eigen.Dimension;
        var lam = eigen.Values;
        var a = eigen.GradientProjections.Select(Math.Abs).ToArray(); // |g_i|; s_i = |g_i|/(λ_i + μ) ≥ 0
        double lower = Math.Max(0, -lam[0]);

        // Work in the shift t = μ − lower with d_i = (λ_i + lower) + t: near the hard case λ_1 + μ is tiny, and
        // forming it as λ_1 + μ would lose its relative precision (and with it s_1 = |g_1|/(λ_1 + μ)) to cancellation.
        var shifted = lam.Select(l => l + lower).ToArray();

        bool singularHasGradient = false;
        for (int i = 0; i < n; i++)
            if (shifted[i] <= 0 && a[i] > 0)
                singularHasGradient = true;

        double[] s;
        double t;
        bool hard = false;
        if (!singularHasGradient && Secular(shifted, a, sigma, lower, 0, skipSingular: true) <= 0)
        {
            t = 0;
            s = Components(shifted, a, t, skipSingular: true);
            double norm = Norm(s);
            double target = lower / sigma;
            if (target > norm)
            {
                int first = Array.FindIndex(shifted, d => d <= 0);
                s[first] = Math.Sqrt((target - norm) * (target + norm));
                hard = true;
            }
        }
        else
        {
            double gNorm = Norm(a);
            double hi = 2 * Math.Sqrt(sigma) * Math.Sqrt(gNorm) + double.Epsilon;
            while (Secular(shifted, a, sigma, lower, hi, skipSingular: false) > 0)
                hi *= 2;
            double lo = 0;
            for (int k = 0; k < MaxBisections; k++)
            {
                double mid = lo + (hi - lo) / 2;
                if (mid <= lo || mid >= hi)
                    break;
                if (Secular(shifted, a, sigma, lower, mid, skipSingular: false) > 0)
                    lo = mid;
                else
                    hi = mid;
            }
            t = hi;
            s = Components(shifted, a, t, skipSingular: false);
        }
        double mu = lower + t;

        var step = Vector<double>.Build.Dense(n);
        double model = 0;
        double sNorm = Norm(s);
        for (int i = 0; i < n; i++)
        {
            step += s[i] * eigen.Vectors.Column(i);
            model += -a[i] * s[i] + lam[i] * s[i] * s[i] / 2;
        }
        model += sigma / 3 * sNorm * sNorm * sNorm;
        return new CubicSubproblemSolution(step, mu, Math.Max(0, -model), hard);
    }

    private static double[] Components(double[] shifted, double[] a, double t, bool skipSingular)
    {
        var s = new double[shifted.Length];
        for (int i = 0; i < s.Length; i++)
        {
            double d = shifted[i] + t;
            s[i] = d <= 0 ? (skipSingular || a[i] == 0 ? 0.0 : double.PositiveInfinity) : a[i] / d;
        }
        return s;
    }

    private static double Secular(double[] shifted, double[] a, double sigma, double lower, double t, bool skipSingular) =>
        sigma * Norm(Components(shifted, a, t, skipSingular)) - (lower + t);

    private static double Norm(double[] x)
    {
        double scale = x.Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (scale == 0 || double.IsInfinity(scale))
            return scale;
        double sum = x.Sum(v => (v / scale) * (v / scale));
        return scale * Math.Sqrt(sum);
    }
}
