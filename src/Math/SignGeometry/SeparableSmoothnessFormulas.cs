using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.SignGeometry;

/// <summary>
/// Fixed certificates for L_sep(H) = min Σl_i s.t. l ≥ 0, H ⪯ diag(l) (balles-thesis eq. 6.25), computed once from a double
/// H: a primal point <see cref="Diagonal"/> (the barrier solution of <see cref="SeparableSmoothness"/>) and a dual factor
/// <see cref="DualFactor"/> V with (diag(l) − H)⁻¹ = VVᵀ. Both are constants: the bounds of
/// <see cref="SeparableSmoothnessFormulas"/> evaluate them against H in any arithmetic, so they stay valid for every H
/// at which they are evaluated (a box included), not only the one they were computed from.
/// </summary>
/// <param name="Diagonal">l ≥ 0 (doubles).</param>
/// <param name="DualFactor">V, d×d (doubles).</param>
public sealed record SeparableWitness(double[] Diagonal, double[,] DualFactor)
{
    /// <summary>
    /// The witness for H: l from <see cref="SeparableSmoothness.Bracket"/>, V = D·L⁻ᵀ for the Cholesky factor L of
    /// diag(l) − H and the diagonal D that scales V's rows to unit length (the central-path dual point is proportional to
    /// (diag(l) − H)⁻¹; D makes its diagonal 1, where the optimal dual's is, leaving a duality gap of about d times the
    /// barrier's μ). Where that factorization fails the identity is the dual factor (Y = I is always dual feasible).
    /// </summary>
    /// <exception cref="ArgumentException">H is not a finite symmetric matrix of dimension ≤ <see cref="SeparableSmoothness.MaxDimension"/>.</exception>
    public static SeparableWitness Of(double[,] h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var m = Matrix<double>.Build.DenseOfArray(h);
        var bracket = SeparableSmoothness.Bracket(m);
        int d = m.RowCount;
        var l = bracket.Diagonal;
        var slack = Matrix<double>.Build.Dense(d, d, (i, j) => (i == j ? l[i] : 0) - h[i, j]);
        double[,] v;
        try
        {
            var chol = slack.Cholesky();
            v = chol.Factor.Inverse().Transpose().ToArray();
            // Rows scaled to unit length: Y = VVᵀ = D(diag(l) − H)⁻¹D then has a unit diagonal (up to rounding, which the
            // bound's normalization by max_i Y_ii absorbs), the central-path dual point with its diagonal made tight. Each row
            // is first scaled by the power of two 2^-ILogB(largest magnitude): for H near 2^-1000 the entries of L⁻ᵀ are near
            // 1e155, and the sum of their squares would overflow and turn the row into zeros. A power of two is exact (short
            // of the subnormal range), so a row whose squares did not overflow gets the same unit row as without it.
            for (int i = 0; i < d; i++)
            {
                int exponent = BinaryExponent.OfLargest(Enumerable.Range(0, d).Select(j => v[i, j]));
                for (int j = 0; j < d; j++) // a row with ∞ or NaN comes out non-finite, and the check below falls back
                    v[i, j] = Math.ScaleB(v[i, j], -exponent);
                double norm = 0;
                for (int j = 0; j < d; j++)
                    norm += v[i, j] * v[i, j];
                norm = Math.Sqrt(norm);
                for (int j = 0; j < d; j++)
                    v[i, j] /= norm;
            }
            if (!v.Cast<double>().All(double.IsFinite))
                v = Identity(d);
        }
        catch (ArgumentException)
        {
            v = Identity(d);
        }
        catch (InvalidOperationException)
        {
            v = Identity(d);
        }
        return new SeparableWitness((double[])l.Clone(), v);
    }

    private static double[,] Identity(int d)
    {
        var id = new double[d, d];
        for (int i = 0; i < d; i++)
            id[i, i] = 1;
        return id;
    }
}

/// <summary>
/// Rigorous bounds on L_sep(H) (eq. 6.25) written over <see cref="IReal{T}"/> from a fixed <see cref="SeparableWitness"/>:
/// in doubles they bracket L_sep to the barrier's gap (≲ 1e-10 relative), in rational intervals they are proven bounds.
/// </summary>
public static class SeparableSmoothnessFormulas
{
    /// <summary>
    /// Σ_i l_i when l ≥ 0 and diag(l) − H ⪰ 0 (l is then feasible, so L_sep(H) ≤ Σl), decided by
    /// <see cref="SignGeometryFormulas.IsPositiveSemidefinite{T}"/>; null-like (Feasible false) otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">H not square or l of another length.</exception>
    public static (bool Feasible, T Value) UpperBound<T>(RealMatrix<T> h, SeparableWitness witness) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Diagonal.Length != h.Rows)
            throw new ArgumentException($"the witness has dimension {witness.Diagonal.Length}, H {h.Rows}.", nameof(witness));
        var l = witness.Diagonal.Select(T.Of).ToArray();
        var sum = l.Aggregate((a, b) => a + b);
        bool feasible = l.All(v => T.Sign(v) >= 0) && SignGeometryFormulas.IsPositiveSemidefinite(SignGeometryFormulas.DiagonalPlus(l, h, -1));
        return (feasible, sum);
    }

    /// <summary>
    /// ⟨H, Y⟩ with Y = VVᵀ/max_i (VVᵀ)_ii: Y ⪰ 0 (a Gram matrix) and Y_ii ≤ 1, so for every feasible l,
    /// Σl_i ≥ Σl_iY_ii = ⟨diag(l), Y⟩ ≥ ⟨H, Y⟩ (weak duality; ⟨diag(l) − H, Y⟩ ≥ 0). A lower bound on L_sep(H) for any V
    /// with a nonzero row.
    /// </summary>
    /// <exception cref="ArgumentException">H not square, V of another dimension, or V = 0.</exception>
    public static T LowerBound<T>(RealMatrix<T> h, SeparableWitness witness) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(witness);
        int d = h.Rows;
        if (witness.DualFactor.GetLength(0) != d || witness.DualFactor.GetLength(1) != d || h.Columns != d)
            throw new ArgumentException($"the witness and H must both be {d}×{d}.", nameof(witness));
        var v = RealMatrix<T>.Constant(witness.DualFactor);
        var y = v * v.Transpose();
        T top = y[0, 0], inner = T.Of(0);
        for (int i = 0; i < d; i++)
        {
            top = T.Max(top, y[i, i]);
            for (int j = 0; j < d; j++)
                inner += h[i, j] * y[i, j];
        }
        if (!(T.Sign(top) > 0))
            throw new ArgumentException("the dual factor V must have a nonzero row.", nameof(witness));
        return inner / top;
    }
}
