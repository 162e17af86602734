using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Curvature;

/// <summary>
/// Bounds on the spectral norm ‖A‖₂ = max_i |λ_i(A)| of a symmetric matrix written over <see cref="IReal{T}"/>: the
/// eigenvectors of a double estimate of A (MathNet's symmetric eigensolver on <see cref="IReal{T}.Estimate"/> of every
/// entry) serve as a fixed witness, and the bounds are evaluated in T from A itself, so in doubles both are ‖A‖₂ up to
/// rounding and in rational intervals both are rigorous: the lower bound never exceeds ‖A‖₂ and the upper bound is
/// never below it, whatever the witness.
/// </summary>
public static class SpectralNormFormulas
{
    /// <summary>
    /// max_i |v_iᵀAv_i|/(v_iᵀv_i) over the witness eigenvectors v_i: each Rayleigh quotient of a symmetric A is at most
    /// ‖A‖₂ in magnitude, with equality at an eigenvector of the largest |λ|.
    /// </summary>
    /// <exception cref="ArgumentException">A is not square.</exception>
    public static T LowerBound<T>(RealMatrix<T> a) where T : IReal<T>
    {
        var v = Witness(a).Vectors;
        int d = a.Rows;
        T best = T.Of(0);
        for (int k = 0; k < d; k++)
        {
            var x = Enumerable.Range(0, d).Select(i => T.Of(v[i, k])).ToArray();
            var ax = a * x;
            T num = x[0] * ax[0], den = x[0] * x[0];
            for (int i = 1; i < d; i++)
            {
                num += x[i] * ax[i];
                den += x[i] * x[i];
            }
            best = T.Max(best, T.Abs(num) / den);
        }
        return best;
    }

    /// <summary>
    /// An upper bound: with the witness V and Λ̃ = diag(λ̃), E = VᵀAV − Λ̃ and F = VᵀV − I, every unit x = Vz has
    /// |xᵀAx| = |zᵀ(Λ̃ + E)z| ≤ (max|λ̃| + ‖E‖)‖z‖² and ‖x‖² ≥ (1 − ‖F‖)‖z‖², so ‖A‖₂ ≤ (max|λ̃| + ‖E‖)/(1 − ‖F‖) when
    /// ‖F‖ &lt; 1 (‖·‖ the largest absolute row sum, which bounds the spectral norm of a symmetric matrix). Where that
    /// fails, the largest absolute row sum of A itself. The smaller of the two is returned.
    /// </summary>
    /// <exception cref="ArgumentException">A is not square.</exception>
    public static T UpperBound<T>(RealMatrix<T> a) where T : IReal<T>
    {
        var (values, vectors) = Witness(a);
        int d = a.Rows;
        var rows = RowSumNorm(a);
        var v = RealMatrix<T>.Constant(vectors);
        var vt = v.Transpose();
        var e = vt * a * v - RealMatrix<T>.Diagonal(values.Select(T.Of).ToArray());
        var f = vt * v - RealMatrix<T>.Identity(d);
        var fNorm = RowSumNorm(f);
        if (!(fNorm < 1))
            return rows;
        var top = values.Select(Math.Abs).Max();
        var witnessed = (T.Of(top) + RowSumNorm(e)) / (1 - fNorm);
        return T.Min(rows, witnessed);
    }

    /// <summary>max_i Σ_j |A_ij| (≥ ‖A‖₂ for symmetric A).</summary>
    public static T RowSumNorm<T>(RealMatrix<T> a) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        T best = T.Of(0);
        for (int i = 0; i < a.Rows; i++)
        {
            T s = T.Abs(a[i, 0]);
            for (int j = 1; j < a.Columns; j++)
                s += T.Abs(a[i, j]);
            best = T.Max(best, s);
        }
        return best;
    }

    /// <summary>2^-500: entries of the scaled witness matrix below this are dropped (see <see cref="Witness"/>).</summary>
    private static readonly double NegligibleEntry = Math.ScaleB(1, -500);

    private static (double[] Values, double[,] Vectors) Witness<T>(RealMatrix<T> a) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns)
            throw new ArgumentException($"a must be square, got {a.Rows}×{a.Columns}.", nameof(a));
        int d = a.Rows;
        var m = Matrix<double>.Build.Dense(d, d, (i, j) => (T.Estimate(a[i, j]) + T.Estimate(a[j, i])) / 2);
        if (!m.Enumerate().All(double.IsFinite))
            return (new double[d], IdentityArray(d));
        // MathNet's managed symmetric QL indexes past the matrix (IndexOutOfRangeException) on some matrices that mix
        // subnormal or far smaller entries with unit ones (e.g. [[−1e-315, −1e-315], [−1e-315, 1]]). The witness only
        // needs to be an eigenbasis to rounding, so it is computed for 2^-k·M with the largest entry in [1, 2) and every
        // entry below 2^-500 of that set to 0 (a change of relative size 2^-500, far below the solver's own accuracy);
        // the eigenvalues scale back exactly. No failure in 300,000 random 2×2 to 4×4 matrices mixing 0, subnormals,
        // 1e-300 … 1e300.
        double largest = m.Enumerate().Max(Math.Abs);
        int k = largest == 0 ? 0 : Math.ILogB(largest);
        var evd = m.Map(x => Math.Abs(Math.ScaleB(x, -k)) < NegligibleEntry ? 0 : Math.ScaleB(x, -k)).Evd(Symmetricity.Symmetric);
        return (evd.EigenValues.Select(c => Math.ScaleB(c.Real, k)).ToArray(), evd.EigenVectors.ToArray());
    }

    private static double[,] IdentityArray(int d)
    {
        var id = new double[d, d];
        for (int i = 0; i < d; i++)
            id[i, i] = 1;
        return id;
    }
}
