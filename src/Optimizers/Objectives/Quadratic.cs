using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// f(θ) = ½θᵀAθ − bᵀθ with A symmetric (any spectrum: negative and zero eigenvalues are allowed).
/// ∇f = Aθ − b, H = A; every third derivative is zero, so L_H = 0 (elmo-amos.md eq. 2).
/// </summary>
public sealed class Quadratic : IThirdOrderObjective
{
    private readonly Matrix<double> a;
    private readonly Vector<double> b;

    /// <summary>Creates the quadratic with Hessian <paramref name="hessian"/> and linear term <paramref name="linear"/>.</summary>
    public Quadratic(Matrix<double> hessian, Vector<double> linear, string? name = null)
    {
        a = Require.Symmetric(hessian, nameof(hessian)).Clone();
        b = Require.Finite(linear, nameof(linear)).Clone();
        Require.SameLength(a.RowCount, b.Count, nameof(linear));
        Name = name ?? $"quadratic(n={a.RowCount})";
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
        return 0.5 * theta.DotProduct(a * theta) - b.DotProduct(theta);
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        return a * theta - b;
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
        return a * v;
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
