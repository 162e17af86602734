using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³: a quadratic with a rotated third-order term. ∇f = Dθ + (c/2)(uᵀθ)²u,
/// H = D + c(uᵀθ)uuᵀ, T[w] = c(uᵀw)uuᵀ, so ‖H(θ) − H(θ')‖₂ = |c|‖u‖²|uᵀ(θ − θ')| ≤ |c|‖u‖³‖θ − θ'‖ and
/// L_H = |c|‖u‖³ exactly (equality along u).
/// </summary>
/// <remarks>
/// Range: every finite D, c, u, θ with |c|‖u‖³ ≤ double.MaxValue; a value, gradient, Hessian or T[w] entry is ±∞
/// exactly where its exact value is beyond ±double.MaxValue (IEEE overflow). uᵀθ is kept unrounded as m·2^e and every sum of products is
/// formed by <see cref="ScaledSum"/>, so nothing overflows or underflows before the final rounding (the former code gave
/// NaN = 0·∞ for c = 0, u = θ = (1e200), and ∞ for ‖u‖ = 1e160, c = 1e-300, where L_H = 1e180). Accuracy, u = 2^-53,
/// n = dim: each result within (n² + n + 6)u times the sum of the magnitudes of its terms (½|θ_i D_ij θ_j|, |c (uᵀθ)³/6|,
/// with uᵀθ's own terms |u_i θ_i|), plus 2^-1074 where it is subnormal; L_H within 6u.
/// </remarks>
public sealed class CubicPerturbedQuadratic : IThirdOrderObjective
{
    private readonly Matrix<double> d;
    private readonly Vector<double> u;
    private readonly double c;
    private readonly bool ordinary; // D, u, c within ScaledSum.Ordinary: the plain formulas are used for ordinary θ

    /// <summary>Creates the function with symmetric <paramref name="d"/>, cubic weight <paramref name="c"/> and direction <paramref name="u"/>.</summary>
    public CubicPerturbedQuadratic(Matrix<double> d, double c, Vector<double> u, string? name = null)
    {
        this.d = Require.Symmetric(d, nameof(d)).Clone();
        this.c = Require.Finite(c, nameof(c));
        this.u = Require.Finite(u, nameof(u)).Clone();
        Require.SameLength(this.d.RowCount, this.u.Count, nameof(u));
        if (ScaledSum.Ordinary(this.u.Enumerate()) && ScaledSum.Ordinary(c))
        {
            double plain = this.u.L2Norm(); // Σu_i² cannot overflow or underflow here: the former value, bit for bit
            HessianLipschitz = Math.Abs(c) * plain * plain * plain;
        }
        else
        {
            double largest = this.u.AbsoluteMaximum();
            double norm = largest == 0 ? 0 : largest * this.u.Divide(largest).L2Norm(); // scaled: no overflow of Σu_i²
            var lipschitz = new ScaledSum();
            lipschitz.Add(Math.Abs(c), norm, norm, norm);
            HessianLipschitz = lipschitz.Finite($"|c|‖u‖³ = L_H (c = {Require.Show(c)}, ‖u‖ = {Require.Show(norm)})", nameof(c));
        }
        ordinary = ScaledSum.Ordinary(this.d.Enumerate()) && ScaledSum.Ordinary(this.u.Enumerate()) && ScaledSum.Ordinary(c) && this.d.RowCount <= 1 << 20;
        Name = name ?? $"cubic-perturbed-quadratic(n={this.d.RowCount}, c={Require.Show(c)})";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension => d.RowCount;

    /// <inheritdoc />
    public double? HessianLipschitz { get; }

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        var s = Projection(theta);
        if (Plain(theta))
        {
            double p = u.DotProduct(theta);
            return 0.5 * theta.DotProduct(d * theta) + c / 6 * p * p * p;
        }
        var sum = new ScaledSum();
        int n = Dimension;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                sum.AddQuotient(2, theta[i], d[i, j], theta[j]);
        sum.AddPowerTimes(s, 3, 6, c);
        return sum.Value;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        var s = Projection(theta);
        if (Plain(theta))
        {
            double p = u.DotProduct(theta);
            return d * theta + (c / 2 * p * p) * u;
        }
        int n = Dimension;
        var result = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            var sum = new ScaledSum();
            for (int j = 0; j < n; j++)
                sum.Add(d[i, j], theta[j]);
            sum.AddPowerTimes(s, 2, 2, c, u[i]);
            result[i] = sum.Value;
        }
        return result;
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        var s = Projection(theta);
        if (Plain(theta))
            return d + (c * u.DotProduct(theta)) * u.OuterProduct(u);
        int n = Dimension;
        var result = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var sum = new ScaledSum();
                sum.Add(d[i, j]);
                sum.AddPowerTimes(s, 1, 1, c, u[i], u[j]);
                result[i, j] = sum.Value;
            }
        return result;
    }

    /// <inheritdoc />
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> w)
    {
        Projection(theta);
        Require.Finite(w, nameof(w));
        Require.SameLength(Dimension, w.Count, nameof(w));
        if (Plain(theta) && ScaledSum.Ordinary(w.Enumerate()))
            return (c * u.DotProduct(w)) * u.OuterProduct(u);
        var uw = new ScaledSum();
        for (int i = 0; i < Dimension; i++)
            uw.Add(u[i], w[i]);
        int n = Dimension;
        var result = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var sum = new ScaledSum();
                sum.AddPowerTimes(uw, 1, 1, c, u[i], u[j]);
                result[i, j] = sum.Value;
            }
        return result;
    }

    /// <summary>True when D, u, c and θ are all within ScaledSum.Ordinary: the plain formulas cannot overflow or underflow.</summary>
    private bool Plain(Vector<double> theta) => ordinary && ScaledSum.Ordinary(theta.Enumerate());

    /// <summary>uᵀθ, unrounded (m·2^e).</summary>
    private ScaledSum Projection(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
        var s = new ScaledSum();
        for (int i = 0; i < Dimension; i++)
            s.Add(u[i], theta[i]);
        return s;
    }
}
