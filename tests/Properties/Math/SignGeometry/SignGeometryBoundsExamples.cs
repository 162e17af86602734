using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>Values and validation of the bounds of balles-thesis §6.4.2 and the density φ of eq. (6.29).</summary>
public class SignGeometryBoundsExamples
{
    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    [Fact]
    public void RhoDiag_OfDiagonal_IsOne_AndOfAllOnes_IsOneOverD()
    {
        Assert.Equal(1.0, SignGeometryBounds.RhoDiag(M(new double[,] { { 2, 0 }, { 0, 3 } })));
        Assert.Equal(0.25, SignGeometryBounds.RhoDiag(Matrix<double>.Build.Dense(4, 4, 1.0)), 15);
    }

    [Fact]
    public void Prop64Bound_OfPsd_IsEntrywiseSum() =>
        Assert.Equal(7.0, SignGeometryBounds.Prop64Bound(M(new double[,] { { 2, -1 }, { -1, 3 } })), 12);

    [Fact]
    public void Zero_IsRejectedByRhoDiag() =>
        ArgumentAssert.Rejects(() => SignGeometryBounds.RhoDiag(Matrix<double>.Build.Dense(2, 2)), "h", "h must be nonzero: ρ_diag(0) = 0/0 is undefined");

    [Theory]
    [InlineData(new[] { 1.0, 0, 0, 0 }, 0.25)]
    [InlineData(new[] { 1.0, -1, 1, -1 }, 1.0)]
    [InlineData(new[] { 1e300, 1e300 }, 1.0)]
    [InlineData(new[] { 1e-300, 0 }, 0.5)]
    public void Density_AtItsEnds(double[] omega, double expected) =>
        Assert.Equal(expected, SignGeometryBounds.Density(Vector<double>.Build.DenseOfArray(omega)), 14);

    [Fact]
    public void Density_OfZero_IsRejected()
    {
        ArgumentAssert.Rejects(() => SignGeometryBounds.Density(Vector<double>.Build.Dense(3)), "omega", "omega must be nonzero: φ(0) = 0/0 is undefined");
    }

    [Fact]
    public void Eq621_IsTightForRankOneWithSignVector()
    {
        // H = uuᵀ with u ∈ {±1}^3: λ = 3, ‖v‖₁/‖v‖∞ = 3, so the lower bound is 9 = ‖H‖∞,1.
        var u = Vector<double>.Build.DenseOfArray([1, -1, 1]);
        var h = u.OuterProduct(u);
        Assert.Equal(9.0, SignGeometryBounds.Eq621LowerBound(h), 12);
        Assert.Equal(9.0, InfToOneNorm.Compute(h).Value);
    }
}
