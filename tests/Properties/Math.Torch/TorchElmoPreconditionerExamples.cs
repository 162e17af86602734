using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using Verification.Numerics.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// Eq. (1)'s orientation on a diagonal Hessian, whose eigenvectors are exactly ±e_i: every g_i ≤ 0 and never −0.0. (The
/// pseudo-inverse on singular directions and the tie-break at g_i = 0 against the reference are in
/// <see cref="AgreementTable"/>, "elmo/diagonal-hessian".)
/// </summary>
public class TorchElmoPreconditionerExamples
{
    private static readonly Matrix<double> Hessian = Matrix<double>.Build.DenseOfDiagonalArray([-2.0, 0.0, 3.0, -5.0]);
    private static readonly Vector<double> Lipschitz = Vector<double>.Build.DenseOfArray([1.0, 2.0, 4.0, 0.5]);

    [Fact]
    public void Decompose_OrientsEigenvectorsAgainstTheGradient()
    {
        // Eq. (1): every g_i = ∇fᵀv_i ≤ 0, never −0.0.
        var gradient = Vector<double>.Build.DenseOfArray([1.0, -2.0, 0.0, 3.0]);
        using var scope = NewDisposeScope();
        var (h, g, _) = new SpectralProblem(Hessian, gradient, Lipschitz).ToTensors(ScalarType.Float64);
        using var eigen = TorchSymmetricEigen.Decompose(h, g);
        var projections = TensorConvert.ToDoubles(eigen.GradientProjections);
        Assert.All(projections, p => Assert.True(p < 0 || (p == 0 && !double.IsNegative(p)), $"g_i = {p:R}"));
        // Ascending eigenvalues −5, −2, 0, 3 are axes 3, 0, 1, 2, where ∇f has 3, 1, −2, 0.
        Assert.Equal([-3.0, -1.0, -2.0, 0.0], projections);
    }
}
