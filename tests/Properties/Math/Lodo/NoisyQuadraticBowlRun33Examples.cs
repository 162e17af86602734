using Fractions;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="NoisyQuadraticBowl.HalfTraceEnclosure"/> where the ratio r = (d_n/d_1)^(1/(n−1)) lies exactly on the grid
/// 2^-bits: the bisection keeps the largest grid point p with p^(n−1) ≤ d_n/d_1 as its lower end, so r's enclosure is
/// [r, r + 2^-bits] and the lower end of the half trace ½Σ_{i&lt;n} d_1 r^i is its exact value (mutation run 32: the
/// bracketing loop's ≤, which an exact power of two reaches with equality). d_1 = 1, d_n = 2, n = 2, 8 bits: r = 2,
/// ½(1 + 2) = 3/2 and ½(1 + 2 + 1/256) = 769/512. n = 3, d_n = 4: r = 2 again, ½(1 + 2 + 4) = 7/2 and
/// ½(1 + 513/256 + (513/256)²).
/// </summary>
public sealed class NoisyQuadraticBowlRun33Examples
{
    [Fact]
    public void HalfTrace_WithRatioTwoOnTheGrid_StartsAtTheExactValue_TwoDimensions()
    {
        var enclosure = NoisyQuadraticBowl.HalfTraceEnclosure(2, 1, 2, bits: 8);
        Assert.True(enclosure.Lower == new Fraction(3, 2) && enclosure.Upper == new Fraction(769, 512), $"½ tr ⊂ {enclosure}");
    }

    [Fact]
    public void HalfTrace_WithRatioTwoOnTheGrid_StartsAtTheExactValue_ThreeDimensions()
    {
        var enclosure = NoisyQuadraticBowl.HalfTraceEnclosure(3, 1, 4, bits: 8);
        var next = new Fraction(513, 256);
        Assert.True(enclosure.Lower == new Fraction(7, 2) && enclosure.Upper == (1 + next + next * next) / 2, $"½ tr ⊂ {enclosure}");
    }
}
