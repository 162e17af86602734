using System.Numerics;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="RationalInterval.IntegerSqrt"/> is ⌊√n⌋ for every n ≥ 0, n = 0 included (⌊√0⌋ = 0), and rejects n &lt; 0:
/// checked against (k, k² − 1, k², k² + 2k) for k = 0 … 40, where ⌊√·⌋ is k − 1, k, k.
/// </summary>
public sealed class RationalIntervalRun36Examples
{
    [Fact]
    public void IntegerSqrt_IsTheFloorOfTheRoot_FromZero()
    {
        Assert.Equal(BigInteger.Zero, RationalInterval.IntegerSqrt(BigInteger.Zero));
        for (int k = 1; k <= 40; k++)
        {
            BigInteger square = (BigInteger)k * k;
            Assert.Equal(k - 1, (int)RationalInterval.IntegerSqrt(square - 1));
            Assert.Equal(k, (int)RationalInterval.IntegerSqrt(square));
            Assert.Equal(k, (int)RationalInterval.IntegerSqrt(square + 2 * k));
        }
        ArgumentAssert.Rejects(() => RationalInterval.IntegerSqrt(BigInteger.MinusOne), "n", "n must be ≥ 0");
    }
}
