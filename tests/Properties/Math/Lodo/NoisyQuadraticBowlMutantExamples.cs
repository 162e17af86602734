using Fractions;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="NoisyQuadraticBowl.HalfTraceEnclosure"/> at equal smallest and largest eigenvalue: the spectrum is flat
/// (r = (d_n/d_1)^{1/(n−1)} = 1), so ½Σ_{i&lt;n} d_1 rⁱ = n·d_1/2 exactly, which the enclosure must contain; only largest
/// below smallest is rejected.
/// </summary>
public class NoisyQuadraticBowlMutantExamples
{
    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(3, 2.0)]
    [InlineData(10, 0.001)]
    public void HalfTrace_OfAFlatSpectrum_ContainsHalfOfNTimesTheEigenvalue(int dimension, double eigenvalue)
    {
        var enclosure = NoisyQuadraticBowl.HalfTraceEnclosure(dimension, eigenvalue, eigenvalue, 32);
        var exact = new Fraction(dimension, 2) * Verification.Numerics.Exact.ExactDouble.ToFraction(eigenvalue);
        Assert.True(enclosure.Lower <= exact && exact <= enclosure.Upper, $"{exact} not in [{enclosure.Lower}, {enclosure.Upper}]");
    }

    [Fact]
    public void HalfTrace_WithLargestBelowSmallest_IsRejected() =>
        ArgumentAssert.Rejects(() => NoisyQuadraticBowl.HalfTraceEnclosure(3, 2.0, 1.0), "largest", "largest must be ≥ smallest");
}
