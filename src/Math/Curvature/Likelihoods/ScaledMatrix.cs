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

    /// <summary>
    /// P ⊙ Q carried entrywise as (m_P·m_Q)·2^(e_P + e_Q), the mantissas' product rounded once (within u of P_ij·Q_ij at
    /// every magnitude), for a matrix given as two finite factors (<see cref="LikelihoodBase.HessianFactors"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The factors differ in size or are not square, or an entry is not finite.</exception>
    public static ScaledMatrix OfProduct(Matrix<double> p, Matrix<double> q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.RowCount != p.ColumnCount || q.RowCount != p.RowCount || q.ColumnCount != p.ColumnCount)
            throw new ArgumentException($"P and Q must be square of one size, got {p.RowCount}×{p.ColumnCount} and {q.RowCount}×{q.ColumnCount}.", nameof(q));
        int size = p.RowCount;
        var entries = new (double Mantissa, int Exponent)[size, size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                double a = p[i, j], b = q[i, j];
                if (!double.IsFinite(a) || !double.IsFinite(b))
                    throw new ArgumentException($"the factors must be finite, got P[{i}, {j}] = {a}, Q[{i}, {j}] = {b}.", nameof(p));
                if (a == 0 || b == 0)
                {
                    entries[i, j] = (a * b, 0);
                    continue;
                }
                int ka = Math.ILogB(a), kb = Math.ILogB(b);
                entries[i, j] = (Math.ScaleB(a, -ka) * Math.ScaleB(b, -kb), ka + kb);
            }
        return Of(entries);
    }

    /// <summary>The 1×1 matrix M·2^E.</summary>
    public static ScaledMatrix Scalar(double mantissa, int exponent) => new(1, new ScaledVector([mantissa], [exponent]));
}
