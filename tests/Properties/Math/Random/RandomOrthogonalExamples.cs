using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Random;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Random;

/// <summary>Haar orthogonal matrices and uniform permutations: orthogonality, seeding, the Haar sign symmetry, validation.</summary>
public class RandomOrthogonalExamples
{
    /// <summary>Householder QR is backward stable: ‖QᵀQ − I‖_F stays within a few k·ε; 1e-13 allows k ≤ 16 with margin.</summary>
    private const double Orthogonality = 1e-13;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(16)]
    public void Draw_IsOrthogonal_AndDeterministicForItsSeed(int k)
    {
        var q = RandomOrthogonal.Draw(k, 4);
        Assert.True((q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(k)).FrobeniusNorm() < Orthogonality);
        Assert.Equal(q, RandomOrthogonal.Draw(k, 4));
        Assert.Equal(q, RandomOrthogonal.Draw(k, new System.Random(4)));
        if (k > 1)
            Assert.NotEqual(q, RandomOrthogonal.Draw(k, 5));
    }

    /// <summary>
    /// Under Haar measure on O(3) the first column is uniform on the sphere: E[Q₀₀] = 0 and E[Q₀₀²] = 1/3, with
    /// Q₀₀² ~ Beta(1/2, 1) (variance 4/45). Over 20 000 draws 5 standard errors are 5/√20000 ≈ 0.035 for the mean and
    /// 5·√(4/45/20000) ≈ 0.011 for the second moment. A QR without the sign fix gives Q₀₀ one sign only (mean ≈ ∓1/2).
    /// </summary>
    [Fact]
    public void Draw_FirstColumnHasTheHaarMoments()
    {
        const int n = 20_000;
        var random = new System.Random(3);
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double q = RandomOrthogonal.Draw(3, random)[0, 0];
            sum += q;
            sumSquares += q * q;
        }
        Assert.InRange(sum / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        double se = 5 * Math.Sqrt(4.0 / 45 / n);
        Assert.InRange(sumSquares / n, 1.0 / 3 - se, 1.0 / 3 + se);
    }

    [Fact]
    public void Permutation_IsAPermutation_AndEveryOrderOfThreeOccurs()
    {
        var random = new System.Random(11);
        var seen = new HashSet<string>();
        for (int i = 0; i < 200; i++)
        {
            var p = RandomOrthogonal.Permutation(3, random);
            Assert.Equal([0, 1, 2], p.Order());
            seen.Add(string.Join(",", p));
        }
        Assert.Equal(6, seen.Count);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        ArgumentAssert.Rejects(() => RandomOrthogonal.Draw(0, new System.Random(1)), "k", "k must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => RandomOrthogonal.Draw(-1, 1), "k", "k must be ≥ 1, got -1");
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => RandomOrthogonal.Draw(2, null!)).ParamName);
        ArgumentAssert.Rejects(() => RandomOrthogonal.Permutation(0, new System.Random(1)), "size", "size must be ≥ 1, got 0");
        // The smallest accepted sizes: the only 1×1 orthogonal matrices are ±1, the only permutation of one element is [0].
        // Tolerance 1e-15 (≈ 4 ulps of 1): the draw normalizes by a rounded norm, so |q| = 1 only to a few ulps.
        Assert.Equal(1.0, Math.Abs(RandomOrthogonal.Draw(1, new System.Random(1))[0, 0]), 1e-15);
        Assert.Equal([0], RandomOrthogonal.Permutation(1, new System.Random(1)));
    }
}
