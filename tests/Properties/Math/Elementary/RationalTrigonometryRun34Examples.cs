using Fractions;
using Verification.Numerics.Elementary;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elementary;

/// <summary>
/// cos of an interval stays within [−1, 1]: cos [0, 1] = [cos 1, 1] contains cos 0 = 1, so its enclosure's upper end is
/// exactly 1 (the midpoint enclosure cos ½ + ½ ≈ 1.38 is clamped; mutation run 33: dropping the clamp of the upper end
/// above 1 survived), and its lower end is at most cos 1 &lt; 0.5404.
/// </summary>
public sealed class RationalTrigonometryRun34Examples
{
    [Fact]
    public void Cos_OfZeroToOne_HasUpperEndOne()
    {
        var c = RationalTrigonometry.Cos(new RationalInterval(Fraction.Zero, Fraction.One), 53);
        Assert.Equal(Fraction.One, c.Upper);
        Assert.True(c.Lower <= new Fraction(5404, 10000), $"cos [0, 1] ⊂ {c} should reach down to cos 1 ≈ 0.5403");
    }
}
