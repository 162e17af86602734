using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Curvature;

/// <summary>
/// Bounds on the spectral norm ‖A‖₂ = max_i |λ_i(A)| of a symmetric matrix written over <see cref="IReal{T}"/>: the
/// eigenvectors of a double estimate of A (MathNet's symmetric eigensolver on <see cref="IReal{T}.Estimate"/> of every
/// entry) serve as a fixed witness, and the bounds are evaluated in T from A itself, so in doubles both are ‖A‖₂ up to
/// rounding and in rational intervals both are rigorous: the lower bound never exceeds ‖A‖₂ and the upper bound is
/// never below it, whatever the witness. A must be symmetric, which is not checked (the callers pass differences of
/// curvature matrices, symmetric in exact arithmetic, whose computed entries may differ across the diagonal by rounding):
/// the upper bound's argument bounds max |xᵀAx| over unit x, which for a non-symmetric A can be below ‖A‖₂, so there it
/// is not an upper bound on ‖A‖₂ (found in the stop-41 review; the lower bound holds for any square A).
/// <para>
/// Whole double range (issue 15, item 1): a matrix whose largest entry lies outside [2^-100, 2^100] is first scaled by the
/// power of two 2^-k that brings that entry into [1, 2) and each bound is scaled back by 2^k, so no product or partial sum
/// of the Rayleigh quotients, of VᵀAV or of the row sums overflows or underflows on the way (the scalings are exact in
/// rationals, so rigour is kept; in doubles entries below 2^-1074 of the scaled matrix are lost, an absolute change far
/// below its unit norm). In doubles both bounds are then within a few ulp of ‖A‖₂ wherever it is a normal double, within
/// one step 2^-1074 more where it is subnormal, and +∞ only where ‖A‖₂ is beyond MaxValue. Inside [2^-100, 2^100] the
/// formulas run unscaled, bit for bit as before.
/// </para>
/// </summary>
public static class SpectralNormFormulas
{
    /// <summary>
    /// max_i |v_iᵀAv_i|/(v_iᵀv_i) over the witness eigenvectors v_i: each Rayleigh quotient of a symmetric A is at most
    /// ‖A‖₂ in magnitude, with equality at an eigenvector of the largest |λ|.
    /// </summary>
    /// <exception cref="ArgumentException">A is not square, or an entry is not finite.</exception>
    public static T LowerBound<T>(RealMatrix<T> a) where T : IReal<T>
    {
        Validate(a);
        return Scaled(a, LowerBoundUnscaled);
    }

    private static T LowerBoundUnscaled<T>(RealMatrix<T> a) where T : IReal<T>
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
    /// <exception cref="ArgumentException">A is not square, or an entry is not finite.</exception>
    public static T UpperBound<T>(RealMatrix<T> a) where T : IReal<T>
    {
        Validate(a);
        return Scaled(a, UpperBoundUnscaled);
    }

    private static T UpperBoundUnscaled<T>(RealMatrix<T> a) where T : IReal<T>
    {
        var (values, vectors) = Witness(a);
        int d = a.Rows;
        var rows = RowSumNormUnchecked(a);
        var v = RealMatrix<T>.Constant(vectors);
        var vt = v.Transpose();
        var e = vt * a * v - RealMatrix<T>.Diagonal(values.Select(T.Of).ToArray());
        var f = vt * v - RealMatrix<T>.Identity(d);
        var fNorm = RowSumNormUnchecked(f);
        if (!(fNorm < 1))
            return rows;
        var top = values.Select(Math.Abs).Max();
        var witnessed = (T.Of(top) + RowSumNormUnchecked(e)) / (1 - fNorm);
        return T.Min(rows, witnessed);
    }

    /// <summary>
    /// max_i Σ_j |A_ij| (≥ ‖A‖₂ for symmetric A). In doubles a sum of magnitudes, so within (d − 1)·u of the exact value
    /// (u = 2^-53; exact while the sums are subnormal) and +∞ only where that exceeds MaxValue.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is not finite.</exception>
    public static T RowSumNorm<T>(RealMatrix<T> a) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        RequireFinite(a);
        return RowSumNormUnchecked(a);
    }

    private static T RowSumNormUnchecked<T>(RealMatrix<T> a) where T : IReal<T>
    {
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

    /// <summary>2^-100 and 2^100: a matrix whose largest entry lies within them is used unscaled (see the class remarks).</summary>
    private static readonly double OrdinaryLow = Math.ScaleB(1, -100), OrdinaryHigh = Math.ScaleB(1, 100);

    private static void Validate<T>(RealMatrix<T> a) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns)
            throw new ArgumentException($"a must be square, got {a.Rows}×{a.Columns}.", nameof(a));
        RequireFinite(a);
    }

    private static void RequireFinite<T>(RealMatrix<T> a) where T : IReal<T>
    {
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++)
                if (!T.IsFinite(a[i, j]))
                    throw new ArgumentException($"a's entries must be finite, got a[{i}, {j}] = {a[i, j]}.", nameof(a));
    }

    /// <summary>
    /// 2^k·bound(2^-k·A) with 2^k the power of two of A's largest entry (estimated), where that entry lies outside
    /// [2^-100, 2^100]; bound(A) otherwise. 2^-k is applied as one factor, or as 2^1023·2^(-k-1023) where it exceeds the
    /// double range (k &lt; −1023: a subnormal matrix, scaled up exactly); 2^k is one exact double (k ≥ −1074), so in
    /// doubles the scaling back is a single rounding.
    /// </summary>
    private static T Scaled<T>(RealMatrix<T> a, Func<RealMatrix<T>, T> bound) where T : IReal<T>
    {
        double largest = 0;
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++)
                largest = Math.Max(largest, Math.Abs(T.Estimate(a[i, j])));
        if (largest == 0 || (largest >= OrdinaryLow && largest <= OrdinaryHigh) || !double.IsFinite(largest))
            return bound(a);
        int k = Math.ILogB(largest);
        var scaled = -k <= 1023
            ? T.Of(Math.ScaleB(1, -k)) * a
            : T.Of(Math.ScaleB(1, -k - 1023)) * (T.Of(Math.ScaleB(1, 1023)) * a);
        return T.Of(Math.ScaleB(1, k)) * bound(scaled);
    }

    /// <summary>2^-500: entries of the scaled witness matrix below this are dropped (see <see cref="Witness"/>).</summary>
    private static readonly double NegligibleEntry = Math.ScaleB(1, -500);

    private static (double[] Values, double[,] Vectors) Witness<T>(RealMatrix<T> a) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns)
            throw new ArgumentException($"a must be square, got {a.Rows}×{a.Columns}.", nameof(a));
        int d = a.Rows;
        var m = Matrix<double>.Build.Dense(d, d, (i, j) => Average(T.Estimate(a[i, j]), T.Estimate(a[j, i])));
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

    /// <summary>(x + y)/2, or x/2 + y/2 where the sum overflows (then the larger is above 2^1022 and halving the other loses
    /// at most 2^-1075, far below the result's ulp); bit for bit (x + y)/2 wherever that is finite.</summary>
    private static double Average(double x, double y)
    {
        double s = (x + y) / 2;
        return double.IsInfinity(s) && double.IsFinite(x) && double.IsFinite(y) ? x / 2 + y / 2 : s;
    }

    private static double[,] IdentityArray(int d)
    {
        var id = new double[d, d];
        for (int i = 0; i < d; i++)
            id[i, i] = 1;
        return id;
    }
}
