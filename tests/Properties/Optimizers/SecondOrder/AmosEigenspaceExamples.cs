using MathNet.Numerics.LinearAlgebra;
using Xunit;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// AMOS's two curvature bases (elmo-amos §4, footnote 2) on one hand-worked problem: U = [[3/5, −4/5], [4/5, 3/5]],
/// φ₁(z) = z²/2 (eigenvalue 1, constant) along u₁, φ₂(z) = 3z²/2 + z⁴/4 (eigenvalue 3 + 3z²) along u₂, z₀ = (1, 1).
/// OPT¹ = SGD(η = 0.05), OPT² = Sophia(η = 0.05, ρ = 1, β₁ = 0.9, β₂ = ½), α_L = 0.7, L_thresh = 1e-6.
/// </summary>
public class AmosEigenspaceExamples
{
    /// <summary>
    /// A step component u_kᵀΔθ against its hand value: |Δz| ≤ 0.05 and V, U, Vᵀ∇f carry a few ulp each, so the
    /// components differ by ≤ ~1e-17; 1e-15 absolute.
    /// </summary>
    private const double StepAbsolute = 1e-15;

    /// <summary>
    /// L against 0.3·|Δλ|/‖Δz‖: the computed eigenvalues carry ≤ ~1e-15 (a few ulp of ‖H‖ ≤ 6) and ‖Δz‖ ≈ 0.012, so
    /// the slope is within ~1e-13; 1e-12 absolute.
    /// </summary>
    private const double LipschitzAbsolute = 1e-12;

    private static readonly RotatedSeparableQuartic F = new(
        Matrix<double>.Build.DenseOfArray(new[,] { { 0.6, -0.8 }, { 0.8, 0.6 } }), [1, 3], [0, 6]);

    private static Vector<double> Theta0 => F.Rotation * Vector<double>.Build.DenseOfArray([1.0, 1.0]);

    private static Amos.AmosRun Start(AmosCurvatureBasis basis) => (Amos.AmosRun)new Amos(
        new Sgd(0.05),
        new SophiaDiagonal(0.05, rho: 1, beta1: 0.9, beta2: 0.5),
        new AmosSettings(1e-6, 0.7, 1e-12, 1, AmosAssignment.PerCoordinate, null, basis)).Start(F, Theta0);

    /// <summary>
    /// Eigenspace basis, by hand. Step 0 (L = 0, both eigenspaces on Sophia): z₁: g = 1, λ = 1, m = 0.1, h = ½, Δz₁ =
    /// −0.05·0.2 = −0.01. z₂: g = 4, λ = 6, m = 0.4, h = 3, Δz₂ = −0.05·(0.4/3) = −1/150. Step 1: λ₂ moves from 6 to
    /// 3 + 3(149/150)² ≈ 5.960, so L₂ = 0.3·|Δλ₂|/(ε₂ + ‖Δz‖) ≈ 0.99 &gt; L_thresh: u₂ goes to SGD; λ₁ does not move, L₁ = 0: u₁ stays
    /// on Sophia with m = 0.9·0.1 + 0.1·0.99 = 0.189, h = ½·½ + ½·1 = 0.75, Δz₁ = −0.05·0.189/0.75 = −0.0126, and u₂
    /// moves by SGD's −0.05·φ₂'(149/150).
    /// </summary>
    [Fact]
    public void EigenspaceBasis_GivesTheConstantEigenspaceSophiaAndTheMovingOneSgd()
    {
        var run = Start(AmosCurvatureBasis.HessianEigenspaces);
        var u1 = F.Rotation.Column(0);
        var u2 = F.Rotation.Column(1);

        var d0 = run.Step();
        Assert.Equal(new[] { false, false }, run.UsesFirstOrder);
        Assert.Equal(-0.01, u1.DotProduct(d0), StepAbsolute);
        Assert.Equal(-1.0 / 150, u2.DotProduct(d0), StepAbsolute);

        var d1 = run.Step();
        Assert.Equal(new[] { false, true }, run.UsesFirstOrder);
        double z2 = 149.0 / 150, lambdaSlope = Math.Abs(3 * z2 * z2 - 3) / (1e-12 + Math.Sqrt(0.01 * 0.01 + 1.0 / 150 / 150));
        Assert.Equal(0, run.Lipschitz[0], LipschitzAbsolute);
        Assert.Equal(0.3 * lambdaSlope, run.Lipschitz[1], LipschitzAbsolute);
        Assert.Equal(-0.0126, u1.DotProduct(d1), StepAbsolute);
        Assert.Equal(-0.05 * F.First(1, z2), u2.DotProduct(d1), StepAbsolute);
    }

