using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>Hand-picked values and input validation of <see cref="InfToOneNorm"/> (balles-thesis eq. 6.18).</summary>
public class InfToOneNormExamples
{
    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    [Fact]
    public void Diagonal_IsSumOfAbsoluteDiagonal() =>
        Assert.Equal(6.0, InfToOneNorm.Compute(M(new double[,] { { 1, 0, 0 }, { 0, -2, 0 }, { 0, 0, 3 } })).Value);

    [Fact]
    public void AllOnes_IsDSquared_WhichIsDTimesL2()
    {
        var r = InfToOneNorm.Compute(Matrix<double>.Build.Dense(5, 5, 1.0));
        Assert.Equal(25.0, r.Value);
        Assert.All(r.Maximizer, x => Assert.Equal(1.0, x));
    }

    [Fact]
    public void TwoByTwoPositiveDefinite_MatchesC14() =>
        // a + d + 2|b| (appendix C.2, eq. C.14) with a = 2, b = −1, d = 3.
        Assert.Equal(7.0, InfToOneNorm.Compute(M(new double[,] { { 2, -1 }, { -1, 3 } })).Value);

    [Fact]
    public void DimensionOne_IsAbsoluteValue() => Assert.Equal(4.5, InfToOneNorm.Compute(M(new double[,] { { -4.5 } })).Value);

    [Fact]
    public void Zero_IsZero() => Assert.Equal(0.0, InfToOneNorm.Compute(Matrix<double>.Build.Dense(3, 3)).Value);

    [Fact]
    public void Maximizer_AttainsTheValue_AndEndsWithPlusOne()
    {
        var h = M(new double[,] { { 1, -2, 0.5 }, { -2, 0, 3 }, { 0.5, 3, -1 } });
        var r = InfToOneNorm.Compute(h);
        Assert.Equal(r.Value, InfToOneNorm.AtVertex(h, Vector<double>.Build.DenseOfArray(r.Maximizer)));
        Assert.Equal(1.0, r.Maximizer[^1]);
        Assert.Equal(4L, r.Vertices);
    }

    [Fact]
    public void NonSymmetric_IsRejectedNamingTheParameter()
    {
        ArgumentAssert.Rejects(() => InfToOneNorm.Compute(M(new double[,] { { 1, 2 }, { 0, 1 } })), "h", "h must be symmetric");
    }

    [Fact]
    public void NonFinite_IsRejected() =>
        ArgumentAssert.Rejects(() => InfToOneNorm.Compute(M(new double[,] { { double.NaN } })), "h", "h[0,0] must be finite");

    [Fact]
    public void TooLarge_IsRejectedBeforeAnyWork()
    {
        ArgumentAssert.Rejects(() => InfToOneNorm.Compute(Matrix<double>.Build.DenseIdentity(InfToOneNorm.MaxDimension + 1)), "h",
            $"h must have dimension ≤ 30 for exact enumeration, got {InfToOneNorm.MaxDimension + 1}");
    }

    [Fact]
    public void Resync_KeepsTheGrayCodeValueEqualToBruteForce_AtD14()
    {
        // d = 14 crosses the 1024-vertex resync eight times; brute force recomputes every vertex from scratch.
        var random = new System.Random(614);
        int d = 14;
        var h = Matrix<double>.Build.Dense(d, d);
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                h[i, j] = h[j, i] = random.NextDouble() * 2 - 1;
        double brute = 0;
        var x = Vector<double>.Build.Dense(d);
        for (long mask = 0; mask < 1L << (d - 1); mask++)
        {
            for (int i = 0; i < d - 1; i++) x[i] = ((mask >> i) & 1) == 1 ? -1 : 1;
            x[d - 1] = 1;
            brute = Math.Max(brute, (h * x).L1Norm());
        }
        double gray = InfToOneNorm.Compute(h).Value;
        Assert.True(Math.Abs(gray - brute) <= Tolerances.Sign.InfToOneRelative * brute, $"gray {gray:R} vs brute {brute:R}");
    }
}
