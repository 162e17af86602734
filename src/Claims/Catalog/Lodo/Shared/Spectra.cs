using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// Eigenvalue statements decided without eigenvalues, written once over IReal: for a matrix M whose eigenvalues λ are
/// all real (a symmetric matrix, or GH with G ⪰ 0 and H symmetric: GH has the characteristic polynomial of the symmetric
/// G^½HG^½), every λ ≥ 0 exactly when every elementary symmetric polynomial e_m(λ) = (−1)^m c_{n−m} ≥ 0 (c the
/// characteristic polynomial): a polynomial ∏(x + λ_i) with non-negative coefficients has no positive root.
/// </summary>
internal static class Spectra
{
    /// <summary>
    /// e_m(λ(M)) for m = 1 … n, each with its scale s^m where s = n·max|M_ij| (bounds |λ|): e_m sums n!/(n−m)! ≤ nᵐ
    /// products of m entries, so s^m bounds the size of its terms.
    /// </summary>
    internal static IReadOnlyList<(int M, T Value, T Scale)> Elementary<T>(RealMatrix<T> m, T entryScale) where T : IReal<T>
    {
        var c = RealMatrixAlgebra.CharacteristicPolynomial(m);
        int n = m.Rows;
        var s = entryScale * n;
        if (T.Sign(s) == 0)
            s = T.Of(1);
        var result = new List<(int, T, T)>(n);
        var power = T.Of(1);
        for (int k = 1; k <= n; k++)
        {
            power *= s;
            result.Add((k, k % 2 == 0 ? c[n - k] : -c[n - k], power));
        }
        return result;
    }

    /// <summary>min_m e_m(λ(M))/s^m: negative exactly when M (real spectrum) has a negative eigenvalue.</summary>
    internal static T LeastNormalizedElementary<T>(RealMatrix<T> m, T entryScale) where T : IReal<T> =>
        Elementary(m, entryScale).Select(e => e.Value / e.Scale).Aggregate(T.Min);

    /// <summary>The number of negative eigenvalues of a real-rooted M (Descartes' rule on det(λI − M) at −λ: exact).</summary>
    internal static int NegativeEigenvalues<T>(RealMatrix<T> m) where T : IReal<T> =>
        RealMatrixAlgebra.PositiveRootCount(RealMatrixAlgebra.Reflect(RealMatrixAlgebra.CharacteristicPolynomial(m)));
}
