using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Sign;

/// <summary>
/// f(θ) = ½θᵀAθ + Σ_i c_i·ψ(θ_i) with ψ(t) = ½log(1 + t²): a non-quadratic test function for balles-thesis Prop. 6.3 whose
/// gradient Aθ + c∘θ/(1 + θ²) is rational in θ and whose Hessian A + diag(c_i ψ''(θ_i)), ψ''(t) = (1 − t²)/(1 + t²)² ∈ [−1/8, 1],
/// is bounded (ψ'' = 1 at t = 0, −1/8 at t = ±√3).
/// </summary>
public sealed class LogPerturbedQuadratic : IObjective
{
    private readonly Matrix<double> a;
    private readonly Vector<double> c;
    private readonly bool ordinary; // A and c within ScaledSum.Ordinary: the plain formulas are used for ordinary θ

    /// <summary>Creates f with symmetric <paramref name="hessian"/> A and weights <paramref name="weights"/> c (any sign).</summary>
    /// <exception cref="ArgumentException">A not symmetric/finite, c not finite, or mismatched lengths.</exception>
    public LogPerturbedQuadratic(Matrix<double> hessian, Vector<double> weights)
    {
        a = Require.Symmetric(hessian, nameof(hessian)).Clone();
        c = Require.Finite(weights, nameof(weights)).Clone();
        Require.SameLength(a.RowCount, c.Count, nameof(weights));
        ordinary = ScaledSum.Ordinary(a.Enumerate()) && ScaledSum.Ordinary(c.Enumerate()) && a.RowCount <= 1 << 20;
    }

    /// <inheritdoc />
    public string Name => $"log-perturbed-quadratic(n={Dimension})";

    /// <inheritdoc />
    public int Dimension => a.RowCount;

    /// <summary>ψ''(t) = (1 − t²)/(1 + t²)², in [−1/8, 1].</summary>
    /// <remarks>
    /// Range: every finite t (subnormals to ±double.MaxValue). Accuracy (u = 2^-53): within 12 ulp of the exact value
    /// (about 10 roundings' worth for |t| ≤ 2, 11.2 beyond), plus 2^-1074 where it is subnormal. The numerator is the
    /// cancelling 1 − t² only where t² ≤ ½ (its rounding is then at most u·t²/(1 − t²) ≤ u relative), as
    /// (1 − |t|)(1 + |t|) for ½ &lt; t² ≤ 4 (1 − |t| exact by Sterbenz's lemma for
    /// |t| ∈ [½, 2]; the former 1 − fl(t²) at t = 1 − 2^-27 was 1.7e7 ulp off, and s²(s² − 1)/(1 + s²)², s = 1/t,
    /// at t = 1 + 2^-27 1.0e8 ulp), and in s = 1/t beyond |t| = 2, so t² never overflows.
    /// </remarks>
    /// <exception cref="ArgumentException">t is not finite.</exception>
    public static double PsiSecond(double t)
    {
        Require.Finite(t, nameof(t));
        double a = Math.Abs(t);
        if (a <= 2)
        {
            double t2 = t * t, u = 1 / (1 + t2);
            return u * u * (t2 <= 0.5 ? 1 - t2 : (1 - a) * (1 + a));
        }
        // For |t| > 2 in s = 1/t, (1 − t²)/(1 + t²)² = s²(s² − 1)/(1 + s²)²: no overflow of t² (t up to MaxValue), and
        // s² ≤ ¼ keeps s² − 1 away from cancellation.
        double s = 1 / t, s2 = s * s, w = 1 + s2;
        return s2 * (s2 - 1) / (w * w);
    }

    /// <summary>ψ(t) = ½log(1 + t²), as log|t| + ½log1p(1/t²) for |t| &gt; 1 so that t² never overflows.</summary>
    /// <remarks>Range: every finite t. Accuracy: within 8 ulp of the exact value, plus 2^-1074 where it is subnormal
    /// (the log1p of <see cref="LogOnePlus.Of"/>, 7 ulp, and one more rounding; for |t| &gt; 1 both terms are positive).</remarks>
    /// <exception cref="ArgumentException">t is not finite.</exception>
    public static double Psi(double t)
    {
        Require.Finite(t, nameof(t));
        double a = Math.Abs(t);
        return a <= 1 ? 0.5 * LogOnePlus.Of(t * t) : Math.Log(a) + 0.5 * LogOnePlus.Of(1 / (a * a));
    }

