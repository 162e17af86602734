using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// A <see cref="Graded"/> value is an exact rational enclosure, so it never overflows: IsFinite holds even for a value
/// (2¹⁰²³)² far beyond double range.
/// </summary>
public class GradedRun24Examples
{
    [Fact]
    public void IsFinite_HoldsBeyondDoubleRange()
    {
        var huge = Graded.Of(Math.ScaleB(1, 1023));
        var square = huge * huge;
        Assert.True(square.Value.Lower > new Fractions.Fraction(System.Numerics.BigInteger.Pow(2, 2045)));
        Assert.True(Graded.IsFinite(square));
        Assert.True(Graded.IsFinite(Graded.Of(0)));
    }
}
