using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactConstants.Ln2"/> and <see cref="ExactConstants.Pi"/> at the top of their range. Ln2's is the only way to
/// reach the defect it guards. It took about 50 s
/// (the fixed-point atanh(1/3) at 65 544 bits, each power times a 131 000-bit square) until the sum divided by 9 instead
/// (stop 34, docs/benchmarks/atanh-short-ratio.md); about a second now.
/// </summary>
public class ExactConstantsTopOfRangeExamples
{
    /// <summary>
    /// Ln2 at 65536 bits, the top of its range: it computed atanh(1/3) through AtanhOfRational at bits + 8 = 65544, whose
    /// check threw "bits must be in [16, 65536], got 65544" for every bits above 65528. It now contains ln 2 (the
    /// reference at 65600 bits) within ln 2·2^-65536/5.
    /// </summary>
    [Fact]
    public void Ln2_AtTheTopOfItsRange_IsComputed()
    {
        var ln2 = ExactConstants.Ln2(65536);
        var reference = ExactConstantsFullRangeProperties.Ln2Reference(65600);
        Assert.True(ln2.Lower <= reference.Lower && reference.Upper <= ln2.Upper, "Ln2(65536) misses ln 2");
        Assert.True(ln2.Width * 5 <= ExactDouble.Pow2(-65536) * reference.Lower, "Ln2(65536) is too wide");
    }

    /// <summary>
    /// Pi at 65536 bits, the top of its range, never run until its series moved to fixed point (stop 34: the exact-fraction
    /// sums were estimated at one to two minutes): it contains π (Hutton's formula at 65600 bits, another pair of
    /// arguments) within π·2^-65536/6, the width the property checks below 4097 bits.
    /// </summary>
    [Fact]
    public void Pi_AtTheTopOfItsRange_ContainsPiAndIsNarrow()
    {
        var pi = ExactConstants.Pi(65536);
        var reference = ExactConstantsFullRangeProperties.PiReference(65600);
        Assert.True(pi.Lower <= reference.Lower && reference.Upper <= pi.Upper, "Pi(65536) misses π");
        Assert.True(pi.Width * 6 <= ExactDouble.Pow2(-65536) * reference.Lower, "Pi(65536) is too wide");
    }
}
