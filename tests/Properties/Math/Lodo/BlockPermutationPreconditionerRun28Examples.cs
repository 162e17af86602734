using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// PaperWidth of §3 when the block size k exceeds the dimension n: ⌊2n/k⌋·k can be 0, and the width must then be
/// raised to the smallest multiple of k that is ≥ n, i.e. k itself.
/// </summary>
public class BlockPermutationPreconditionerRun28Examples
{
    [Theory]
    [InlineData(1, 3, 3)]  // ⌊2/3⌋·3 = 0 < 1, so ⌈1/3⌉·3 = 3
    [InlineData(2, 5, 5)]  // ⌊4/5⌋·5 = 0 < 2, so ⌈2/5⌉·5 = 5
    [InlineData(3, 7, 7)]  // ⌊6/7⌋·7 = 0 < 3, so ⌈3/7⌉·7 = 7
    public void PaperWidth_WhenBlockExceedsTwiceTheDimension_IsOneBlock(int dimension, int blockSize, int expected)
    {
        int width = BlockPermutationPreconditioner.PaperWidth(dimension, blockSize);

        Assert.Equal(expected, width);
        Assert.Equal(0, width % blockSize);
        Assert.True(width >= dimension);
    }
}
