using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Verification.Numerics;

/// <summary>
/// An orthogonal eigendecomposition H = V·diag(λ)·Vᵀ (elmo-amos Notation 2) with ascending eigenvalues
/// (Assumption 2's ordering) and eigenvectors oriented by eq. (1): ∇f(θ_t)ᵀv_i ≤ 0.
/// </summary>
/// <param name="Values">λ_1 ≤ … ≤ λ_n.</param>
/// <param name="Vectors">Column i is v_i.</param>
/// <param name="GradientProjections">g_i = ∇fᵀv_i, each ≤ 0.</param>
public sealed record EigenSystem(double[] Values, Matrix<double> Vectors, double[] GradientProjections)
{
    /// <summary>n, the dimension.</summary>
    public int Dimension => Values.Length;
}

/// <summary>Symmetric eigendecomposition with the ordering and sign convention of elmo-amos §2.1.</summary>
public static class SymmetricEigen
{
    /// <summary>
    /// Decomposes a symmetric <paramref name="hessian"/> and orients each eigenvector so that
    /// <paramref name="gradient"/>ᵀv_i ≤ 0 (eq. 1). Where ∇fᵀv_i = 0 both orientations satisfy eq. (1);
    /// the one whose largest-magnitude component is positive is chosen, so the result is deterministic.
    /// </summary>
    /// <remarks>
    /// Range: every finite symmetric H and finite ∇f (subnormals to ±double.MaxValue) whose eigenvalues and
    /// projections ∇fᵀv_i are at most double.MaxValue in magnitude (|λ_i| ≤ ‖H‖₂ ≤ n·max|H_jk| and
    /// |∇fᵀv_i| ≤ ‖∇f‖₂ can exceed it only for entries within a factor n of double.MaxValue).
    /// H and ∇f are scaled by exact powers of two (largest entry in [1, 2)) before the dense symmetric solver
    /// (Householder tridiagonalization and implicit QL) runs, and the results are scaled back, so the solver never
    /// under- or overflows; the decomposition is scale-equivariant: H → 2^k·H gives λ → 2^k·λ and the same V exactly.
    /// Accuracy: backward stable, V·diag(λ)·Vᵀ = H + E with ‖E‖₂ and ‖VᵀV − I‖₂·‖H‖₂ of order n·2^-52·‖H‖₂ (so each λ_i is
    /// within that of an exact eigenvalue, by Weyl); entries of H below 2^-1074 relative to its largest entry are
    /// rounded to the subnormal grid by the scaling, and off-diagonal ones below 2^-1022 relative are then set to 0 (the
    /// solver failed on a subnormal off-diagonal entry), errors of the same kind and far smaller. The projections
    /// ∇fᵀv_i are dot products of the computed v_i with ∇f, accurate to about n·2^-53·‖∇f‖₂. These orders of magnitude
    /// are the solver's usual backward error, not proven constants; <see cref="EigenResidualCertificate.Radius(Matrix{double}, EigenSystem)"/>
    /// certifies a given decomposition exactly (sorted, each exact λ_i within its ε of the computed one).
    /// A diagonal H (every off-diagonal entry ±0) is decomposed exactly at any spread of its entries: λ the diagonal sorted
    /// (ties in index order), v_i = ±e_i and ∇fᵀv_i = −|∇f_i|, with no scaling and no solver (the scaling had rounded
    /// entries below 2^-1074 relative to the largest to the subnormal grid or 0: diag(1e308, −5.6e-37) lost −5.6e-37, and
    /// Newton's Δθ₂ came out 0 for 3.8e63).
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// non-symmetric or non-finite matrix, non-finite gradient, dimension mismatch, or an eigenvalue or projection
    /// beyond double.MaxValue.
    /// </exception>
    public static EigenSystem Decompose(Matrix<double> hessian, Vector<double> gradient)
    {
        Require.Symmetric(hessian, nameof(hessian));
        Require.Finite(gradient, nameof(gradient));
        Require.SameLength(hessian.RowCount, gradient.Count, nameof(gradient));

        int n = hessian.RowCount;
        if (IsDiagonal(hessian))
            return DecomposeDiagonal(hessian, gradient);
        // Exact power-of-two scalings: the solver and the dot products then work on entries of size ≤ 2.
        int hessianExponent = BinaryExponent.OfLargest(hessian.Enumerate());
        int gradientExponent = BinaryExponent.OfLargest(gradient.Enumerate());
        var scaled = hessian.Map(x => Math.ScaleB(x, -hessianExponent));
        var scaledGradient = gradient.Map(x => Math.ScaleB(x, -gradientExponent));
        // Symmetrize exactly so that tiny asymmetries accepted by Require.Symmetric do not reach the solver; off-diagonal
        // entries below 2^-1022 are then set to 0, as the solver threw an IndexOutOfRangeException on one.
        var h = (scaled + scaled.Transpose()) / 2;
        Evd<double> evd = SubnormalFlush.OffDiagonal(h).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n).OrderBy(i => evd.EigenValues[i].Real).ToArray();

