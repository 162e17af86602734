using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="HessianLearningFlow.PartialNoiseSum"/> (the series Σ Aⁿ C (Aⁿ)ᵀ of lodo.md eq. 10) where A is ordinary but
/// the term is not: A = diag(2^60, 2^-60), C = [[0, 2^1000], [2^1000, 0]]. By hand A·C·Aᵀ = C (2^60·2^1000·2^-60), so the
/// sum of two terms is [[0, 2^1001], [2^1001, 0]], in range, although the intermediate A·C has the entry 2^1060 beyond
/// double.MaxValue (the remarks promise no intermediate overflow where the term itself does not). Also
/// <see cref="HessianLearningFlow.RateByDefinition"/> with every argument null names its first one, a. And where every
/// entry is ordinary (0 or of magnitude in [2^-100, 2^100]) the remarks promise the plain double product: the sum of two
/// terms is C + A·C·Aᵀ in doubles bit for bit, which for the A and C below differs from the exact product rounded once.
/// </summary>
public class HessianLearningFlowRun27Examples
{
    [Fact]
    public void PartialNoiseSum_WithAnIntermediateBeyondTheRange_IsTheExactSum()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { Math.ScaleB(1.0, 60), 0 }, { 0, Math.ScaleB(1.0, -60) } });
        var big = Math.ScaleB(1.0, 1000);
        var c = Matrix<double>.Build.DenseOfArray(new[,] { { 0, big }, { big, 0 } });
        var sum = HessianLearningFlow.PartialNoiseSum(a, c, 2);
        Assert.Equal(0.0, sum[0, 0]);
        Assert.Equal(0.0, sum[1, 1]);
        Assert.Equal(2 * big, sum[0, 1]); // exact: powers of two only
        Assert.Equal(2 * big, sum[1, 0]);
    }

    [Fact]
    public void RateByDefinition_WithEveryArgumentNull_NamesA()
    {
        var e = Assert.Throws<ArgumentNullException>(() => HessianLearningFlow.RateByDefinition(null!, null!, null!, null!));
        Assert.Equal("a", e.ParamName);
    }

    [Fact]
    public void PartialNoiseSum_OfOrdinaryEntries_IsThePlainDoubleProduct()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0.2 }, { 0.3, 0.7 } });
        var c = Matrix<double>.Build.DenseOfArray(new[,] { { 1.1, 0.3 }, { 0.3, 0.9 } });
        var plain = c + a * c * a.Transpose();
        var exactA = ExactMatrix.FromDoubles(a);
        var roundedOnce = c + (exactA * ExactMatrix.FromDoubles(c) * exactA.Transpose()).ToDouble();
        // The two routes must differ somewhere, or the comparison below could not tell them apart.
        Assert.Contains(Enumerable.Range(0, 4), k => plain[k / 2, k % 2] != roundedOnce[k / 2, k % 2]);
        var sum = HessianLearningFlow.PartialNoiseSum(a, c, 2);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(plain[i, j], sum[i, j]); // bit for bit, as documented
    }
}
