using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The simplified G(θ) of lodo.md §4.1: "a full dense matrix filled with elements of θ" (row-major, not symmetrized),
/// so ∂(aᵀGu)/∂G = a uᵀ and the hypergradient has the closed form (26)–(28).
/// </summary>
public sealed class DensePreconditioner : IPreconditionerModel
{
    /// <summary>A dense n×n model whose θ₀ is α₀I (the eq. 2 initialization, for comparability).</summary>
    public DensePreconditioner(int dimension, double alpha0)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        Dimension = dimension;
        Alpha0 = Require.Finite(alpha0, nameof(alpha0));
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>α₀ of θ₀ = vec(α₀I).</summary>
    public double Alpha0 { get; }

    /// <inheritdoc />
    public int ParameterCount => Dimension * Dimension;

    /// <inheritdoc />
    public string Name => $"dense(n={Dimension},α0={Require.Show(Alpha0)})";

    /// <summary>θ = vec(G) row-major.</summary>
    public static Vector<double> Vectorize(Matrix<double> g)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (g.RowCount != g.ColumnCount)
            throw new ArgumentException($"g must be square, got {g.RowCount}×{g.ColumnCount}.", nameof(g));
        return Vector<double>.Build.DenseOfArray(g.ToRowMajorArray());
    }

    /// <inheritdoc />
    public Vector<double> Apply(Vector<double> theta, Vector<double> v)
    {
        Require.Finite(v, nameof(v));
        Require.SameLength(Dimension, v.Count, nameof(v));
        return Dense(theta) * v;
    }

    /// <inheritdoc />
    public Matrix<double> Dense(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(ParameterCount, theta.Count, nameof(theta));
        return Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => theta[i * Dimension + j]);
    }

    /// <inheritdoc />
    public Vector<double> BilinearGradient(Vector<double> theta, Vector<double> a, Vector<double> u)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(ParameterCount, theta.Count, nameof(theta));
        Require.Finite(a, nameof(a));
        Require.SameLength(Dimension, a.Count, nameof(a));
        Require.Finite(u, nameof(u));
        Require.SameLength(Dimension, u.Count, nameof(u));
        return Vectorize(a.OuterProduct(u));
    }

    /// <inheritdoc />
    public Vector<double> Initial(System.Random random) =>
        Vectorize(Matrix<double>.Build.DenseIdentity(Dimension) * Alpha0);
}
