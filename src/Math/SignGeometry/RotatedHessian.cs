using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.SignGeometry;

/// <summary>
/// The rotated Hessians of balles-thesis Figs. 6.1–6.3 and appendices C.2, C.4: H = Q Λ Qᵀ with Λ = diag(1, …, 1, λ_max).
/// In 2-D Q is the rotation by ω; in d dimensions Q = exp(φS) for a seeded skew-symmetric S, so φ = 0 is axis-aligned and φ
/// rotates the eigenvectors further along one fixed direction (C.4 uses R^φ = exp(φ·log R) for a Haar-random R; here S is a
/// seeded Gaussian skew-symmetric matrix instead of log R, the same one-parameter-subgroup construction).
/// </summary>
public static class RotatedHessian
{
    /// <summary>H = R(ω) diag(1, λ_max) R(ω)ᵀ, the 2-D example of appendix C.2 with λ_min = 1.</summary>
    /// <remarks>
    /// Range: every finite λ_max ≥ 1 (up to double.MaxValue) and finite ω. Accuracy: each entry within 4·2^-53·λ_max of
    /// R(ω)ΛR(ω)ᵀ for the platform's cos ω and sin ω (themselves within an ulp or so, so cos² + sin² ≤ 1 + 4·2^-53): the
    /// diagonal entries carry three roundings, the averaged off-diagonal ones at most 3.5·2^-53·λ_max. H is exactly
    /// symmetric.
    /// </remarks>
    /// <exception cref="ArgumentException">λ_max not finite and ≥ 1, or ω not finite.</exception>
    public static Matrix<double> TwoDimensional(double lambdaMax, double omega)
    {
        if (!(lambdaMax >= 1) || !double.IsFinite(lambdaMax))
            throw new ArgumentException($"lambdaMax must be finite and ≥ 1, got {Require.Show(lambdaMax)}.", nameof(lambdaMax));
        Require.Finite(omega, nameof(omega));
        double c = Math.Cos(omega), s = Math.Sin(omega);
        var q = Matrix<double>.Build.DenseOfArray(new[,] { { c, -s }, { s, c } });
        return Symmetrize(q * Matrix<double>.Build.DiagonalOfDiagonalArray([1, lambdaMax]) * q.Transpose());
    }

