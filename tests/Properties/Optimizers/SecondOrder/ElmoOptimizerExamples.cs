using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// ELMO (elmo-amos Alg. 1) on a hand-computed example: eq. (7)'s eigenspace steps, their sum (line 6), Notation 7/8's
/// distances, the constants it reports, and each rejected argument.
/// </summary>
/// <remarks>
/// The example: f = ½θᵀdiag(−1, 2)θ at θ = (1, 1), ∇f = (−1, 2). Ascending eigenpairs oriented by eq. (1) (∇fᵀv_i ≤ 0):
/// λ₁ = −1, v₁ = e₁, g₁ = −1; λ₂ = 2, v₂ = −e₂, g₂ = −2. With L = (1, 4), eq. (7) gives
/// x₁ = √(1 + 2) + 1 = √3 + 1 and x₂ = (√(4 + 16) − 2)/4 = (√5 − 1)/2, so Δθ = x₁v₁ + x₂v₂ = (√3 + 1, −(√5 − 1)/2).
/// </remarks>
public class ElmoOptimizerExamples
{
    /// <summary>x* is a square root and a division of exact inputs (≤ 4 ulp); the eigenvectors are exact: 1e-14 absolute.</summary>
    private const double Tolerance = 1e-14;

    private static readonly double X1 = Math.Sqrt(3) + 1;
    private static readonly double X2 = (Math.Sqrt(5) - 1) / 2;

