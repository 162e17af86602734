using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="SubnormalFlush.OffDiagonal"/> flushes only subnormal off-diagonal entries: 2^-1022, the smallest normal double,
/// stays (mutation run 33: flushing at ≤ 2^-1022 survived), 2^-1023 (subnormal) becomes 0, and a subnormal diagonal stays.
/// </summary>
public sealed class SubnormalFlushRun34Examples
{
    [Fact]
    public void OffDiagonal_KeepsTheSmallestNormalAndFlushesSubnormals()
    {
        double smallestNormal = Math.ScaleB(1, -1022), subnormal = Math.ScaleB(1, -1023);
        var m = Matrix<double>.Build.DenseOfArray(new[,] { { subnormal, smallestNormal }, { subnormal, 1.0 } });
        var flushed = SubnormalFlush.OffDiagonal(m);
        Assert.Equal(subnormal, flushed[0, 0]);
        Assert.Equal(smallestNormal, flushed[0, 1]);
        Assert.Equal(0.0, flushed[1, 0]);
        Assert.Equal(1.0, flushed[1, 1]);
    }
}
