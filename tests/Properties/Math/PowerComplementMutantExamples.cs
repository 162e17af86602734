using Verification.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="PowerComplement.OneMinusPower"/>: 1 − βⁿ is defined for n ≥ 0 only (a negative power is 1 − β^{-|n|}, not a
/// bias-correction factor), so n &lt; 0 is rejected naming n and giving the value; n = 0 gives 1 − 1 = 0.
/// </summary>
public class PowerComplementMutantExamples
{
    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void OneMinusPower_OfANegativeExponent_IsRejected(int n) =>
        ArgumentAssert.Rejects(() => PowerComplement.OneMinusPower(0.5, n), "n", $"n must be ≥ 0, got {n}");

    [Fact]
    public void OneMinusPower_OfExponentZero_IsZero() => Assert.Equal(0.0, PowerComplement.OneMinusPower(0.9, 0));
}