    private static Vector<double> Of(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    private static readonly Quadratic Saddle = Quadratic.Diagonal(Of(-1, 2), Of(0, 0));

    private static readonly ElmoOptimizer Elmo = new(new FunctionLipschitz("1, 4", (_, _, e) => Of(1, 4)));

    [Fact]
    public void Iterate_TakesEq7InEachEigenspace_AndSumsThem()
    {
        var it = Elmo.Iterate(Saddle, Of(1, 1));
        Assert.Equal(new[] { -1.0, 2.0 }, it.Eigen.Values);
        Assert.Equal(Of(1, 4), it.Lipschitz);
        Assert.Equal(X1, it.EigenspaceSteps[0], Tolerance);
        Assert.Equal(X2, it.EigenspaceSteps[1], Tolerance);
        Assert.Equal(X1, it.Step[0], Tolerance);
        Assert.Equal(-X2, it.Step[1], Tolerance);
        Assert.Equal(it.Step, Elmo.Update(Saddle, Of(1, 1)));
    }

    /// <summary>
    /// Notation 7/8: ΔΔ^i = Δθᵀv_i − x_i and ΔΔ'^i = ΔΔ^i/x_i. For Δθ = 0: (−x₁, −x₂) and (−1, −1); for Δθ = 2·Δθ*:
    /// (x₁, x₂) and (1, 1); for Δθ = (0, 1) (Δθᵀv = (0, −1)): (−x₁, −1 − x₂) and (−1, −1 − 1/x₂).
    /// </summary>
    [Fact]
    public void DistanceFrom_IsTheProjectedDifference_AndItsRatio()
    {
        var it = Elmo.Iterate(Saddle, Of(1, 1));
        var (zeroDistance, zeroRelative) = it.DistanceFrom(Of(0, 0));
        Assert.Equal(-X1, zeroDistance[0], Tolerance);
        Assert.Equal(-X2, zeroDistance[1], Tolerance);
        Assert.Equal(-1, zeroRelative[0], Tolerance);
        Assert.Equal(-1, zeroRelative[1], Tolerance);
        var (doubleDistance, doubleRelative) = it.DistanceFrom(2 * it.Step);
        Assert.Equal(X1, doubleDistance[0], Tolerance);
        Assert.Equal(X2, doubleDistance[1], Tolerance);
        Assert.Equal(1, doubleRelative[0], Tolerance);
        Assert.Equal(1, doubleRelative[1], Tolerance);
        var (otherDistance, otherRelative) = it.DistanceFrom(Of(0, 1));
        Assert.Equal(-X1, otherDistance[0], Tolerance);
        Assert.Equal(-1 - X2, otherDistance[1], Tolerance);
        Assert.Equal(-1, otherRelative[0], Tolerance);
        Assert.Equal(-1 - 1 / X2, otherRelative[1], 1e-13); // 1/x₂ ≈ 1.6 amplifies the 1e-14 of x₂
    }

    /// <summary>
    /// Where ELMO does not move (g_i = 0, λ_i ≥ 0: f = ½θᵀdiag(1, 2)θ at (0, 1), x₁ = 0) ΔΔ' is 0 for a step with the same
    /// projection and ±∞ with ΔΔ's sign otherwise (never NaN, never the finite 0/0).
    /// </summary>
    [Fact]
    public void DistanceFrom_WhereElmoDoesNotMove_IsZeroOrSignedInfinity()
    {
        var f = Quadratic.Diagonal(Of(1, 2), Of(0, 0));
        var it = new ElmoOptimizer(new ConstantLipschitz(1)).Iterate(f, Of(0, 1));
        Assert.Equal(0, it.EigenspaceSteps[0]);
        var (sameDistance, sameRelative) = it.DistanceFrom(it.Step);
        Assert.Equal(0, sameDistance[0]);
        Assert.Equal(0, sameRelative[0]);
        double v = it.Eigen.Vectors[0, 0]; // ±1: g₁ = 0 leaves the orientation of v₁ free
        foreach (double sign in new[] { 1.0, -1.0 })
        {
            var (distance, relative) = it.DistanceFrom(it.Step + Of(sign * v * 0.5, 0));
            Assert.Equal(sign * 0.5, distance[0], Tolerance);
            Assert.Equal(sign * double.PositiveInfinity, relative[0]);
        }
    }

    [Fact]
    public void RejectsBadArguments_NamingThem()
    {
        Assert.Equal("lipschitz", Assert.Throws<ArgumentNullException>(() => new ElmoOptimizer(null!)).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => Elmo.Iterate(null!, Of(1, 1))).ParamName);
        ArgumentAssert.Rejects(() => Elmo.Iterate(Saddle, Of(1, double.NaN)), "theta", "theta[1] must be finite");
        ArgumentAssert.Rejects(() => Elmo.Iterate(Saddle, Of(1)), "theta", "theta has length 1, expected 2");
        var eigen = SymmetricEigen.Decompose(Saddle.Hessian(Of(1, 1)), Saddle.Gradient(Of(1, 1)));
        Assert.Equal("eigen", Assert.Throws<ArgumentNullException>(() => ElmoOptimizer.StepFor(null!, Of(1, 1))).ParamName);
        ArgumentAssert.Rejects(() => ElmoOptimizer.StepFor(eigen, Of(1, 0)), "lipschitz", "lipschitz[1] must be > 0");
        ArgumentAssert.Rejects(() => ElmoOptimizer.StepFor(eigen, Of(1)), "lipschitz", "lipschitz has length 1, expected 2");
        var it = ElmoOptimizer.StepFor(eigen, Of(1, 4));
        ArgumentAssert.Rejects(() => it.DistanceFrom(Of(0, double.PositiveInfinity)), "step", "step[1] must be finite");
        ArgumentAssert.Rejects(() => it.DistanceFrom(Of(0, 0, 0)), "step", "step has length 3, expected 2");
    }

    /// <summary>Iterate checks θ itself (finite, of the objective's dimension), whatever the objective checks.</summary>
    [Fact]
    public void Iterate_ChecksThetaItself()
    {
        // ∇f = Aθ − b = (−1, 2) and H = diag(−1, 2) at θ = (5, 5), as on Saddle at (1, 1); the objective never checks θ,
        // so only ELMO itself can reject a bad one.
        var blind = new UncheckedQuadratic(Matrix<double>.Build.DiagonalOfDiagonalArray([-1.0, 2.0]), Of(-4, 8));
        ArgumentAssert.Rejects(() => Elmo.Iterate(blind, Of(double.NaN, 0)), "theta", "theta[0] must be finite");
        ArgumentAssert.Rejects(() => Elmo.Iterate(blind, Of(0, 0, 0)), "theta", "theta has length 3, expected 2");
        Assert.Equal(X1, Elmo.Iterate(blind, Of(5, 5)).Step[0], Tolerance);
    }