    /// <summary>ψ'(t) = t/(1 + t²), as 1/(t + 1/t) for |t| &gt; 1.</summary>
    /// <remarks>Range: every finite t. Accuracy: within 3 ulp of the exact value (three roundings, the first damped by
    /// t²/(1 + t²) or 1/(1 + t²) ≤ ½), plus 2^-1074 where it is subnormal.</remarks>
    /// <exception cref="ArgumentException">t is not finite.</exception>
    public static double PsiFirst(double t)
    {
        Require.Finite(t, nameof(t));
        return Math.Abs(t) <= 1 ? t / (1 + t * t) : 1 / (t + 1 / t);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Range: every finite θ (and finite A, c); ±∞ exactly where the exact sum of the computed terms is beyond
    /// ±double.MaxValue (IEEE overflow, as <see cref="Objectives.Quadratic"/>). Where A, c and θ have every entry 0 or within
    /// [2^-100, 2^100] the plain ½θᵀ(Aθ) + Σc_iψ(θ_i); elsewhere one <see cref="ScaledSum"/> of the terms θ_iA_ijθ_j/2 and
    /// c_iψ(θ_i), so that no partial product or sum over- or underflows (½θᵀAθ at A = [[1]], θ = (1.5e154) was +∞, exact
    /// 1.125e308). Accuracy (u = 2^-53, n = dim): within (n² + n + 3)u·Σ|terms| of the exact sum of the terms with the
    /// computed ψ(θ_i) (<see cref="Psi"/>, 8 ulp), plus 2^-1074 where the result is subnormal.
    /// </remarks>
    public double Value(Vector<double> theta)
    {
        Check(theta);
        if (ordinary && ScaledSum.Ordinary(theta.Enumerate()))
        {
            double s = 0.5 * theta.DotProduct(a * theta);
            for (int i = 0; i < Dimension; i++)
                s += c[i] * Psi(theta[i]);
            return s;
        }
        var sum = new ScaledSum();
        int n = Dimension;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                sum.AddQuotient(2, theta[i], a[i, j], theta[j]);
            sum.Add(c[i], Psi(theta[i]));
        }
        return sum.Value;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Range: every finite θ; an entry is ±∞ exactly where its exact value with the computed ψ'(θ_i) is beyond
    /// ±double.MaxValue. Plain Aθ + c∘ψ'(θ) where A, c and θ are within [2^-100, 2^100] (or 0); elsewhere each entry is one
    /// <see cref="ScaledSum"/> (Aθ at A = [[1e308, −1e308], [−1e308, 1e308]], θ = (2, 1) was +∞, exact 1e308). Accuracy:
    /// entry i within (n + 2)u·(Σ_j|A_ijθ_j| + |c_iψ'(θ_i)|) of that value (<see cref="PsiFirst"/>, 3 ulp), plus 2^-1074
    /// where it is subnormal.
    /// </remarks>
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        if (ordinary && ScaledSum.Ordinary(theta.Enumerate()))
        {
            var g = a * theta;
            for (int i = 0; i < Dimension; i++)
                g[i] += c[i] * PsiFirst(theta[i]);
            return g;
        }
        int n = Dimension;
        var result = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            var sum = new ScaledSum();
            for (int j = 0; j < n; j++)
                sum.Add(a[i, j], theta[j]);
            sum.Add(c[i], PsiFirst(theta[i]));
            result[i] = sum.Value;
        }
        return result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A + diag(c_iψ''(θ_i)) for every finite θ: off the diagonal A exactly; on it two roundings, so within
    /// 2u·(|A_ii| + |c_iψ''(θ_i)|) of the value with the computed ψ'' (<see cref="PsiSecond"/>, 12 ulp), plus 2^-1074 where
    /// c_iψ''(θ_i) is subnormal (A = [[0]], c = 1.2345e-300, θ = 1e10: c·ψ'' = −1.2347e-320 on the subnormal grid, 6e11 times
    /// the relative term alone), ±∞ only where that value is beyond ±double.MaxValue.
    /// </remarks>
    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        var h = a.Clone();
        for (int i = 0; i < Dimension; i++)
            h[i, i] += c[i] * PsiSecond(theta[i]);
        return h;
    }

    private void Check(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
    }
}
