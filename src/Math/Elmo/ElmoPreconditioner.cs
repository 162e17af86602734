using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Elmo;

/// <summary>
/// ELMO's preconditioner of elmo-amos Lemma 3.2:
/// Φ^ELMO = ((H + √(H² + 2V·diag(L_i|g_i|)·Vᵀ))/2)⁻¹ = V·diag(φ_i)·Vᵀ with φ_i = 2/(λ_i + √(λ_i² + 2L_i|g_i|)).
/// </summary>
/// <remarks>
/// φ_i is evaluated without cancellation: 2/(λ + S) for λ ≥ 0 and (S + |λ|)/(L|g|) for λ &lt; 0
/// (the same rationalization as <see cref="ElmoStep.Step"/>), so φ_i = x*_i/|g_i| whenever g_i ≠ 0.
/// Where g_i = 0 and λ_i ≤ 0 the matrix being inverted is singular along v_i; this implementation
/// returns the Moore–Penrose pseudo-inverse there (φ_i = 0), and <see cref="SingularDirections"/> lists those i.
/// </remarks>
public static class ElmoPreconditioner
{
    /// <summary>Φ^ELMO for Hessian H, gradient ∇f and per-eigenspace L_i (ascending-eigenvalue order).</summary>
    /// <remarks>
    /// Range: every finite symmetric H and finite ∇f that <see cref="SymmetricEigen.Decompose"/> accepts, every
    /// finite L_i &gt; 0, provided every φ_i and every entry of V·diag(φ)·Vᵀ is at most double.MaxValue (outside that
    /// range Φ is not representable and an <see cref="ArgumentException"/> says which φ_i or entry overflows).
    /// Accuracy: each φ_i is within 1 ulp of φ of the computed λ_i and |g_i| (<see cref="Factor"/>); the
    /// reassembly adds at most about (n + 2)·2^-53·max_i φ_i to each entry, and the eigendecomposition's backward error
    /// (<see cref="SymmetricEigen.Decompose"/>) enters through λ_i, g_i and V.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// non-symmetric H, non-finite input, non-positive L_i, dimension mismatch, or a φ_i or entry of Φ above double.MaxValue.
    /// </exception>
    public static Matrix<double> Compute(Matrix<double> hessian, Vector<double> gradient, Vector<double> lipschitz)
    {
        var eigen = SymmetricEigen.Decompose(hessian, gradient);
        var phi = Factors(eigen, lipschitz);
        for (int i = 0; i < phi.Length; i++)
            if (double.IsInfinity(phi[i]))
                throw new ArgumentException(
                    $"Φ^ELMO is not representable: φ_{i} = 2/(λ_i + √(λ_i² + 2L_i|g_i|)) exceeds double.MaxValue for λ_i = {Require.Show(eigen.Values[i])}, " +
                    $"|g_i| = {Require.Show(Math.Abs(eigen.GradientProjections[i]))}, L_i = {Require.Show(lipschitz[i])}; Compute's range needs every φ_i ≤ double.MaxValue.",
                    eigen.Values[i] >= 0 ? nameof(hessian) : nameof(gradient));
        var v = eigen.Vectors;
        var result = v * Matrix<double>.Build.DiagonalOfDiagonalArray(phi) * v.Transpose();
        for (int i = 0; i < result.RowCount; i++)
            for (int j = 0; j < result.ColumnCount; j++)
                if (!double.IsFinite(result[i, j]))
                    throw new ArgumentException(
                        $"Φ^ELMO is not representable: entry [{i},{j}] of V·diag(φ)·Vᵀ overflows (max φ_i = {Require.Show(phi.Max())}); Compute's range needs every entry ≤ double.MaxValue.",
                        nameof(hessian));
        return result;
    }

    /// <summary>The eigenvalues φ_i of Φ^ELMO along the eigenvectors of <paramref name="eigen"/> (see <see cref="Factor"/>).</summary>
    /// <exception cref="ArgumentException">non-positive or non-finite L_i, dimension mismatch.</exception>
    public static double[] Factors(EigenSystem eigen, Vector<double> lipschitz)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        Require.Positive(lipschitz, nameof(lipschitz));
        Require.SameLength(eigen.Dimension, lipschitz.Count, nameof(lipschitz));
        var phi = new double[eigen.Dimension];
        for (int i = 0; i < phi.Length; i++)
            phi[i] = FactorUnchecked(eigen.Values[i], Math.Abs(eigen.GradientProjections[i]), lipschitz[i]);
        return phi;
    }

    /// <summary>φ = 2/(λ + √(λ² + 2L|g|)) for one eigenspace; 0 (pseudo-inverse) where λ ≤ 0 and |g| = 0.</summary>
    /// <remarks>
    /// Domain: every finite λ, finite |g| ≥ 0 and finite L &gt; 0, subnormals and signed zeros included. Evaluated
    /// like <see cref="ElmoStep.Step"/> (exact power-of-two splitting, S in double-double): within 1 ulp of the exact
    /// value everywhere, and +∞ exactly when the exact φ is at least double.MaxValue + ½ ulp (e.g. 1/λ for a
    /// subnormal λ &gt; 0 with |g| = 0, or (S + |λ|)/(L|g|) for a subnormal L|g|): the value then lies above the
    /// double range.
    /// </remarks>
    /// <exception cref="ArgumentException">λ not finite, |g| negative or not finite, L not positive or not finite.</exception>
    public static double Factor(double lambda, double gradMagnitude, double lipschitz)
    {
        ElmoStep.RequireEigenspace(lambda, gradMagnitude, lipschitz);
        return FactorUnchecked(lambda, gradMagnitude, lipschitz);
    }

    private static double FactorUnchecked(double lambda, double gradMagnitude, double lipschitz)
    {
        if (gradMagnitude == 0 && lambda <= 0)
            return 0.0; // singular along v: the pseudo-inverse's 0
        var root = ScaledRoot.Of(lambda, gradMagnitude, lipschitz);
        var l = ExactDouble.ToFraction(lambda);
        if (lambda >= 0)
        {
            // 2/(λ + S) = (1/(S + |λ|)·2^-e)·2; φ ≥ T ⟺ λ + S ≤ 2/T ⟺ S ≤ 2/T − λ.
            return ScaledRoot.Scale(root.DivideInto(1.0), 1 - root.Exponent,
                t => ScaledRoot.CompareRoot(lambda, gradMagnitude, lipschitz, 2 / t - l) <= 0);
        }
        // (S + |λ|)/(L|g|) with L|g| = (m_L·m_g)·2^(e_L + e_g) held exactly as a double-double;
        // φ ≥ T ⟺ S − λ ≥ T·L|g| ⟺ S ≥ T·L|g| + λ.
        double dh = root.LipschitzMantissa * root.GradMantissa;
        double dl = Math.FusedMultiplyAdd(root.LipschitzMantissa, root.GradMantissa, -dh);
        return ScaledRoot.Scale(root.Divide(dh, dl), root.Exponent - root.LipschitzExponent - root.GradExponent,
            t => ScaledRoot.CompareRoot(lambda, gradMagnitude, lipschitz,
                t * ExactDouble.ToFraction(lipschitz) * ExactDouble.ToFraction(gradMagnitude) + l) >= 0);
    }

    /// <summary>Indices i where g_i = 0 and λ_i ≤ 0, i.e. where Lemma 3.2's inverse does not exist.</summary>
    public static int[] SingularDirections(EigenSystem eigen)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        return Enumerable.Range(0, eigen.Dimension)
            .Where(i => eigen.GradientProjections[i] == 0 && eigen.Values[i] <= 0).ToArray();
    }
}
