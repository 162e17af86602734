using System.Numerics;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;

namespace Verification.Numerics;

/// <summary>
/// An a-posteriori radius, computed exactly, within which the eigenvalues of a symmetric H lie around computed
/// eigenvalues λ̂_i with computed eigenvectors v̂_i: after sorting both, |λ_i(H) − λ̂_i| ≤ ε for every i, with
/// ε = ‖R‖_F/√(1 − ‖E‖_F), R = H·V̂ − V̂·diag(λ̂) and E = V̂ᵀV̂ − I. No constant of the eigensolver is assumed.
/// </summary>
/// <remarks>
/// Theorem (Kahan 1967, "Inclusion theorems for clusters of eigenvalues of Hermitian matrices", with the constant
/// c ≤ √2; c = 1, Kahan's conjecture, proved in "A sharp version of Kahan's theorem on clustered eigenvalues", Linear
/// Algebra Appl. 1996): let A be n×n Hermitian, X n×k of full column rank, M k×k Hermitian with eigenvalues
/// μ_1 ≤ … ≤ μ_k. Then A has eigenvalues λ_{j_1} ≤ … ≤ λ_{j_k} with |μ_i − λ_{j_i}| ≤ ‖AX − XM‖₂/σ_min(X) for every i.
/// Used with k = n (so the λ_{j_i} are all of A's eigenvalues, ascending), X = V̂ and M = diag(λ̂) (μ = λ̂ sorted; the
/// columns of V̂ may come in any order, as R only permutes its columns with them). Then σ_min(V̂)² = λ_min(V̂ᵀV̂) =
/// 1 + λ_min(E) ≥ 1 − ‖E‖₂ ≥ 1 − ‖E‖_F, which is positive (so V̂ has full rank) when ‖E‖_F &lt; 1, and ‖R‖₂ ≤ ‖R‖_F.
/// A is the symmetric part ½(H + Hᵀ) of the H given (H itself when it is exactly symmetric; <see cref="Require.Symmetric"/>
/// accepts a relative asymmetry up to 1e-12, which <see cref="SymmetricEigen.Decompose"/> also averages away).
/// Computation, all exact: every double is an integer times 2^-1074, so R·2^(2149 + max(t, 0)) (the pairs being those of
/// 2^-t·A, see <see cref="Radius(Matrix{double}, IReadOnlyList{double}, Matrix{double}, int)"/>) and E·2^2148 are integer
/// matrices; ‖E‖_F is bounded above by a ceiling integer square root, ε² by the resulting rational, ε by a rational
/// square root rounded up (64 bits and more), and that by the smallest double not below it.
/// </remarks>
public static class EigenResidualCertificate
{
    /// <summary>The largest |t| accepted: 2^t spans twice the double range, enough for any power-of-two scaling of H.</summary>
    public const int MaxExponent = 4200;

    /// <summary>
    /// ε ≥ ‖R‖_F/√(1 − ‖E‖_F) in H's units: sorted, the eigenvalues of H (its symmetric part) lie within ε of the sorted
    /// 2^t·λ̂_i, where (λ̂_i, v̂_i) = (<paramref name="values"/>[i], column i of <paramref name="vectors"/>) approximate the
    /// eigenpairs of 2^-t·H, t = <paramref name="exponent"/> (0: of H itself; a power-of-two-scaled solver's pairs with
    /// its scaling exponent otherwise). R = 2^-t·H·V̂ − V̂·diag(λ̂) and E = V̂ᵀV̂ − I exactly; the result is the smallest double
    /// ≥ 2^t·(an upper bound on ‖R‖_F/√(1 − ‖E‖_F)), +∞ beyond double.MaxValue.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// H invalid (<see cref="Require.Symmetric"/>), λ̂ or V̂ non-finite or of another size, |t| above
    /// <see cref="MaxExponent"/>, or ‖E‖_F ≥ 1 (V̂ too far from orthonormal for the bound; a rank-deficient V̂ included).
    /// </exception>
    public static double Radius(Matrix<double> h, IReadOnlyList<double> values, Matrix<double> vectors, int exponent = 0) =>
        Certify(h, values, vectors, exponent).Radius;

