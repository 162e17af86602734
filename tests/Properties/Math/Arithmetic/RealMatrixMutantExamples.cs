using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="RealMatrix{T}"/>'s constructor: a matrix with no rows or no columns (either dimension 0, not only both) is
/// rejected naming entries.
/// </summary>
public class RealMatrixMutantExamples
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    [InlineData(0, 0)]
    public void Constructor_WithAnEmptyDimension_IsRejected(int rows, int columns) =>
        ArgumentAssert.Rejects(() => _ = new RealMatrix<Float64>(new Float64[rows, columns]), "entries", "at least one row and one column");

    [Fact]
    public void Constructor_OfOneByOne_KeepsTheEntry()
    {
        var m = new RealMatrix<Float64>(new[,] { { Float64.Of(5) } });
        Assert.Equal((1, 1), (m.Rows, m.Columns));
        Assert.Equal(5.0, m[0, 0].Value);
    }
}