        var values = new double[n];
        var vectors = Matrix<double>.Build.Dense(n, n);
        var projections = new double[n];
        for (int k = 0; k < n; k++)
        {
            var v = evd.EigenVectors.Column(order[k]);
            v /= v.L2Norm();
            double gv = scaledGradient.DotProduct(v);
            if (gv > 0 || (gv == 0 && v[v.AbsoluteMaximumIndex()] < 0))
            {
                v = -v;
                gv = -gv;
            }
            values[k] = Math.ScaleB(evd.EigenValues[order[k]].Real, hessianExponent);
            vectors.SetColumn(k, v);
            projections[k] = gv == 0 ? 0.0 : Math.ScaleB(gv, gradientExponent); // no −0.0 in reports
            if (double.IsInfinity(values[k]))
                throw new ArgumentException(
                    $"hessian has an eigenvalue beyond the double range (|λ| > double.MaxValue, ‖H‖₂ ≈ {Require.Show(Math.ScaleB(h.L2Norm(), hessianExponent))}); Decompose's range needs every |λ_i| ≤ double.MaxValue.",
                    nameof(hessian));
            if (double.IsInfinity(projections[k]))
                throw new ArgumentException(
                    $"gradient has a projection ∇fᵀv_i beyond the double range (‖∇f‖₂ ≈ {Require.Show(Math.ScaleB(scaledGradient.L2Norm(), gradientExponent))}); Decompose's range needs every |∇fᵀv_i| ≤ double.MaxValue.",
                    nameof(gradient));
        }
        return new EigenSystem(values, vectors, projections);
    }

    private static bool IsDiagonal(Matrix<double> hessian)
    {
        for (int i = 0; i < hessian.RowCount; i++)
            for (int j = 0; j < hessian.ColumnCount; j++)
                if (i != j && hessian[i, j] != 0)
                    return false;
        return true;
    }

    /// <summary>The exact decomposition of a diagonal H: sorted diagonal, v_i = ±e_i oriented by eq. (1), ∇fᵀv_i = −|∇f_i|.</summary>
    private static EigenSystem DecomposeDiagonal(Matrix<double> hessian, Vector<double> gradient)
    {
        int n = hessian.RowCount;
        var order = Enumerable.Range(0, n).OrderBy(i => hessian[i, i]).ThenBy(i => i).ToArray();
        var values = new double[n];
        var vectors = Matrix<double>.Build.Dense(n, n);
        var projections = new double[n];
        for (int k = 0; k < n; k++)
        {
            int i = order[k];
            values[k] = hessian[i, i] == 0 ? 0.0 : hessian[i, i]; // no −0.0 eigenvalue
            // ∇fᵀe_i = ∇f_i: e_i where it is ≤ 0 (0 included: e_i's largest component is positive), −e_i where it is > 0.
            vectors[i, k] = gradient[i] > 0 ? -1.0 : 1.0;
            projections[k] = gradient[i] == 0 ? 0.0 : -Math.Abs(gradient[i]);
        }
        return new EigenSystem(values, vectors, projections);
    }
}
