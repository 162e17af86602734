using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Verification.Math;

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
    /// <exception cref="ArgumentException">non-symmetric or non-finite matrix, non-finite gradient, dimension mismatch.</exception>
    public static EigenSystem Decompose(Matrix<double> hessian, Vector<double> gradient)
    {
        Require.Symmetric(hessian, nameof(hessian));
        Require.Finite(gradient, nameof(gradient));
        Require.SameLength(hessian.RowCount, gradient.Count, nameof(gradient));

        int n = hessian.RowCount;
        // Symmetrize exactly so that tiny asymmetries accepted by Require.Symmetric do not reach the solver.
        var h = (hessian + hessian.Transpose()) / 2;
        Evd<double> evd = h.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n).OrderBy(i => evd.EigenValues[i].Real).ToArray();

        var values = new double[n];
        var vectors = Matrix<double>.Build.Dense(n, n);
        var projections = new double[n];
        for (int k = 0; k < n; k++)
        {
            var v = evd.EigenVectors.Column(order[k]);
            v /= v.L2Norm();
            double gv = gradient.DotProduct(v);
            if (gv > 0 || (gv == 0 && v[v.AbsoluteMaximumIndex()] < 0))
            {
                v = -v;
                gv = -gv;
            }
            values[k] = evd.EigenValues[order[k]].Real;
            vectors.SetColumn(k, v);
            projections[k] = gv == 0 ? 0.0 : gv; // no −0.0 in reports
        }
        return new EigenSystem(values, vectors, projections);
    }
}
