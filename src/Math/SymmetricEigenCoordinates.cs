using MathNet.Numerics.LinearAlgebra;
using Verification.Math.Arithmetic;
using Verification.Math.Elementary;

namespace Verification.Math;

/// <summary>
/// The coordinates of a vector δ over an orthonormal eigenbasis of a symmetric matrix H, squared: c_i² = (v_iᵀδ)², in
/// ascending eigenvalue order (elmo-amos Notation 2; the c_i = Δθ_tᵀv_i of Lemma 3.1 and eqs. 3–6), over
/// <see cref="IReal{T}"/>.
/// </summary>
/// <remarks>
/// In doubles the eigenvectors are <see cref="SymmetricEigen"/>'s. In rigorous arithmetic each eigenvalue is isolated by
/// a sign change of p(λ) = det(H − λI) on a bracket [λ̂_i − ρ_i, λ̂_i + ρ_i] around the double estimate (ρ_i = min(2⁻⁴⁰·s,
/// gap_i/4), s the size of H's entries and eigenvalues, gap_i the distance to the nearest other estimate): n disjoint
/// brackets with a strict sign change each hold one of the n real roots, so λ_i is enclosed in its bracket, which
/// bisection then narrows (64 halvings, or until the sign at the midpoint is not decided). Then
/// c_i² = δᵀP_iδ with the spectral projector P_i = Π_{j≠i}(H − λ_jI)/(λ_i − λ_j) (Lagrange), enclosed because every
/// λ_j is. A (numerically) repeated eigenvalue has no unique eigenvectors: the rigorous path reports it as undecided.
/// </remarks>
public static class SymmetricEigenCoordinates
{
    /// <summary>The largest dimension (p is expanded by cofactors).</summary>
    public const int MaxDimension = 4;

    /// <summary>Bisection steps after isolation in rigorous arithmetic: 64 halvings take a bracket of 2⁻³⁹ relative width to 2⁻¹⁰³.</summary>
    private const int RefinementSteps = 64;

    /// <summary>
    /// c_i² = (v_iᵀδ)² for the unit eigenvectors v_i of symmetric <paramref name="h"/>, ascending eigenvalues, each ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentException">h not square, n above <see cref="MaxDimension"/>, or δ of another length.</exception>
    /// <exception cref="UndecidedException">rigorous arithmetic could not isolate the eigenvalues (a repeated or nearly repeated one).</exception>
    public static T[] Squared<T>(RealMatrix<T> h, IReadOnlyList<T> delta) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(delta);
        int n = h.Rows;
        if (h.Columns != n)
            throw new ArgumentException($"h must be square, got {h.Rows}×{h.Columns}.", nameof(h));
        if (n > MaxDimension)
            throw new ArgumentException($"n must be ≤ {MaxDimension}, got {n}.", nameof(h));
        if (delta.Count != n)
            throw new ArgumentException($"delta must have length {n}, got {delta.Count}.", nameof(delta));
        if (n == 1)
            return [delta[0] * delta[0]];

        var estimate = Matrix<double>.Build.Dense(n, n, (i, j) => (T.Estimate(h[i, j]) + T.Estimate(h[j, i])) / 2);
        if (!estimate.Enumerate().All(double.IsFinite))
        {
            if (!T.IsRigorous)
                return [.. Enumerable.Repeat(T.Of(double.NaN), n)];
            throw new UndecidedException("the entries of H are beyond double range, so no eigenvalue estimate brackets them.");
        }
        var eigen = SymmetricEigen.Decompose(estimate, Vector<double>.Build.Dense(n));
        if (!T.IsRigorous)
        {
            var squares = new T[n];
            for (int i = 0; i < n; i++)
            {
                T c = T.Of(eigen.Vectors[0, i]) * delta[0];
                for (int k = 1; k < n; k++)
                    c += T.Of(eigen.Vectors[k, i]) * delta[k];
                squares[i] = c * c;
            }
            return squares;
        }

        var lambda = Isolate(h, eigen.Values, estimate);
        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            var w = delta.ToArray();
            T denominator = T.Of(1);
            for (int j = 0; j < n; j++)
            {
                if (j == i)
                    continue;
                var hw = h * w;
                for (int k = 0; k < n; k++)
                    w[k] = hw[k] - lambda[j] * w[k];
                denominator *= lambda[i] - lambda[j];
            }
            result[i] = T.Max(RealVector.Dot(delta, w) / denominator, T.Of(0));
        }
        return result;
    }

    /// <summary>Encloses each eigenvalue in a bracket around its estimate where det(H − λI) changes sign strictly.</summary>
    private static T[] Isolate<T>(RealMatrix<T> h, double[] estimates, Matrix<double> estimate) where T : IReal<T>
    {
        int n = estimates.Length;
        double size = System.Math.Max(estimates.Max(System.Math.Abs), estimate.Enumerate().Max(System.Math.Abs));
        var lower = new double[n];
        var upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            double gap = double.PositiveInfinity;
            for (int j = 0; j < n; j++)
                if (j != i)
                    gap = System.Math.Min(gap, System.Math.Abs(estimates[i] - estimates[j]));
            double rho = System.Math.Min(System.Math.ScaleB(size, -40), gap / 4);
            lower[i] = estimates[i] - rho;
            upper[i] = estimates[i] + rho;
            if (!(rho > 0) || (i > 0 && !(upper[i - 1] < lower[i])))
                throw new UndecidedException("H has a (numerically) repeated eigenvalue: its eigenvectors are not determined.");
        }
        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            T lo = T.Of(lower[i]), hi = T.Of(upper[i]);
            int signLow = T.Sign(CharacteristicPolynomial(h, lo));
            if (signLow * T.Sign(CharacteristicPolynomial(h, hi)) >= 0)
                throw new UndecidedException($"det(H − λI) does not change sign on [{lower[i]:R}, {upper[i]:R}] around eigenvalue {i}.");
            // Bisection narrows the enclosure while the sign at the midpoint is decided (always, for a rational H).
            for (int k = 0; k < RefinementSteps; k++)
            {
                var middle = (lo + hi) / 2;
                int sign;
                try
                {
                    sign = T.Sign(CharacteristicPolynomial(h, middle));
                }
                catch (UndecidedException)
                {
                    break;
                }
                if (sign == 0)
                {
                    lo = hi = middle;
                    break;
                }
                if (sign == signLow)
                    lo = middle;
                else
                    hi = middle;
            }
            result[i] = Trigonometry.Between(lo, hi);
        }
        return result;
    }

    /// <summary>det(H − λI) by cofactor expansion along the first row.</summary>
    private static T CharacteristicPolynomial<T>(RealMatrix<T> h, T lambda) where T : IReal<T>
    {
        int n = h.Rows;
        var m = new T[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i, j] = i == j ? h[i, j] - lambda : h[i, j];
        return Determinant(m, [.. Enumerable.Range(0, n)], [.. Enumerable.Range(0, n)]);
    }

    private static T Determinant<T>(T[,] m, int[] rows, int[] columns) where T : IReal<T>
    {
        if (rows.Length == 1)
            return m[rows[0], columns[0]];
        T sum = T.Of(0);
        for (int k = 0; k < columns.Length; k++)
        {
            var minor = Determinant(m, rows[1..], [.. columns.Where((_, c) => c != k)]);
            var term = m[rows[0], columns[k]] * minor;
            sum = k % 2 == 0 ? sum + term : sum - term;
        }
        return sum;
    }
}
