using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// An M×M matrix carried entrywise as H_ij = M_ij·2^(E_ij) (issue 15, item 1): ∇²_f log p where an entry falls below
/// 2^-1022 while J_nᵀ∇²_f log p J_n does not (Bernoulli logit at f = −800: σ(f)σ(−f) = e^-800 is 0 as a double, while
/// x²·e^-800 ≈ 3.7e252 at x = 1e300). The entries are those of <see cref="Entries"/>, row by row.
/// </summary>
internal sealed record ScaledMatrix(int Size, ScaledVector Entries)
{
    /// <summary>M_ij.</summary>
    public double Mantissa(int i, int j) => Entries.Mantissas[i * Size + j];

    /// <summary>E_ij.</summary>
    public int Exponent(int i, int j) => Entries.Exponents[i * Size + j];

    /// <summary>The matrix itself (every entry with exponent 0).</summary>
    public static ScaledMatrix Of(Matrix<double> h) => new(h.RowCount, ScaledVector.Of(h.ToRowMajorArray()));

    /// <summary>The square matrix of the entries (M_ij, E_ij).</summary>
    public static ScaledMatrix Of((double Mantissa, int Exponent)[,] entries)
    {
        int size = entries.GetLength(0);
        var flat = Enumerable.Range(0, size * size).Select(i => entries[i / size, i % size]).ToArray();
        return new(size, new ScaledVector(flat.Select(x => x.Mantissa).ToArray(), flat.Select(x => x.Exponent).ToArray()));
    }

    /// <summary>The 1×1 matrix M·2^E.</summary>
    public static ScaledMatrix Scalar(double mantissa, int exponent) => new(1, new ScaledVector([mantissa], [exponent]));
}
