using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="DiscreteLaw{T}.IidProduct"/> with weights whose products leave the range of long: the law with weights
/// (2^32 + 1, 1) has total 2^32 + 2 ≤ 2^53, but its square has total (2^32 + 2)² &gt; 2^53, beyond the documented limit,
/// and (2^32 + 1)² = 2^64 + 2^33 + 1 would wrap to 2^33 + 1 in 64-bit arithmetic (a silently wrong law). The product is
/// rejected with an ArgumentException naming n, as documented; a product within range keeps its exact probabilities.
/// </summary>
public sealed class DiscreteLawRun36Examples
{
    [Fact]
    public void IidProduct_RejectsWeightsBeyondTheRangeOfLong()
    {
        long heavy = (1L << 32) + 1;
        var law = DiscreteLaw<Float64>.Weighted([[new Float64(0)], [new Float64(1)]], [heavy, 1]);
        ArgumentAssert.Rejects(() => law.IidProduct(2), "n", "2^53");

        // In range: weights (3, 1) squared are (9, 3, 3, 1) of 16.
        var small = DiscreteLaw<Float64>.Weighted([[new Float64(0)], [new Float64(1)]], [3, 1]).IidProduct(2);
        Assert.Equal(9.0 / 16, small.Probability(0).Value);
        Assert.Equal(1.0 / 16, small.Probability(3).Value);
    }
}