    /// <summary>
    /// The eigenspace coordinates keep their orientation between Hessian computations, so a momentum survives a sign change
    /// of the gradient: f = ½(z₁² + 3z₂²) in the same rotated basis, z₀ = (0.02, 0.5), Sophia(η = 0.05, ρ = 0.005, β₁ = 0.9,
    /// β₂ = ½) on both (constant eigenvalues: L = 0). Step 0 along u₁: m = 0.002, ρh = 0.0025, ratio 0.8, Δz₁ = −0.04, so
    /// z₁ = −0.02 and ∇fᵀu₁ changes sign (eq. (1) alone would flip v₁). Step 1: m = 0.9·0.002 + 0.1·(−0.02) = −0.0002,
    /// ρh = 0.005·0.75, Δz₁ = +0.05·0.0002/0.00375 = 1/375. (With the momentum read in a flipped frame the ratio would be
    /// 0.0038/0.00375 &gt; 1, clipped: Δz₁ = +0.05.)
    /// </summary>
    [Fact]
    public void EigenspaceBasis_KeepsTheMomentumThroughAGradientSignChange()
    {
        var f = new RotatedSeparableQuartic(F.Rotation, [1, 3], [0, 0]);
        var theta0 = F.Rotation * Vector<double>.Build.DenseOfArray([0.02, 0.5]);
        var run = (Amos.AmosRun)new Amos(
            new Sgd(0.05),
            new SophiaDiagonal(0.05, rho: 0.005, beta1: 0.9, beta2: 0.5),
            new AmosSettings(1e-6, 0.7, 1e-12, 1, AmosAssignment.PerCoordinate, null, AmosCurvatureBasis.HessianEigenspaces)).Start(f, theta0);
        var u1 = F.Rotation.Column(0);
        Assert.Equal(-0.04, u1.DotProduct(run.Step()), StepAbsolute);
        Assert.Equal(1.0 / 375, u1.DotProduct(run.Step()), StepAbsolute);
        Assert.Equal(new[] { false, false }, run.UsesFirstOrder);
    }

    /// <summary>
    /// Diagonal basis on the same problem: H_jj = U_j1²·1 + U_j2²·(3 + 3z₂²) moves with z₂ in both coordinates
    /// (U_j2² = 0.64, 0.36), so from step 1 both coordinates — and with them the constant eigen-direction u₁ — go to SGD:
    /// the whole step is −η∇f(θ₁).
    /// </summary>
    [Fact]
    public void DiagonalBasis_SendsBothCoordinatesAndSoTheConstantEigenspaceToSgd()
    {
        var run = Start(AmosCurvatureBasis.HessianDiagonal);
        run.Step();
        var theta1 = run.Theta;
        var d1 = run.Step();
        Assert.Equal(new[] { true, true }, run.UsesFirstOrder);
        var sgd = -0.05 * F.Gradient(theta1);
        Assert.Equal(sgd.ToArray(), d1.ToArray());
        Assert.Null(run.Eigenvectors);
    }

    /// <summary>The eigenspace basis assigns eigenspaces one by one: per-tensor grouping with it is rejected, naming Assignment.</summary>
    [Fact]
    public void EigenspaceBasis_WithPerTensorAssignment_IsRejected()
    {
        var settings = new AmosSettings(0.1, Assignment: AmosAssignment.PerTensorMean, Tensors: [[0, 1]], Basis: AmosCurvatureBasis.HessianEigenspaces);
        var e = Assert.Throws<ArgumentException>(() => new Amos(new Sgd(1), new SophiaDiagonal(1), settings));
        Assert.Equal("Assignment", e.ParamName);
        Assert.Equal("Basis", Assert.Throws<ArgumentException>(() => new AmosSettings(0.1, Basis: (AmosCurvatureBasis)7).Validated()).ParamName);
    }

    /// <summary>The default basis is the Hessian diagonal (footnote 2's reading for Sophia, App. K's OPT²), and the name says when it is not.</summary>
    [Fact]
    public void DefaultBasis_IsHessianDiagonal()
    {
        Assert.Equal(AmosCurvatureBasis.HessianDiagonal, new AmosSettings(0.1).Basis);
        var eigen = new Amos(new Sgd(1), new SophiaDiagonal(1), new AmosSettings(0.1, Basis: AmosCurvatureBasis.HessianEigenspaces));
        Assert.EndsWith("eigenspaces)", eigen.Name);
    }
}
