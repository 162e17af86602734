using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;

namespace Verification.Optimizers.Objectives.Generic;

/// <summary>
/// f(θ) = ½θᵀAθ − bᵀθ over <see cref="IReal{T}"/>, the twin of <see cref="SpectralQuadratic"/> with its stored (double)
/// A: ∇f = Aθ − b, H = A, L_H = 0.
/// </summary>
public sealed class GenericQuadratic : IGenericObjective
{
    private readonly double[,] a;
    private readonly double[] b;

    /// <summary>
    /// The twin of <see cref="SpectralQuadratic.FromEigenvalues"/>(<paramref name="eigenvalues"/>, <paramref name="linear"/>,
    /// <paramref name="seed"/>): A is the stored matrix of that function, b = <paramref name="linear"/>.
    /// </summary>
    /// <exception cref="ArgumentException">as <see cref="SpectralQuadratic.FromEigenvalues"/>.</exception>
    public GenericQuadratic(IReadOnlyList<double> eigenvalues, IReadOnlyList<double> linear, int? seed)
    {
        var reference = SpectralQuadratic.FromEigenvalues(eigenvalues, linear, seed);
        Reference = reference;
        a = reference.A.ToArray();
        b = [.. linear];
        HasDiagonalHessian = IsDiagonal(a);
    }

    /// <inheritdoc />
    public IThirdOrderObjective Reference { get; }

    /// <inheritdoc />
    public bool HasDiagonalHessian { get; }

    /// <inheritdoc />
    public T Value<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        int n = b.Length;
        GenericArguments.Length(theta, n);
        var at = RealMatrix<T>.Constant(a) * theta;
        return RealVector.Dot(theta, at) / 2 - RealVector.Dot(RealVector.Constant<T>(b), theta);
    }

    /// <summary>½Σ_ij|A_ij θ_i θ_j| + Σ_i|b_i θ_i|.</summary>
    public T TermMagnitude<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        int n = b.Length;
        GenericArguments.Length(theta, n);
        T quadratic = T.Of(0), linear = T.Of(0);
        for (int i = 0; i < n; i++)
        {
            linear += T.Abs(T.Of(b[i]) * theta[i]);
            for (int j = 0; j < n; j++)
                quadratic += T.Abs(T.Of(a[i, j]) * theta[i] * theta[j]);
        }
        return quadratic / 2 + linear;
    }

    /// <inheritdoc />
    public T[] Gradient<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, b.Length);
        var at = RealMatrix<T>.Constant(a) * theta;
        return [.. at.Select((x, i) => x - T.Of(b[i]))];
    }

    /// <inheritdoc />
    public RealMatrix<T> Hessian<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, b.Length);
        return RealMatrix<T>.Constant(a);
    }

    /// <inheritdoc />
    public T HessianLipschitz<T>() where T : IReal<T> => T.Of(0);

    private static bool IsDiagonal(double[,] m)
    {
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                if (i != j && m[i, j] != 0)
                    return false;
        return true;
    }
}
