using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// erf over rational intervals (the generic chain rule, not the Float64 one): at x = ½ the first derivative is
/// erf′(x) = (2/√π)·e^(−x²) and the second −2x·erf′(x), compared with the same closed form in doubles.
/// </summary>
public class HyperDualRealMutantExamples
{
    [Fact]
    public void Erf_OverRationalIntervals_HasTheClosedFormDerivatives()
    {
        var x = HyperDualReal<RationalInterval>.Variable(RationalInterval.Exact(0.5), true, true);
        var y = HyperDualReal<RationalInterval>.Erf(x);
        double first = 2 / Math.Sqrt(Math.PI) * Math.Exp(-0.25);
        // 1e-9: the double closed form is within a few ulp, the enclosure's midpoint far closer than 1e-9 to the exact value.
        Assert.Equal(first, y.E1.Midpoint, 1e-9);
        Assert.Equal(first, y.E2.Midpoint, 1e-9);
        Assert.Equal(-2 * 0.5 * first, y.E12.Midpoint, 1e-9);
    }
}