    /// <summary>
    /// The radius of <see cref="Radius(Matrix{double}, IReadOnlyList{double}, Matrix{double}, int)"/> and the bound on
    /// ‖E‖_F = ‖V̂ᵀV̂ − I‖_F it used, both rounded up; the second bounds every |‖v̂_i‖₂ − 1| (‖v̂_i‖₂² = 1 + E_ii, and
    /// |√(1 + x) − 1| ≤ |x| for x ≥ −1), as the eigenvector bounds of <see cref="SignGeometry.SignGeometryBounds"/> need.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Radius(Matrix{double}, IReadOnlyList{double}, Matrix{double}, int)"/>.</exception>
    public static EigenResidualBound Certify(Matrix<double> h, IReadOnlyList<double> values, Matrix<double> vectors, int exponent = 0)
    {
        Require.Symmetric(h, nameof(h));
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(vectors);
        int n = h.RowCount;
        Require.SameLength(n, values.Count, nameof(values));
        if (vectors.RowCount != n || vectors.ColumnCount != n)
            throw new ArgumentException($"vectors must be {n}×{n}, got {vectors.RowCount}×{vectors.ColumnCount}.", nameof(vectors));
        for (int i = 0; i < n; i++)
            Require.Finite(values[i], nameof(values));
        foreach (double x in vectors.Enumerate())
            Require.Finite(x, nameof(vectors));
        Require.InRange(exponent, -MaxExponent, MaxExponent, nameof(exponent));

        // Integers: a = (H + Hᵀ)·2^1074 (twice the symmetric part), v = V̂·2^1074, l = λ̂·2^1074.
        var a = new BigInteger[n, n];
        var v = new BigInteger[n, n];
        var l = new BigInteger[n];
        for (int i = 0; i < n; i++)
        {
            l[i] = Integer(values[i]);
            for (int j = 0; j < n; j++)
            {
                a[i, j] = Integer(h[i, j]) + Integer(h[j, i]);
                v[i, j] = Integer(vectors[i, j]);
            }
        }

        // 2^-t = 2^(p − q): N = 2^p·(aV) − 2^(q+1)·(v·l) = R·2^(2149 + q), so ‖R‖_F² = S_R·2^-(4298 + 2q).
        int p = Math.Max(0, -exponent), q = Math.Max(0, exponent);
        BigInteger residual = BigInteger.Zero;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                BigInteger sum = BigInteger.Zero;
                for (int k = 0; k < n; k++)
                    sum += a[i, k] * v[k, j];
                BigInteger entry = (sum << p) - ((v[i, j] * l[j]) << (q + 1));
                residual += entry * entry;
            }

        // G = (V̂ᵀV̂ − I)·2^2148, ‖E‖_F² = S_E·2^-4296.
        BigInteger one = BigInteger.One << 2148;
        BigInteger gram = BigInteger.Zero;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                BigInteger dot = BigInteger.Zero;
                for (int k = 0; k < n; k++)
                    dot += v[k, i] * v[k, j];
                if (i == j)
                    dot -= one;
                gram += dot * dot;
            }
        BigInteger orthogonality = CeilingSqrt(gram); // ≥ ‖E‖_F·2^2148
        if (orthogonality >= one)
            throw new ArgumentException(
                $"vectors are too far from orthonormal: ‖V̂ᵀV̂ − I‖_F ≥ 1 (bounded by {Require.Show(ExactDouble.ToDouble(new Fraction(orthogonality, one)))}), so σ_min(V̂) ≥ √(1 − ‖E‖_F) bounds nothing.",
                nameof(vectors));

        // ε_H² = 2^2t·ε² ≤ S_R·2^-(4298 + 2q − 2t)·2^2148/(2^2148 − c_E) = S_R / ((2^2148 − c_E)·2^(2150 + 2p)).
        BigInteger denominator = (one - orthogonality) << (2150 + 2 * p);
        return new EigenResidualBound(RoundUp(SqrtUpper(residual, denominator)), RoundUp(new Fraction(orthogonality, one)));
    }

    /// <summary>The radius for <see cref="SymmetricEigen.Decompose"/>'s pairs of H (in H's units, t = 0).</summary>
    /// <exception cref="ArgumentException">As <see cref="Radius(Matrix{double}, IReadOnlyList{double}, Matrix{double}, int)"/>.</exception>
    public static double Radius(Matrix<double> h, EigenSystem eigen)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        return Radius(h, eigen.Values, eigen.Vectors);
    }

    /// <summary>x·2^1074 as an integer (exact: every finite double is a multiple of 2^-1074).</summary>
    private static BigInteger Integer(double x) => (ExactDouble.ToFraction(x) * ExactDouble.Pow2(1074)).Numerator;

    /// <summary>⌈√n⌉ for n ≥ 0.</summary>
    private static BigInteger CeilingSqrt(BigInteger n)
    {
        var s = RationalInterval.IntegerSqrt(n);
        return s * s == n ? s : s + 1;
    }

    /// <summary>A rational ≥ √(n/d) (n ≥ 0, d &gt; 0) with at least 64 significant bits: ⌈√(n·d·4^b)⌉/(d·2^b).</summary>
    private static Fraction SqrtUpper(BigInteger n, BigInteger d)
    {
        if (n.IsZero)
            return Fraction.Zero;
        BigInteger product = n * d;
        int b = Math.Max(0, 64 - (int)(product.GetBitLength() / 2));
        return new Fraction(CeilingSqrt(product << (2 * b)), d << b);
    }

    /// <summary>The smallest double ≥ x ≥ 0 (+∞ above the range).</summary>
    private static double RoundUp(Fraction x) => RationalInterval.Exact(x).UpperAsDouble;
}

/// <summary>
/// <see cref="EigenResidualCertificate.Certify"/>'s result: sorted, each eigenvalue of H within <paramref name="Radius"/>
/// of the sorted computed ones (ε ≥ ‖R‖_F/√(1 − ‖E‖_F)), and <paramref name="Orthogonality"/> ≥ ‖V̂ᵀV̂ − I‖_F.
/// </summary>
/// <param name="Radius">ε, in H's units, rounded up.</param>
/// <param name="Orthogonality">An upper bound on ‖E‖_F, below 1.</param>
public sealed record EigenResidualBound(double Radius, double Orthogonality);
