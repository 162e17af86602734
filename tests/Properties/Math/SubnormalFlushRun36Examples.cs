using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="SubnormalFlush.All"/> sets exactly the subnormal entries (magnitude below 2^-1022) to 0, diagonal or not:
/// ±2^-1022, the smallest normal magnitude, stays; ±2^-1023 becomes 0.
/// </summary>
public sealed class SubnormalFlushRun36Examples
{
    [Fact]
    public void All_KeepsTheSmallestNormalAndFlushesEverySubnormal()
    {
        double smallestNormal = Math.ScaleB(1, -1022), subnormal = Math.ScaleB(1, -1023);
        var m = Matrix<double>.Build.DenseOfArray(new[,] { { smallestNormal, -subnormal }, { subnormal, -smallestNormal } });
        var flushed = SubnormalFlush.All(m);
        Assert.Equal(smallestNormal, flushed[0, 0]);
        Assert.Equal(0.0, flushed[0, 1]);
        Assert.Equal(0.0, flushed[1, 0]);
        Assert.Equal(-smallestNormal, flushed[1, 1]);
    }
}
