using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactErf.ErfcPoint"/> is "within about 2^(−bits) relatively" except where x² exceeds 4096 (4000 as a double
/// until stop 35), where it may answer the loose enclosure [0, 2^-5900] ([0, 2^-5770] then). At x² rounding to exactly 4000 the tight enclosure is still due
/// (mutation run 33: taking the loose branch at x² ≥ 4000 survived): erfc(√4000) ≈ e^-4000/(√4000·√π) ≈ 2^-5777.6 > 0.
/// x is √4000 to 1 part in 10^30 (one rational Newton step from the double √4000), so x² rounds to the double 4000.
/// </summary>
public sealed class ExactErfRun34Examples
{
    [Fact]
    public void ErfcPoint_WhereXSquaredRoundsTo4000_IsRelativelyTight()
    {
        var x0 = ExactDouble.ToFraction(Math.Sqrt(4000));
        var x = (x0 + new Fraction(4000) / x0) / 2;
        Assert.Equal(4000.0, ExactDouble.ToDouble(x * x));
        var e = ExactErf.ErfcPoint(x, 53);
        Assert.True(e.Lower.Sign() > 0, $"erfc(√4000) ⊂ [{e.Lower}, …] should exclude 0");
        // 2^-45 relative: "about 2^-bits" at bits = 53 with eight bits of slack; [0, 2^-5770] has no relative precision.
        Assert.True(e.Width <= ExactDouble.Pow2(-45) * e.Lower, "erfc(√4000)'s enclosure is not relatively tight");
        Assert.True(e.Upper < ExactDouble.Pow2(-5770));
    }
}
