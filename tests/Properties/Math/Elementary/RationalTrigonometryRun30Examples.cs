using Fractions;
using Verification.Numerics.Elementary;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elementary;

/// <summary>
/// <see cref="RationalTrigonometry.Atan"/> at q = ±2^-12, where no half-angle step is taken and the alternating series
/// alone gives the value: atan q = q − q³/3 + q⁵/5 − …, so atan(2^-12) lies in (2^-12 − 2^-36/3, 2^-12 − 2^-36/3 + 2^-60/5).
/// At 16 bits the result is rounded outward to 24 significant bits; just below 2^-12 their step is 2^-36, so the
/// enclosure is [2^-12 − 2^-36, 2^-12] and in particular never above q (atan q &lt; q for q &gt; 0). A series stopped at
/// the first term (a remainder bound q³/3 on both sides) would round its upper end up to 2^-12 + 2^-35 (mutation runs
/// 28/29: the series' stopping tolerance).
/// </summary>
public sealed class RationalTrigonometryRun30Examples
{
    [Fact]
    public void Atan_OfTwoToTheMinus12_IsTheAdjacentGridPointsBelowIt()
    {
        var q = ExactDouble.Pow2(-12);
        var step = ExactDouble.Pow2(-36);
        var atan = RationalTrigonometry.Atan(RationalInterval.Exact(q), 16);
        Assert.True(atan.Lower == q - step && atan.Upper == q, $"atan 2^-12 ⊂ {atan}, expected [2^-12 − 2^-36, 2^-12]");
    }

    [Fact]
    public void Atan_OfMinusTwoToTheMinus12_IsTheMirrorImage()
    {
        var q = ExactDouble.Pow2(-12);
        var step = ExactDouble.Pow2(-36);
        var atan = RationalTrigonometry.Atan(RationalInterval.Exact(-q), 16);
        Assert.True(atan.Lower == -q && atan.Upper == -q + step, $"atan(−2^-12) ⊂ {atan}, expected [−2^-12, −2^-12 + 2^-36]");
    }
}