    /// <summary>
    /// λ₁ = −1 with L₁ = 2^-1074: x₁ = (√(1 + 2L|g|) + 1)/L = 2/2^-1074 overflows, and StepFor says which constant did it.
    /// </summary>
    [Fact]
    public void StepFor_RejectsAConstantWhoseStepOverflows()
    {
        var eigen = SymmetricEigen.Decompose(Saddle.Hessian(Of(1, 1)), Saddle.Gradient(Of(1, 1)));
        ArgumentAssert.Rejects(() => ElmoOptimizer.StepFor(eigen, Of(double.Epsilon, 4)), "lipschitz", "lipschitz[0] = 5E-324 makes ELMO's step overflow (λ = -1).");
    }

    /// <summary>
    /// Each x_i finite but their sum not: H with eigenvalues −2 and −1 along (1, ∓1)/√2 and ∇f = 0, so x_i = 2|λ_i|/L_i;
    /// with both x_i = 1.5e308 one entry of Σ x_i v_i is ±(x₁ + x₂)/√2 ≈ 2.1e308 &gt; double.MaxValue.
    /// </summary>
    [Fact]
    public void StepFor_RejectsASumBeyondDoubleRange()
    {
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { -1.5, 0.5 }, { 0.5, -1.5 } });
        var eigen = SymmetricEigen.Decompose(h, Of(0, 0));
        Assert.Equal(-2, eigen.Values[0], Tolerance);
        Assert.Equal(-1, eigen.Values[1], Tolerance);
        const double x = 1.5e308;
        var constants = Of(2 * -eigen.Values[0] / x, 2 * -eigen.Values[1] / x);
        ArgumentAssert.Rejects(() => ElmoOptimizer.StepFor(eigen, constants), "lipschitz", "ELMO's step Σ x*_i·v_i has entries beyond double.MaxValue");
        // Half as far, the same constants doubled, is in range.
        var half = ElmoOptimizer.StepFor(eigen, 2 * constants);
        Assert.True(half.Step.All(double.IsFinite));
    }

    /// <summary>Identity and declarations: the name shows the oracle; the default uses L = 1; the three declared guarantees.</summary>
    [Fact]
    public void Name_Default_AndGuarantees()
    {
        Assert.Equal("elmo(L=1, 4)", Elmo.Name);
        var standard = ElmoOptimizer.CreateDefault();
        var constant = Assert.IsType<ConstantLipschitz>(standard.Lipschitz);
        Assert.Equal(1, constant.Lipschitz);
        Assert.Equal(3, standard.Guarantees.Count);
        Assert.IsType<DescentOnConvexQuadratics>(standard.Guarantees[0]);
        Assert.IsType<NoAscentInConcaveDirections>(standard.Guarantees[1]);
        Assert.IsType<LeavesStrictSaddles>(standard.Guarantees[2]);
    }

    /// <summary>Φ^ELMO of Lemma 3.2 in the example: φ_i = x_i/|g_i| along v_i, so Φ = diag(x₁/1, x₂/2) (v_i = ±e_i).</summary>
    [Fact]
    public void Preconditioner_IsDiagonalInTheEigenbasis()
    {
        var phi = Elmo.Preconditioner(Saddle, Of(1, 1));
        Assert.Equal(X1, phi[0, 0], Tolerance);
        Assert.Equal(X2 / 2, phi[1, 1], Tolerance);
        Assert.Equal(0, phi[0, 1], Tolerance);
        Assert.Equal(0, phi[1, 0], Tolerance);
    }
}
