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

    /// <summary>Creates f with symmetric <paramref name="hessian"/> A and weights <paramref name="weights"/> c (any sign).</summary>
    /// <exception cref="ArgumentException">A not symmetric/finite, c not finite, or mismatched lengths.</exception>
    public LogPerturbedQuadratic(Matrix<double> hessian, Vector<double> weights)
    {
        a = Require.Symmetric(hessian, nameof(hessian)).Clone();
        c = Require.Finite(weights, nameof(weights)).Clone();
        Require.SameLength(a.RowCount, c.Count, nameof(weights));
    }

    /// <inheritdoc />
    public string Name => $"log-perturbed-quadratic(n={Dimension})";

    /// <inheritdoc />
    public int Dimension => a.RowCount;

    /// <summary>ψ''(t) = (1 − t²)/(1 + t²)², in [−1/8, 1].</summary>
    public static double PsiSecond(double t)
    {
        Require.Finite(t, nameof(t));
        if (Math.Abs(t) <= 1)
        {
            double u = 1 / (1 + t * t);
            return u * u * (1 - t * t);
        }
        // For |t| > 1 in s = 1/t, (1 − t²)/(1 + t²)² = s²(s² − 1)/(1 + s²)²: no overflow of t² (t up to MaxValue).
        double s = 1 / t, s2 = s * s, w = 1 + s2;
        return s2 * (s2 - 1) / (w * w);
    }

    /// <summary>ψ(t) = ½log(1 + t²), as log|t| + ½log1p(1/t²) for |t| &gt; 1 so that t² never overflows.</summary>
    public static double Psi(double t)
    {
        Require.Finite(t, nameof(t));
        double a = Math.Abs(t);
        return a <= 1 ? 0.5 * LogOnePlus.Of(t * t) : Math.Log(a) + 0.5 * LogOnePlus.Of(1 / (a * a));
    }

    /// <summary>ψ'(t) = t/(1 + t²), as 1/(t + 1/t) for |t| &gt; 1.</summary>
    public static double PsiFirst(double t)
    {
        Require.Finite(t, nameof(t));
        return Math.Abs(t) <= 1 ? t / (1 + t * t) : 1 / (t + 1 / t);
    }

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        Check(theta);
        double s = 0.5 * theta.DotProduct(a * theta);
        for (int i = 0; i < Dimension; i++)
            s += c[i] * Psi(theta[i]);
        return s;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        var g = a * theta;
        for (int i = 0; i < Dimension; i++)
            g[i] += c[i] * PsiFirst(theta[i]);
        return g;
    }

    /// <inheritdoc />
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
