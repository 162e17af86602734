using Fractions;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Claims.Catalog.Balles.Inputs;

/// <summary>
/// Appendix C.2's 2×2 family H = [[a, b], [b, d]]: the hypothesis H ≻ 0 every statement on it reads its inputs under,
/// and l_max, the larger entry of l = (a + |b|, d + |b|).
/// </summary>
public class PositiveDefinitePairExamples
{
    /// <summary>
    /// l_max = max(a + |b|, d + |b|), both sides in exact rationals (no tolerance: the enclosure of an exact input is a
    /// point), across signs of b, either diagonal entry the larger, b = 0 and magnitudes 1e-300 … 1e300.
    /// </summary>
    [Theory]
    [InlineData(1.0, 0.5, 3.0)]
    [InlineData(3.0, -2.0, 2.0)]
    [InlineData(2.0, 0.0, 2.0)]
    [InlineData(1e300, -1e299, 1e-300)]
    [InlineData(1e-300, 1e-301, 5e-324)]
    public void LMax_IsTheLargerEntryOfL(double a, double b, double d)
    {
        var lmax = PositiveDefinitePair.LMax(RationalInterval.Exact(a), RationalInterval.Exact(b), RationalInterval.Exact(d));
        Fraction fa = ExactDouble.ToFraction(a), fb = ExactDouble.ToFraction(b).Abs(), fd = ExactDouble.ToFraction(d);
        var expected = (fa + fb).CompareTo(fd + fb) >= 0 ? fa + fb : fd + fb;
        Assert.Equal(expected, lmax.Lower);
        Assert.Equal(expected, lmax.Upper);
    }

    [Fact]
    public void ReadPositiveDefinite_ReturnsTheEntriesOfAPositiveDefiniteH()
    {
        var (a, b, d) = new PositiveDefinitePair(2, -1, 1).ReadPositiveDefinite<Float64>();
        Assert.Equal((2.0, -1.0, 1.0), (a.Value, b.Value, d.Value));
    }

    /// <summary>a ≤ 0, and ad − b² ≤ 0 with a &gt; 0 (singular at equality, indefinite beyond), put H outside the hypotheses.</summary>
    [Theory]
    [InlineData(0.0, 0.0, 1.0, "H is not positive definite (a ≤ 0)")]
    [InlineData(-1.0, 0.0, -1.0, "H is not positive definite (a ≤ 0)")]
    [InlineData(1.0, 1.0, 1.0, "H is not positive definite (ad − b² ≤ 0)")]
    [InlineData(1.0, -2.0, 1.0, "H is not positive definite (ad − b² ≤ 0)")]
    public void ReadPositiveDefinite_RejectsWhatIsNotPositiveDefinite(double a, double b, double d, string reason)
    {
        var e = Assert.Throws<HypothesisException>(() => new PositiveDefinitePair(a, b, d).ReadPositiveDefinite<Float64>());
        Assert.Equal(reason, e.Message);
    }
}
