using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactConstants"/> at the ends of its range [16, 65536], against the references of
/// <see cref="ExactConstantsFullRangeProperties"/>.
/// </summary>
public class ExactConstantsRangeExamples
{
    /// <summary>The bottom of the range: Pi(16) and Ln2(16) contain their constants within the stated widths.</summary>
    [Fact]
    public void PiAndLn2_AtSixteenBits_AreNarrowEnough()
    {
        var pi = ExactConstants.Pi(16);
        var piReference = ExactConstantsFullRangeProperties.PiReference(100);
        Assert.True(pi.Lower <= piReference.Lower && piReference.Upper <= pi.Upper, $"Pi(16) = {pi}");
        Assert.True(pi.Width * 6 <= ExactDouble.Pow2(-16) * piReference.Lower, $"Pi(16) = {pi}");
        var ln2 = ExactConstants.Ln2(16);
        var ln2Reference = ExactConstantsFullRangeProperties.Ln2Reference(100);
        Assert.True(ln2.Lower <= ln2Reference.Lower && ln2Reference.Upper <= ln2.Upper, $"Ln2(16) = {ln2}");
        Assert.True(ln2.Width * 5 <= ExactDouble.Pow2(-16) * ln2Reference.Lower, $"Ln2(16) = {ln2}");
    }

    /// <summary>
    /// atanh of 2^-70000 at 65536 bits (the top of the range, an argument below every double): one term of the series;
    /// the enclosure lies within the Maclaurin bracket's neighbourhood [z, z + z³/3 + 2^(−65539)·z] and is at most
    /// 2^(−65539)·z wide.
    /// </summary>
    [Fact]
    public void AtanhOfRational_OfATinyArgumentAtTheTopOfTheRange_IsNarrow()
    {
        var z = ExactDouble.Pow2(-70000);
        var y = ExactConstants.AtanhOfRational(z, 65536);
        var atanhLower = z + z * z * z / 3;
        var atanhUpper = atanhLower + z * z * z * z * z / (5 * (1 - z * z));
        Assert.True(y.Lower <= atanhLower && atanhUpper <= y.Upper, "atanh(2^-70000) is not enclosed");
        Assert.True(y.Width < ExactDouble.Pow2(-65539) * z, "atanh(2^-70000) at 65536 bits is too wide");
        Assert.True(ExactConstants.AtanhOfRational(Fraction.Zero, 65536).IsExactlyZero);
    }
}
