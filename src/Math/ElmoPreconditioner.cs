using MathNet.Numerics.LinearAlgebra;

namespace Verification.Math;

/// <summary>
/// ELMO's preconditioner of elmo-amos Lemma 3.2:
/// Φ^ELMO = ((H + √(H² + 2V·diag(L_i|g_i|)·Vᵀ))/2)⁻¹ = V·diag(φ_i)·Vᵀ with φ_i = 2/(λ_i + √(λ_i² + 2L_i|g_i|)).
/// </summary>
/// <remarks>
/// φ_i is evaluated without cancellation: 2/(λ + S) for λ ≥ 0 and (S + |λ|)/(L|g|) for λ &lt; 0
/// (the same rationalization as <see cref="Elmo.Step"/>), so φ_i = x*_i/|g_i| whenever g_i ≠ 0.
/// Where g_i = 0 and λ_i ≤ 0 the matrix being inverted is singular along v_i; this implementation
/// returns the Moore–Penrose pseudo-inverse there (φ_i = 0), and <see cref="SingularDirections"/> lists those i.
/// </remarks>
public static class ElmoPreconditioner
{
    /// <summary>Φ^ELMO for Hessian H, gradient ∇f and per-eigenspace L_i (ascending-eigenvalue order).</summary>
    /// <exception cref="ArgumentException">non-symmetric H, non-finite input, non-positive L_i, dimension mismatch.</exception>
    public static Matrix<double> Compute(Matrix<double> hessian, Vector<double> gradient, Vector<double> lipschitz)
    {
        var eigen = SymmetricEigen.Decompose(hessian, gradient);
        var phi = Factors(eigen, lipschitz);
        var v = eigen.Vectors;
        return v * Matrix<double>.Build.DiagonalOfDiagonalArray(phi) * v.Transpose();
    }

    /// <summary>The eigenvalues φ_i of Φ^ELMO along the eigenvectors of <paramref name="eigen"/>.</summary>
    public static double[] Factors(EigenSystem eigen, Vector<double> lipschitz)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        Require.Positive(lipschitz, nameof(lipschitz));
        Require.SameLength(eigen.Dimension, lipschitz.Count, nameof(lipschitz));
        var phi = new double[eigen.Dimension];
        for (int i = 0; i < phi.Length; i++)
            phi[i] = Factor(eigen.Values[i], System.Math.Abs(eigen.GradientProjections[i]), lipschitz[i]);
        return phi;
    }

    /// <summary>φ = 2/(λ + √(λ² + 2L|g|)) for one eigenspace; 0 (pseudo-inverse) where λ ≤ 0 and |g| = 0.</summary>
    public static double Factor(double lambda, double gradMagnitude, double lipschitz)
    {
        Require.Finite(lambda, nameof(lambda));
        Require.NonNegative(gradMagnitude, nameof(gradMagnitude));
        Require.Positive(lipschitz, nameof(lipschitz));
        if (gradMagnitude == 0)
            return lambda > 0 ? 1 / lambda : 0.0;
        if (lambda >= 0)
        {
            double s = double.Hypot(lambda, System.Math.Sqrt(2 * lipschitz) * System.Math.Sqrt(gradMagnitude));
            return 2 / (lambda + s);
        }
        return Elmo.StepUnchecked(lambda, gradMagnitude, lipschitz) / gradMagnitude;
    }

    /// <summary>Indices i where g_i = 0 and λ_i ≤ 0, i.e. where Lemma 3.2's inverse does not exist.</summary>
    public static int[] SingularDirections(EigenSystem eigen)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        return Enumerable.Range(0, eigen.Dimension)
            .Where(i => eigen.GradientProjections[i] == 0 && eigen.Values[i] <= 0).ToArray();
    }
}
