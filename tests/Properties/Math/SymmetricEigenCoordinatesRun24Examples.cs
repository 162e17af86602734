using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// The squared eigen-coordinates of δ need a double estimate of H to bracket the eigenvalues: where one entry of H is
/// beyond double range (here 2²⁰⁰⁰ beside finite entries) exact arithmetic says it cannot decide, and doubles give NaN,
/// rather than an eigen-decomposition of an infinite estimate.
/// </summary>
public class SymmetricEigenCoordinatesRun24Examples
{
    [Fact]
    public void OneEntryBeyondDoubleRange_IsUndecidedExactly()
    {
        var big = RationalInterval.Exact(Math.ScaleB(1, 1000));
        var h = new RealMatrix<RationalInterval>(new[,] { { big * big, RationalInterval.Exact(0.0) }, { RationalInterval.Exact(0.0), RationalInterval.Exact(1.0) } });
        var e = Assert.Throws<UndecidedException>(() => SymmetricEigenCoordinates.Squared(h, RealVector.Constant<RationalInterval>([1, 1])));
        Assert.Contains("beyond double range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneInfiniteEntry_IsNaNInDoubles()
    {
        var h = RealMatrix<Float64>.Constant(new double[,] { { double.PositiveInfinity, 0 }, { 0, 1 } });
        var squares = SymmetricEigenCoordinates.Squared(h, RealVector.Constant<Float64>([1, 1]));
        Assert.Equal(2, squares.Length);
        Assert.All(squares, s => Assert.True(double.IsNaN(Float64.Estimate(s))));
    }
}
