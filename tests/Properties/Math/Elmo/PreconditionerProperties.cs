using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>Eq. (1)'s sign convention, the eigendecomposition, and Lemma 3.2's preconditioner on whole matrices.</summary>
[Properties(Arbitrary = [typeof(MathArbitraries)], MaxTest = 300)]
public class PreconditionerProperties
{
    private static (Matrix<double> H, Vector<double> G, Vector<double> L) Build(SymmetricProblem p) =>
        (Matrix<double>.Build.DenseOfArray(p.Hessian), Vector<double>.Build.DenseOfArray(p.Gradient), Vector<double>.Build.DenseOfArray(p.Lipschitz));

    /// <summary>Ascending eigenvalues, orthonormal V, ∇fᵀv_i ≤ 0 (eq. 1), and V·diag(λ)·Vᵀ = H.</summary>
    [Property]
    public Property Decompose_SortsOrientsAndReconstructs(SymmetricProblem p)
    {
        var (h, g, _) = Build(p);
        var e = SymmetricEigen.Decompose(h, g);
        double norm = Math.Max(h.L2Norm(), 1e-300);
        bool sorted = e.Values.Zip(e.Values.Skip(1)).All(t => t.First <= t.Second);
        bool oriented = e.GradientProjections.All(x => x <= 0);
        double reconstruction = (e.Vectors * Matrix<double>.Build.DiagonalOfDiagonalArray(e.Values) * e.Vectors.Transpose() - h).L2Norm();
        double orthogonality = (e.Vectors.Transpose() * e.Vectors - Matrix<double>.Build.DenseIdentity(e.Dimension)).L2Norm();
        return (sorted && oriented && reconstruction <= Tolerances.EigenRelative * norm && orthogonality <= Tolerances.EigenRelative)
            .Label($"sorted {sorted}, oriented {oriented}, ‖VΛVᵀ − H‖ = {reconstruction:R} (‖H‖ = {norm:R}), ‖VᵀV − I‖ = {orthogonality:R}");
    }

    /// <summary>Φ^ELMO is symmetric PSD and −Φ∇f equals ELMO's step wherever no eigenspace has g_i = 0 with λ_i ≤ 0.</summary>
    [Property]
    public Property Preconditioner_IsPsdAndReproducesElmoStep(SymmetricProblem p)
    {
        var (h, g, l) = Build(p);
        var e = SymmetricEigen.Decompose(h, g);
        var phi = ElmoPreconditioner.Compute(h, g, l);
        double scale = Math.Max(phi.L2Norm(), 1e-300);
        bool symmetric = (phi - phi.Transpose()).L2Norm() <= 1e-12 * scale;
        bool psd = ElmoPreconditioner.Factors(e, l).All(x => x >= 0);
        if (ElmoPreconditioner.SingularDirections(e).Length > 0)
            return (symmetric && psd).Label("singular direction present: only symmetry and PSD are checked here (the catalog's elmo/lemma-3.2 covers the step)");
        var quasiNewton = -(phi * g);
        var elmo = ElmoStep.StepVector(h, g, l);
        double diff = (quasiNewton - elmo).L2Norm();
        double size = Math.Max(elmo.L2Norm(), 1e-300);
        // Eigenvectors of nearly repeated eigenvalues are ill-determined, but Φ and the step use the same V: 1e-10 relative.
        return (symmetric && psd && diff <= 1e-10 * size).Label($"symmetric {symmetric}, psd {psd}, ‖−Φ∇f − Δθ*‖ = {diff:R} vs ‖Δθ*‖ = {size:R}");
    }
}
