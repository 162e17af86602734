using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Guarantees;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// Saddle-free Newton (Dauphin et al. 2014; elmo-amos Definition 3's Φ = |H|⁺ = V·diag(1/|λ_i|, 0 where λ_i = 0)·Vᵀ):
/// its preconditioner and step on hand-inverted matrices, its argument checks and its declared guarantees.
/// </summary>
public class SaddleFreeNewtonExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static readonly Matrix<double> RotatedSaddle = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 1 } });

    /// <summary>
    /// H = [[1, 2], [2, 1]]: λ = −1 along (1, −1)/√2 and 3 along (1, 1)/√2, so
    /// |H|⁻¹ = 1·½[[1, −1], [−1, 1]] + ⅓·½[[1, 1], [1, 1]] = [[2/3, −1/3], [−1/3, 2/3]]; with b = (1, 0) at θ = 0 the step is
    /// −Φ∇f = Φb = (2/3, −1/3) (Newton's is (−1/3, 2/3): the concave direction's sign is flipped).
    /// </summary>
    [Fact]
    public void PreconditionerAndStep_OnARotatedSaddle_AreTheHandInvertedAbsoluteHessian()
    {
        var f = new Quadratic(RotatedSaddle, V(1, 0));
        var sfn = new SaddleFreeNewton();
        var phi = sfn.Preconditioner(f, V(0, 0));
        var expected = Matrix<double>.Build.DenseOfArray(new double[,] { { 2.0 / 3, -1.0 / 3 }, { -1.0 / 3, 2.0 / 3 } });
        // Tolerance 1e-15: a 2×2 eigendecomposition and V·D·Vᵀ, each a few ulps of entries of size 1.
        Assert.True((phi - expected).InfinityNorm() <= 1e-15, $"Φ = {phi}");
        var step = sfn.Update(f, V(0, 0));
        Assert.Equal(2.0 / 3, step[0], 1e-15);
        Assert.Equal(-1.0 / 3, step[1], 1e-15);
    }

    /// <summary>H = diag(−4, 0, 2): Φ = diag(¼, 0 (pseudo-inverse), ½) exactly (diagonal H: V = I).</summary>
    [Fact]
    public void Preconditioner_OfADiagonalHessian_IsOneOverAbsoluteLambda_AndZeroWhereLambdaIsZero()
    {
        var f = Quadratic.Diagonal(V(-4, 0, 2), V(1, 1, 1));
        var phi = new SaddleFreeNewton().Preconditioner(f, V(0, 0, 0));
        Assert.Equal(Matrix<double>.Build.DiagonalOfDiagonalArray([0.25, 0.0, 0.5]), phi);
        // The step −Φ∇f = Φb = (¼, 0, ½).
        Assert.Equal([0.25, 0.0, 0.5], new SaddleFreeNewton().Update(f, V(0, 0, 0)).ToArray());
    }

    /// <summary>The preconditioner's own checks, through an objective that does not validate θ itself.</summary>
    [Fact]
    public void Preconditioner_RejectsBadArguments_NamingThem()
    {
        var sfn = new SaddleFreeNewton();
        var f = new UncheckedQuadratic(RotatedSaddle, V(1, 0));
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => sfn.Preconditioner(null!, V(0, 0))).ParamName);
        ArgumentAssert.Rejects(() => sfn.Preconditioner(f, V(double.NaN, 0)), "theta", "must be finite");
        ArgumentAssert.Rejects(() => sfn.Preconditioner(f, V(0, 0, 0)), "theta", "theta has length 3, expected 2");
        ArgumentAssert.Rejects(() => sfn.Update(f, V(0, 0, 0)), "theta", "theta has length 3, expected 2");
    }

    /// <summary>Definition 3 (Φ symmetric PSD), no ascent along λ_i &lt; 0, scale invariance, rotation equivariance; the name.</summary>
    [Fact]
    public void DeclaresItsFourGuarantees()
    {
        var sfn = new SaddleFreeNewton();
        Assert.Equal("saddle-free-newton", sfn.Name);
        Assert.Equal(new Guarantee[] { new QuasiNewton(), new NoAscentInConcaveDirections(), new ObjectiveScaleInvariance(), new RotationEquivariance() },
            sfn.Guarantees);
    }
}
