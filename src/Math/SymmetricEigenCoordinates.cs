using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elementary;

namespace Verification.Numerics;

/// <summary>
/// The coordinates of a vector δ over an orthonormal eigenbasis of a symmetric matrix H, squared: c_i² = (v_iᵀδ)², in
/// ascending eigenvalue order (elmo-amos Notation 2; the c_i = Δθ_tᵀv_i of Lemma 3.1 and eqs. 3–6), over
/// <see cref="IReal{T}"/>.
/// </summary>
/// <remarks>
/// In doubles the eigenvectors are <see cref="SymmetricEigen"/>'s. In rigorous arithmetic each eigenvalue is isolated by
/// a sign change of p(λ) = det(λI − H) on a bracket [λ̂_i − ρ_i, λ̂_i + ρ_i] around the double estimate (ρ_i = min(2⁻⁴⁰·s,
/// gap_i/4), s the size of H's entries and eigenvalues, gap_i the distance to the nearest other estimate): n disjoint
/// brackets with a strict sign change each hold one of the n real roots, so λ_i is enclosed in its bracket, which
/// bisection then narrows (bits/2 halvings at the enclosures' precision, or until the sign at the midpoint is not
/// decided). Then
/// c_i² = δᵀP_iδ with the spectral projector P_i = Π_{j≠i}(H − λ_jI)/(λ_i − λ_j) (Lagrange), enclosed because every
/// λ_j is. A (numerically) repeated eigenvalue has no unique eigenvectors: the rigorous path reports it as undecided.
/// </remarks>
public static class SymmetricEigenCoordinates
{
    /// <summary>The largest dimension the statements need (n ≤ 4; the method itself has no limit but cost).</summary>
    public const int MaxDimension = 4;


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

    /// <summary>Encloses each eigenvalue in a bracket around its estimate where det(λI − H) changes sign strictly.</summary>
    private static T[] Isolate<T>(RealMatrix<T> h, double[] estimates, Matrix<double> estimate) where T : IReal<T>
    {
        int n = estimates.Length;
        double size = Math.Max(estimates.Max(Math.Abs), estimate.Enumerate().Max(Math.Abs));
        var lower = new double[n];
        var upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            double gap = double.PositiveInfinity;
            for (int j = 0; j < n; j++)
                if (j != i)
                    gap = Math.Min(gap, Math.Abs(estimates[i] - estimates[j]));
            double rho = Math.Min(Math.ScaleB(size, -40), gap / 4);
            lower[i] = estimates[i] - rho;
            upper[i] = estimates[i] + rho;
            if (!(rho > 0) || (i > 0 && !(upper[i - 1] < lower[i])))
                throw new UndecidedException("H has a (numerically) repeated eigenvalue: its eigenvectors are not determined.");
        }
        // Half as many halvings as the enclosures carry bits: at 128 bits a bracket of 2⁻³⁹ relative width narrows to 2⁻¹⁰³.
        int refinements = EnclosureSettings.Bits / 2;
        var coefficients = CharacteristicCoefficients(h);
        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            T lo = T.Of(lower[i]), hi = T.Of(upper[i]);
            int signLow = T.Sign(CharacteristicPolynomial(coefficients, lo));
            if (signLow * T.Sign(CharacteristicPolynomial(coefficients, hi)) >= 0)
                throw new UndecidedException($"det(λI − H) does not change sign on [{lower[i]:R}, {upper[i]:R}] around eigenvalue {i}.");
            // Bisection narrows the enclosure while the sign at the midpoint is decided (always, for a rational H).
            for (int k = 0; k < refinements; k++)
            {
                var middle = (lo + hi) / 2;
                int sign;
                try
                {
                    sign = T.Sign(CharacteristicPolynomial(coefficients, middle));
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

    /// <summary>
    /// The coefficients c_0 … c_n of det(λI − H) = Σ_k c_k λ^k by the Faddeev–LeVerrier recursion (M_1 = I, c_{n−k} =
    /// −tr(H·M_k)/k, M_{k+1} = H·M_k + c_{n−k}I): computed once, then evaluated by Horner at every bracket end.
    /// </summary>
    private static T[] CharacteristicCoefficients<T>(RealMatrix<T> h) where T : IReal<T>
    {
        int n = h.Rows;
        var c = new T[n + 1];
        c[n] = T.Of(1);
        var m = RealMatrix<T>.Identity(n);
        for (int k = 1; k <= n; k++)
        {
            var hm = h * m;
            T trace = hm[0, 0];
            for (int i = 1; i < n; i++)
                trace += hm[i, i];
            c[n - k] = -trace / k;
            if (k < n)
            {
                var ck = c[n - k];
                m = RealMatrix<T>.Create(n, n, (i, j) => i == j ? hm[i, j] + ck : hm[i, j]);
            }
        }
        return c;
    }

    /// <summary>det(λI − H) from its coefficients, by Horner's rule.</summary>
    private static T CharacteristicPolynomial<T>(T[] coefficients, T lambda) where T : IReal<T>
    {
        T p = coefficients[^1];
        for (int k = coefficients.Length - 2; k >= 0; k--)
            p = p * lambda + coefficients[k];
        return p;
    }
}
