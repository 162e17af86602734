using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="RealMatrixAlgebra.Determinant"/> = (−1)ⁿc₀ for odd n as well as even: det [[7]] = 7, det diag(2, 3, 5) = 30 and
/// det of the tridiagonal [[2, 1, 0], [1, 2, 1], [0, 1, 2]] = 2·3 − 1·2 = 4 (cofactor expansion along the first row),
/// all exact in doubles (small integers).
/// </summary>
public sealed class RealMatrixAlgebraRun36Examples
{
    private static RealMatrix<Float64> M(double[,] a) =>
        RealMatrix<Float64>.Create(a.GetLength(0), a.GetLength(1), (i, j) => new Float64(a[i, j]));

    [Fact]
    public void Determinant_OfOddOrderMatrices_HasTheRightSign()
    {
        Assert.Equal(7.0, RealMatrixAlgebra.Determinant(M(new double[,] { { 7 } })).Value);
        Assert.Equal(30.0, RealMatrixAlgebra.Determinant(M(new double[,] { { 2, 0, 0 }, { 0, 3, 0 }, { 0, 0, 5 } })).Value);
        Assert.Equal(4.0, RealMatrixAlgebra.Determinant(M(new double[,] { { 2, 1, 0 }, { 1, 2, 1 }, { 0, 1, 2 } })).Value);
    }
}