    /// <summary>A seeded skew-symmetric S (entries N(0, 1)/√d above the diagonal) for <see cref="Rotate"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> &lt; 1.</exception>
    public static Matrix<double> SeededSkew(int dimension, int seed)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        var random = new System.Random(seed);
        var s = Matrix<double>.Build.Dense(dimension, dimension);
        for (int i = 0; i < dimension; i++)
            for (int j = i + 1; j < dimension; j++)
            {
                double z = StandardNormal.Draw(random) / Math.Sqrt(dimension);
                s[i, j] = z;
                s[j, i] = -z;
            }
        return s;
    }

    /// <summary>H = exp(φS) diag(1, …, 1, λ_max) exp(φS)ᵀ (Fig. 6.3's family, dimension of S).</summary>
    /// <remarks>
    /// Range: finite λ_max ≥ 1 (up to double.MaxValue), finite φ and skew-symmetric S with |φ|·‖S‖∞ ≤
    /// <see cref="MaxRotation"/>. exp is evaluated by scaling and squaring (s squarings of a 20-term Taylor sum). Accuracy,
    /// derived a priori for S exactly skew-symmetric and d ≤ 64 (an S accepted as skew only to within ‖S + Sᵀ‖∞ ≤
    /// 10⁻¹²·max(1, ‖S‖∞) is replaced by the exactly skew K = S/2 − Sᵀ/2, and the bound is against exp(φK) with ‖K‖∞ for
    /// ‖S‖∞; u = 2^-53, ρ = |φ|·‖S‖∞): each entry of H is within
    /// λ_max·(2η + (d + 2)u)·(1 + 2^-7) of exp(φS)Λexp(φS)ᵀ, where ‖Q − exp(φS)‖₂ ≤ η = uρ + N·(min(22u, 0.6x²) +
    /// 0.71(d + 2)u·x²) + (N − 1)d²u, x = min(ρ, 1/2)(1 + 2^-40) bounds the scaled ‖φS‖∞/2^s and N = max(1, 4ρ(1 + 2^-40))
    /// bounds 2^s: the rounding of φS, the Taylor sum's roundings and truncation, then each squaring doubles the error and
    /// adds d²u (d·u per inner product, ‖|Q||Q|‖₂ ≤ d). For large ρ that is about (8d² + 1.5d + 181)ρuλ_max (478ρuλ_max at d = 6;
    /// at most 14.5ρuλ_max is measured, at d = 2). The steps are in the tests' RotatedHessianDerivedBound. At <see cref="MaxRotation"/>
    /// η stays below 2^-14 for d ≤ 64; beyond it the call is rejected. H is exactly symmetric, finite, and each entry within
    /// [−λ_max, λ_max] (where the exact one lies; for λ_max ≥ 2^1001 QΛQᵀ is formed with Λ scaled by an exact power of two).
    /// </remarks>
    /// <exception cref="ArgumentException">λ_max not finite and ≥ 1, φ not finite, S not skew-symmetric, or |φ|·‖S‖∞ too large.</exception>
    public static Matrix<double> Rotate(double lambdaMax, Matrix<double> skew, double phi)
    {
        if (!(lambdaMax >= 1) || !double.IsFinite(lambdaMax))
            throw new ArgumentException($"lambdaMax must be finite and ≥ 1, got {Require.Show(lambdaMax)}.", nameof(lambdaMax));
        Require.Finite(phi, nameof(phi));
        ArgumentNullException.ThrowIfNull(skew);
        int d = skew.RowCount;
        if (d == 0 || skew.ColumnCount != d || (skew + skew.Transpose()).InfinityNorm() > 1e-12 * Math.Max(1, skew.InfinityNorm()))
            throw new ArgumentException("skew must be a non-empty square skew-symmetric matrix.", nameof(skew));
        double rotation = Math.Abs(phi) * skew.InfinityNorm();
        if (!(rotation <= MaxRotation))
            throw new ArgumentException(
                $"|phi|·‖skew‖∞ must be ≤ {MaxRotation} (exp(φS) by scaling and squaring loses accuracy beyond it), got {Require.Show(rotation)}.", nameof(phi));
        var q = Exp(phi * SkewPart(skew));
        // Λ scaled by 2^-k (exactly) so that no product reaches ∞, and each entry cut to [−λ_max, λ_max], where the exact
        // one lies: at λ_max = double.MaxValue and Q near I, λ_max·Q̂_dd² with Q̂_dd just above 1 had given H_dd = +∞.
        int k = Math.Max(0, Math.ILogB(lambdaMax) - 1000);
        double top = Math.ScaleB(lambdaMax, -k);
        var lambda = Enumerable.Repeat(Math.ScaleB(1.0, -k), d).ToArray();
        lambda[d - 1] = top;
        var h = q * Matrix<double>.Build.DiagonalOfDiagonalArray(lambda) * q.Transpose();
        h.MapInplace(x => Math.Clamp(x, -top, top), Zeros.Include);
        var symmetric = Symmetrize(h);
        if (k > 0)
            symmetric.MapInplace(x => Math.ScaleB(x, k), Zeros.Include);
        return symmetric;
    }

    /// <summary>
    /// S itself where it is exactly skew-symmetric (bit for bit), else K = S/2 − Sᵀ/2, which is: K_ji = S_ji/2 − S_ij/2 is
    /// −K_ij exactly, as rounding to nearest is symmetric in sign. Rotate's derived bound holds for an exactly skew matrix
    /// only; an S skew only to within the accepted tolerance had given exp(φS), not orthogonal, which no stated bound covered.
    /// </summary>
    private static Matrix<double> SkewPart(Matrix<double> s)
    {
        bool exact = true;
        for (int i = 0; i < s.RowCount && exact; i++)
            for (int j = i; j < s.ColumnCount && exact; j++)
                exact = s[i, j] == -s[j, i];
        return exact ? s : Matrix<double>.Build.Dense(s.RowCount, s.ColumnCount, (i, j) => 0.5 * s[i, j] - 0.5 * s[j, i]);
    }

    /// <summary>Largest |φ|·‖S‖∞ accepted by <see cref="Rotate"/>: 2^24, where <see cref="Rotate"/>'s derived η stays below 2^-14 for d ≤ 64.</summary>
    public const double MaxRotation = 16777216;

    /// <summary>e^A by scaling and squaring with a 20-term Taylor series (‖A/2^s‖∞ ≤ 1/2, truncation below 1e-25).</summary>
    private static Matrix<double> Exp(Matrix<double> a)
    {
        int s = Math.Max(0, (int)Math.Ceiling(Math.Log2(a.InfinityNorm() + 1e-300)) + 1);
        var x = a / Math.Pow(2, s);
        var term = Matrix<double>.Build.DenseIdentity(a.RowCount);
        var sum = term.Clone();
        for (int k = 1; k <= 20; k++)
        {
            term = term * x / k;
            sum += term;
        }
        for (int i = 0; i < s; i++)
            sum *= sum;
        return sum;
    }

    /// <summary>
    /// Both H_ij and H_ji set to H_ij + (H_ji − H_ij)/2: exactly symmetric, and unlike (H + Hᵀ)/2 it cannot overflow
    /// for entries near double.MaxValue (H_ij and H_ji differ only by rounding).
    /// </summary>
    private static Matrix<double> Symmetrize(Matrix<double> h)
    {
        var result = h.Clone();
        for (int i = 0; i < h.RowCount; i++)
            for (int j = i + 1; j < h.ColumnCount; j++)
            {
                double mean = h[i, j] + (h[j, i] - h[i, j]) / 2;
                result[i, j] = mean;
                result[j, i] = mean;
            }
        return result;
    }
}
