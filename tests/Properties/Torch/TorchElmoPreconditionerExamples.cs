using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using Verification.Math;
using Verification.Math.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Torch;

/// <summary>
/// Diagonal Hessians, whose eigenvectors both solvers return exactly (±e_i), so gradient projections can be exactly 0:
/// the singular directions of Lemma 3.2 (g_i = 0, λ_i ≤ 0), where Φ^ELMO is the pseudo-inverse (φ_i = 0), and the
/// tie-break of eq. (1)'s orientation when g_i = 0.
/// </summary>
public class TorchElmoPreconditionerExamples
{
    private static readonly Matrix<double> Hessian = Matrix<double>.Build.DenseOfDiagonalArray([-2.0, 0.0, 3.0, -5.0]);
    private static readonly Vector<double> Lipschitz = Vector<double>.Build.DenseOfArray([1.0, 2.0, 4.0, 0.5]);

    [Fact]
    public void Preconditioner_ZeroGradient_IsPseudoInverseOnSingularDirections()
    {
        // φ = 1/λ where λ > 0; 0 where λ ≤ 0 and g = 0 (the inverse of Lemma 3.2 does not exist there).
        var gradient = Vector<double>.Build.Dense(4);
        var phi = Compute(gradient);
        var expected = Matrix<double>.Build.DenseOfDiagonalArray([0.0, 0.0, 1.0 / 3, 0.0]).ToRowMajorArray();
        Assert.Equal(expected, phi);
        Assert.Equal(ElmoPreconditioner.Compute(Hessian, gradient, Lipschitz).ToRowMajorArray(), phi);
    }

    [Fact]
    public void StepVector_ZeroGradientOnConcaveAxes_StepsTwoLambdaOverLAlongPositiveOrientation()
    {
        // With g_i = 0, eq. (7) still gives x* = 2|λ|/L along concave axes; eq. (1) admits both ±e_i, and the tie-break
        // picks the orientation whose largest component is positive, i.e. +e_i. Axis 2 (λ = 3, L = 0.5) has ∇fᵀe_2 = 1 > 0,
        // so v = −e_2, |g| = 1 and x* = 2/(3 + √10) is taken along −e_2.
        var gradient = Vector<double>.Build.DenseOfArray([0.0, 0.0, 1.0, 0.0]);
        double[] step;
        using (NewDisposeScope())
        {
            var (h, g, l) = TorchElmoPreconditionerProperties.Tensors(new SpectralProblem(Hessian, gradient, Lipschitz), ScalarType.Float64);
            step = TensorConvert.ToDoubles(TorchElmo.StepVector(h, g, l));
        }
        // Ascending eigenvalues −5, −2, 0, 3 (axes 3, 0, 1, 2) pair with L = 1, 2, 4, 0.5 in that order.
        Assert.Equal(2 * 2 / 2.0, step[0]);
        Assert.Equal(0.0, step[1]);
        Assert.Equal(2 * 5 / 1.0, step[3]);
        double convexAxis = -2 / (3 + System.Math.Sqrt(10));
        Assert.InRange(step[2], convexAxis * (1 + TorchTolerances.StepFloat64), convexAxis * (1 - TorchTolerances.StepFloat64));
        var reference = Elmo.StepVector(Hessian, gradient, Lipschitz).ToArray();
        TorchTolerances.AssertClose("Δθ* (diagonal H)", reference, step, TorchTolerances.MaxMagnitude(reference, step),
            TorchTolerances.StepFloat64, i => $"axis {i}");
    }

    [Fact]
    public void Decompose_OrientsEigenvectorsAgainstTheGradient()
    {
        // Eq. (1): every g_i = ∇fᵀv_i ≤ 0, never −0.0.
        var gradient = Vector<double>.Build.DenseOfArray([1.0, -2.0, 0.0, 3.0]);
        using var scope = NewDisposeScope();
        var (h, g, _) = TorchElmoPreconditionerProperties.Tensors(new SpectralProblem(Hessian, gradient, Lipschitz), ScalarType.Float64);
        using var eigen = TorchSymmetricEigen.Decompose(h, g);
        var projections = TensorConvert.ToDoubles(eigen.GradientProjections);
        Assert.All(projections, p => Assert.True(p < 0 || (p == 0 && !double.IsNegative(p)), $"g_i = {p:R}"));
        // Ascending eigenvalues −5, −2, 0, 3 are axes 3, 0, 1, 2, where ∇f has 3, 1, −2, 0.
        Assert.Equal([-3.0, -1.0, -2.0, 0.0], projections);
    }

    private static double[] Compute(Vector<double> gradient)
    {
        using var scope = NewDisposeScope();
        var (h, g, l) = TorchElmoPreconditionerProperties.Tensors(new SpectralProblem(Hessian, gradient, Lipschitz), ScalarType.Float64);
        return TensorConvert.ToDoubles(TorchElmoPreconditioner.Compute(h, g, l));
    }
}
