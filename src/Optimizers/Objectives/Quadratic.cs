using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// f(θ) = ½θᵀAθ − bᵀθ with A symmetric (any spectrum: negative and zero eigenvalues are allowed).
/// ∇f = Aθ − b, H = A; every third derivative is zero, so L_H = 0 (elmo-amos.md eq. 2).
/// </summary>
/// <remarks>
/// Range: every finite A, b, θ; a value or gradient (or Hessian-vector product) entry is ±∞ exactly where its exact
/// value is beyond ±double.MaxValue (IEEE overflow, so that a diverging run is recorded as non-finite by Trajectory.Record). The sums of products are formed by <see cref="ScaledSum"/>, so no partial product or
/// partial sum overflows or underflows (the former ½θᵀ(Aθ) − bᵀθ gave NaN = ∞ − ∞ at A = [[2]], θ = b = (1e200), where
/// f = 0, and Aθ − b gave ∞ at A = [[1e308, −1e308], [−1e308, 1e308]], θ = (2, 1), where ∂f/∂θ_1 = 1e308). Accuracy, u = 2^-53, n = dim: f within (n² + n + 3)u·(½|θ|ᵀ|A||θ|
/// + |b|ᵀ|θ|), each entry of ∇f within (n + 2)u·(Σ_j|A_ij θ_j| + |b_i|), of Av within (n + 1)u·Σ_j|A_ij v_j|, plus
/// 2^-1074 where the result is subnormal (cancellation is the conditioning of the sum, not an error of the evaluation).
/// </remarks>
public sealed class Quadratic : IThirdOrderObjective
{
    private readonly Matrix<double> a;
    private readonly Vector<double> b;
    private readonly bool ordinary; // A and b within ScaledSum.Ordinary: the plain formulas are used for ordinary θ

    /// <summary>Creates the quadratic with Hessian <paramref name="hessian"/> and linear term <paramref name="linear"/>.</summary>
    public Quadratic(Matrix<double> hessian, Vector<double> linear, string? name = null)
    {
        a = Require.Symmetric(hessian, nameof(hessian)).Clone();
        b = Require.Finite(linear, nameof(linear)).Clone();
        Require.SameLength(a.RowCount, b.Count, nameof(linear));
        Name = name ?? $"quadratic(n={a.RowCount})";
        ordinary = ScaledSum.Ordinary(a.Enumerate()) && ScaledSum.Ordinary(b.Enumerate()) && a.RowCount <= 1 << 20;
    }

    /// <summary>A quadratic with a diagonal Hessian diag(<paramref name="eigenvalues"/>) and linear term b.</summary>
    public static Quadratic Diagonal(Vector<double> eigenvalues, Vector<double> linear, string? name = null) =>
        new(Matrix<double>.Build.DiagonalOfDiagonalVector(Require.Finite(eigenvalues, nameof(eigenvalues))), linear, name);

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension => a.RowCount;

    /// <summary>A (a copy).</summary>
    public Matrix<double> A => a.Clone();

    /// <summary>b (a copy).</summary>
    public Vector<double> B => b.Clone();

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        Check(theta);
        if (ScaledSum.Ordinary(theta.Enumerate()) && ordinary)
            return 0.5 * theta.DotProduct(a * theta) - b.DotProduct(theta);
        var sum = new ScaledSum();
        int n = Dimension;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                sum.AddQuotient(2, theta[i], a[i, j], theta[j]);
            sum.Add(-b[i], theta[i]);
        }
        return sum.Value;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        return Product(theta, b);
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        return a.Clone();
    }

    /// <inheritdoc />
    public Vector<double> HessianVectorProduct(Vector<double> theta, Vector<double> v)
    {
        Check(theta);
        Require.Finite(v, nameof(v));
        Require.SameLength(Dimension, v.Count, nameof(v));
        return Product(v, null);
    }

    /// <summary>
    /// A·x − offset, each entry a <see cref="ScaledSum"/> (the plain product where A, b and x are within 2^±100); an entry
    /// beyond ±double.MaxValue is ±∞ (IEEE overflow, as the remarks state), not rejected.
    /// </summary>
    private Vector<double> Product(Vector<double> x, Vector<double>? offset)
    {
        if (ScaledSum.Ordinary(x.Enumerate()) && ordinary)
            return offset is null ? a * x : a * x - offset;
        int n = Dimension;
        var result = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            var sum = new ScaledSum();
            for (int j = 0; j < n; j++)
                sum.Add(a[i, j], x[j]);
            if (offset is not null)
                sum.Add(-offset[i]);
            result[i] = sum.Value;
        }
        return result;
    }

    /// <summary>T[u] = 0: the Hessian is constant.</summary>
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u)
    {
        Check(theta);
        Require.Finite(u, nameof(u));
        Require.SameLength(Dimension, u.Count, nameof(u));
        return Matrix<double>.Build.Dense(Dimension, Dimension);
    }

    /// <summary>L_H = 0 (eq. 2): the Hessian is constant.</summary>
    public double? HessianLipschitz => 0.0;

    private void Check(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
    }
}
