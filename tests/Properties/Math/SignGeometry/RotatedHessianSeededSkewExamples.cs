using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// <see cref="RotatedHessian.SeededSkew"/>: exactly skew-symmetric with a zero diagonal, and its entries above the
/// diagonal N(0, 1)/√d as its doc comment states (mutation run 42 left its scale pinned only by the catalog snapshots: ·√d
/// for /√d survived). With m = d(d − 1)/2 independent entries, d·Σz²/m has mean 1 and standard deviation √(2/m); it must
/// lie within 6 of them (a false failure has probability below 10⁻⁸ per seed; ·√d puts it near d², /d near 1/d²), and
/// the mean √d·Σz/m within 6/√m of 0.
/// </summary>
public class RotatedHessianSeededSkewExamples
{
    [Theory]
    [InlineData(40, 1)]
    [InlineData(40, 2)]
    [InlineData(64, 7)]
    [InlineData(25, 2026)]
    public void Entries_AreStandardNormalOverRootD(int d, int seed)
    {
        var s = RotatedHessian.SeededSkew(d, seed);
        double sum = 0, squares = 0;
        int m = 0;
        for (int i = 0; i < d; i++)
        {
            Assert.Equal(0.0, s[i, i]);
            for (int j = i + 1; j < d; j++)
            {
                Assert.Equal(-s[i, j], s[j, i]);
                sum += s[i, j] * Math.Sqrt(d);
                squares += s[i, j] * s[i, j] * d;
                m++;
            }
        }
        double variance = squares / m, mean = sum / m;
        Assert.True(Math.Abs(variance - 1) <= 6 * Math.Sqrt(2.0 / m), $"d·mean(z²) = {variance:R} at d = {d}, seed {seed}");
        Assert.True(Math.Abs(mean) <= 6 / Math.Sqrt(m), $"√d·mean(z) = {mean:R} at d = {d}, seed {seed}");
    }

    [Fact]
    public void Seeds_GiveDifferentMatrices_AndASeedTheSameOne()
    {
        Assert.Equal(RotatedHessian.SeededSkew(5, 3), RotatedHessian.SeededSkew(5, 3));
        Assert.NotEqual(RotatedHessian.SeededSkew(5, 3), RotatedHessian.SeededSkew(5, 4));
        Assert.Equal(0.0, RotatedHessian.SeededSkew(1, 3)[0, 0]);
        Assert.Throws<ArgumentException>(() => RotatedHessian.SeededSkew(0, 3));
    }
}
