using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// The domain and range of Alg. 1's full step <see cref="ElmoStep.StepVector"/>: L_i must be finite and positive and one per
/// eigenspace, and a step that leaves the double range is rejected with a message saying which part overflows
/// (one x*_i, or an entry of Σ x*_i·v_i). Found by mutation testing (docs/mutation-testing.md): removing any of these
/// checks went unnoticed by the other tests.
/// </summary>
public class ElmoStepVectorRangeExamples
{
    private static readonly Matrix<double> Spd = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 3 } });
    private static readonly Vector<double> Grad = Vector<double>.Build.Dense([1.0, -1.0]);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void StepVector_WithALipschitzConstantOutsideTheDomain_IsRejected(double bad)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ElmoStep.StepVector(Spd, Grad, Vector<double>.Build.Dense([1.0, bad])));
        Assert.Equal("lipschitz", e.ParamName);
    }

    /// <summary>One L_i per eigenspace: a longer vector is as wrong as a shorter one (an extra L_i would be ignored silently).</summary>
    [Fact]
    public void StepVector_WithMoreLipschitzConstantsThanEigenspaces_IsRejected()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ElmoStep.StepVector(Spd, Grad, Vector<double>.Build.Dense([1.0, 2.0, 3.0])));
        Assert.Equal("lipschitz", e.ParamName);
    }

    /// <summary>
    /// H = diag(1, −MaxValue), ∇f = (0, 0), L = (1, 1): along the concave eigenvector (the first in ascending order) the
    /// exact step is 2|λ|/L = 2·MaxValue, beyond the range; the message must name x*_0 and the range it leaves.
    /// </summary>
    [Fact]
    public void StepVector_WhenOneEigenspaceStepOverflows_NamesThatEigenspace()
    {
        var h = Matrix<double>.Build.DenseOfDiagonalArray([1.0, -double.MaxValue]);
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            ElmoStep.StepVector(h, Vector<double>.Build.Dense(2), Vector<double>.Build.Dense([1.0, 1.0])));
        Assert.Equal("lipschitz", e.ParamName);
        Assert.Contains("x*_0 ", e.Message);
        Assert.Contains("exceeds double.MaxValue", e.Message);
        Assert.Contains("every x*_i ≤ double.MaxValue", e.Message);
    }

    /// <summary>
    /// Each x*_i fits but their sum does not: H = [[a, b], [b, a]] with a = −0.725e308, b = −0.025e308 has eigenvalues
    /// a + b = −0.75e308 on (1, 1)/√2 and a − b = −0.7e308 on (1, −1)/√2; with ∇f = (1, 0) and L = (1, 1),
    /// x*_i = (√(λ² + 2|g_i|) + |λ|) ≈ 2|λ| = 1.5e308 and 1.4e308 (the 2|g_i| = √2 under the root changes them by far
    /// less than an ulp). Both eigenvectors are oriented against ∇f (eq. 1), so the first entry of Σ x*_i·v_i is
    /// −(1.5e308 + 1.4e308)/√2 ≈ −2.05e308, beyond the range.
    /// </summary>
    [Fact]
    public void StepVector_WhenEveryEigenspaceStepFitsButAnEntryOverflows_IsRejected()
    {
        double a = -0.725e308, b = -0.025e308;
        Assert.True(double.IsFinite(ElmoStep.Step(a + b, Math.Sqrt(0.5), 1)));
        Assert.True(double.IsFinite(ElmoStep.Step(a - b, Math.Sqrt(0.5), 1)));
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { a, b }, { b, a } });
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            ElmoStep.StepVector(h, Vector<double>.Build.Dense([1.0, 0.0]), Vector<double>.Build.Dense([1.0, 1.0])));
        Assert.Equal("lipschitz", e.ParamName);
        Assert.Contains("overflows in entry 0", e.Message);
    }
}
