using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The dense matrix of lodo.md eq. (2)'s G(θ) = α₀ FᵀF by hand: with n = ñ = k = 2, one layer, π = (1, 0) (so
/// (P y)[j] = y[π[j]] swaps the two entries) and θ = (1, 2, 3, 4), the block is B = [[1, 2], [3, 4]], F = BP =
/// [[2, 1], [4, 3]] and G = α₀·[[2²+4², 2·1+4·3], [2·1+4·3, 1²+3²]] = [[10, 7], [7, 5]] at α₀ = 1/2. Every value is a
/// small integer, so the comparison is exact.
/// </summary>
public class BlockPermutationPreconditionerRun27Examples
{
    [Fact]
    public void Dense_OfOneSwappedTwoByTwoBlock_IsAlphaTimesFTransposeF()
    {
        var g = new BlockPermutationPreconditioner(2, 2, 2, [[1, 0]], 0.5);
        var dense = g.Dense(Vector<double>.Build.DenseOfArray([1.0, 2.0, 3.0, 4.0]));
        double[,] expected = { { 10, 7 }, { 7, 5 } };
        Assert.Equal(2, dense.RowCount);
        Assert.Equal(2, dense.ColumnCount);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(expected[i, j], dense[i, j]);
    }
}
