using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;

namespace Verification.Optimizers.Objectives.Generic;

/// <summary>
/// f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³ over <see cref="IReal{T}"/>, the twin of <see cref="CubicPerturbedQuadratic"/>:
/// ∇f = Dθ + (c/2)(uᵀθ)²u, H = D + c(uᵀθ)uuᵀ, and L_H = |c|‖u‖³ = |c|·(uᵀu)·√(uᵀu) exactly (equality along u).
/// </summary>
public sealed class GenericCubicPerturbedQuadratic : IGenericObjective
{
    private readonly double[,] d;
    private readonly double c;
    private readonly double[] u;

    /// <summary>The function with symmetric <paramref name="d"/>, cubic weight <paramref name="c"/> and direction <paramref name="u"/>.</summary>
    /// <exception cref="ArgumentException">as <see cref="CubicPerturbedQuadratic"/>'s constructor.</exception>
    public GenericCubicPerturbedQuadratic(Matrix<double> d, double c, Vector<double> u, string? name = null)
    {
        Reference = new CubicPerturbedQuadratic(d, c, u, name);
        this.d = d.ToArray();
        this.c = c;
        this.u = u.ToArray();
        int nonZero = this.u.Count(x => x != 0);
        HasDiagonalHessian = IsDiagonal(this.d) && (c == 0 || nonZero <= 1);
    }

    /// <inheritdoc />
    public IThirdOrderObjective Reference { get; }

    /// <inheritdoc />
    public bool HasDiagonalHessian { get; }

    /// <summary>uᵀθ.</summary>
    private T Projection<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, u.Length);
        return RealVector.Dot(RealVector.Constant<T>(u), theta);
    }

    /// <inheritdoc />
    public T Value<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        var s = Projection(theta);
        var dt = RealMatrix<T>.Constant(d) * theta;
        return RealVector.Dot(theta, dt) / 2 + T.Of(c) * s * s * s / 6;
    }

    /// <summary>
    /// ½Σ_ij|D_ij θ_i θ_j| + (|c|/6)(Σ_k|u_k θ_k|)³: the size of the terms f(θ) sums, which also bounds the first-order
    /// change of f under a small relative perturbation of θ (Σ_k|θ_k||∂_k f(θ)| ≤ 3 times it).
    /// </summary>
    public T TermMagnitude<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, u.Length);
        T quadratic = T.Of(0), projection = T.Of(0);
        for (int i = 0; i < u.Length; i++)
        {
            projection += T.Abs(T.Of(u[i]) * theta[i]);
            for (int j = 0; j < u.Length; j++)
                quadratic += T.Abs(T.Of(d[i, j]) * theta[i] * theta[j]);
        }
        return quadratic / 2 + T.Abs(T.Of(c)) * projection * projection * projection / 6;
    }

    /// <inheritdoc />
    public T[] Gradient<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        var s = Projection(theta);
        var dt = RealMatrix<T>.Constant(d) * theta;
        var w = T.Of(c) * s * s / 2;
        return [.. dt.Select((x, i) => x + w * T.Of(u[i]))];
    }

    /// <inheritdoc />
    public RealMatrix<T> Hessian<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        var cs = T.Of(c) * Projection(theta);
        return RealMatrix<T>.Create(u.Length, u.Length, (i, j) => T.Of(d[i, j]) + cs * (T.Of(u[i]) * T.Of(u[j])));
    }

    /// <inheritdoc />
    public T HessianLipschitz<T>() where T : IReal<T>
    {
        var uu = RealVector.Dot(RealVector.Constant<T>(u), RealVector.Constant<T>(u));
        return T.Abs(T.Of(c)) * uu * T.Sqrt(uu);
    }

    /// <summary>|c|‖u‖³‖Δ‖³ = |c|·P·√P with P = (uᵀu)(ΔᵀΔ): one square root, exact where P is the square of a rational.</summary>
    public T LipschitzCubicBound<T>(T stepNormSquared) where T : IReal<T>
    {
        var p = RealVector.Dot(RealVector.Constant<T>(u), RealVector.Constant<T>(u)) * stepNormSquared;
        return T.Abs(T.Of(c)) * p * T.Sqrt(p);
    }

    private static bool IsDiagonal(double[,] m)
    {
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                if (i != j && m[i, j] != 0)
                    return false;
        return true;
    }
}
