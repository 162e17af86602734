using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// RealMatrixAlgebra.Cayley: (I + S)⁻¹(I − S) for the 2×2 skew S = [[0, 1], [−1, 0]] is, by hand,
/// ½[[1, −1], [1, 1]]·[[1, −1], [1, 1]] = [[0, −1], [1, 0]] (a quarter turn), not the identity.
/// </summary>
public class RealMatrixAlgebraRun28Examples
{
    [Fact]
    public void Cayley_OfTheUnitSkew_IsTheQuarterTurn()
    {
        var skew = RealMatrix<Float64>.Constant(new double[,] { { 0, 1 }, { -1, 0 } });

        var q = RealMatrixAlgebra.Cayley(skew);

        // Every intermediate (1, ½, sums of two halves) is a dyadic rational, so double arithmetic is exact here.
        Assert.Equal(0.0, q[0, 0].Value);
        Assert.Equal(-1.0, q[0, 1].Value);
        Assert.Equal(1.0, q[1, 0].Value);
        Assert.Equal(0.0, q[1, 1].Value);
    }
}
