using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Verification.Math.SignGeometry;

/// <summary>
/// The bounds on ‖H‖∞,1 of balles-thesis §6.4.2 and the quantities they use: ρ_diag (Prop. 6.4), the eigenvector bound
/// of Prop. 6.5, the lower bound of eq. (6.21), and the density φ of eq. (6.29).
/// </summary>
public static class SignGeometryBounds
{
    /// <summary>ρ_diag(H) = Σ_i|H_ii| / Σ_{i,j}|H_ij| (Prop. 6.4), in [1/d, 1].</summary>
    /// <exception cref="ArgumentException"><paramref name="h"/> is invalid or zero (ρ_diag is 0/0 there).</exception>
    public static double RhoDiag(Matrix<double> h)
    {
        Require.Symmetric(h, nameof(h));
        double all = EntrywiseL1(h);
        if (all == 0)
            throw new ArgumentException("h must be nonzero: ρ_diag(0) = 0/0 is undefined.", nameof(h));
        double diag = 0;
        for (int i = 0; i < h.RowCount; i++)
            diag += System.Math.Abs(h[i, i]);
        return diag / all;
    }

    /// <summary>Σ_{i,j}|H_ij|, the bound (C.48) on ‖H‖∞,1 for any matrix.</summary>
    public static double EntrywiseL1(Matrix<double> h)
    {
        Require.Symmetric(h, nameof(h));
        double s = 0;
        for (int i = 0; i < h.RowCount; i++)
            for (int j = 0; j < h.ColumnCount; j++)
                s += System.Math.Abs(h[i, j]);
        return s;
    }

    /// <summary>Prop. 6.4's right-hand side ρ_diag(H)⁻¹ Σ_i λ_i, as written (for PSD H it equals Σ_{i,j}|H_ij|).</summary>
    /// <exception cref="ArgumentException"><paramref name="h"/> is invalid or zero.</exception>
    public static double Prop64Bound(Matrix<double> h)
    {
        double rho = RhoDiag(h);
        return Eigen(h).EigenValues.Sum(l => l.Real) / rho;
    }

    /// <summary>Prop. 6.5's right-hand side Σ_i |λ_i|·‖v^(i)‖₁² with orthonormal eigenvectors v^(i).</summary>
    public static double Prop65Bound(Matrix<double> h)
    {
        Require.Symmetric(h, nameof(h));
        var evd = Eigen(h);
        double s = 0;
        for (int i = 0; i < h.RowCount; i++)
        {
            double l1 = evd.EigenVectors.Column(i).L1Norm();
            s += System.Math.Abs(evd.EigenValues[i].Real) * l1 * l1;
        }
        return s;
    }

    /// <summary>Eq. (6.21): max_i |λ_i|·‖v^(i)‖₁/‖v^(i)‖∞, a lower bound on ‖H‖∞,1.</summary>
    public static double Eq621LowerBound(Matrix<double> h)
    {
        Require.Symmetric(h, nameof(h));
        var evd = Eigen(h);
        double best = 0;
        for (int i = 0; i < h.RowCount; i++)
        {
            var v = evd.EigenVectors.Column(i);
            best = System.Math.Max(best, System.Math.Abs(evd.EigenValues[i].Real) * v.L1Norm() / v.InfinityNorm());
        }
        return best;
    }

    /// <summary>L₂ = ‖H‖₂ = max_i |λ_i|, the Euclidean smoothness constant of ½θᵀHθ.</summary>
    public static double SpectralNorm(Matrix<double> h)
    {
        Require.Symmetric(h, nameof(h));
        return Eigen(h).EigenValues.Max(l => System.Math.Abs(l.Real));
    }

    /// <summary>φ(ω) = ‖ω‖₁² / (d‖ω‖₂²) of eq. (6.29), in [1/d, 1]; computed as (‖ω‖₁/‖ω‖₂)²/d to avoid overflow.</summary>
    /// <exception cref="ArgumentException"><paramref name="omega"/> is non-finite or zero (φ(0) = 0/0).</exception>
    public static double Density(Vector<double> omega)
    {
        Require.Finite(omega, nameof(omega));
        double scale = omega.InfinityNorm();
        if (scale == 0)
            throw new ArgumentException("omega must be nonzero: φ(0) = 0/0 is undefined.", nameof(omega));
        var w = omega / scale;
        double ratio = w.L1Norm() / w.L2Norm();
        return ratio * ratio / omega.Count;
    }

    private static Evd<double> Eigen(Matrix<double> h) => h.Evd(Symmetricity.Symmetric);
}
