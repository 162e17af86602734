using Fractions;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="ElementaryDerivatives.Log"/>'s log'' = −1/x² beyond the normal square range (x outside about
/// [2^-511, 2^511], where −(1/x)² is not a normal double) as 1/fl(m²)·2^-2k, within the 2u its doc comment states: the
/// square of the rounded 1/m, used by HyperDualReal and HessianJet until stop 36, is within 3u only (2.51u at
/// x = 1.1017670147593689e229, the value that broke HyperDual.Log's stated bound), and the plain branch within 3u.
/// </summary>
public class ElementaryDerivativesRun36Examples
{
    private const double Unit = 1.1102230246251565e-16;

    private static double RelativeError(ScaledDerivative d, Fraction exact)
    {
        var (m, e) = d.Parts;
        var value = ExactDouble.ToFraction(m) * ExactDouble.Pow2(e);
        return (double)(Fraction.Abs(value - exact) / Fraction.Abs(exact)).ToDecimal() / Unit;
    }

    [Theory]
    [InlineData(1.1017670147593689e229, 2)]
    [InlineData(7.3e-200, 2)]
    [InlineData(3.0, 3)]
    [InlineData(1.9999999999999998, 3)]
    public void LogSecondDerivative_IsWithinItsStatedBound(double x, double units)
    {
        var (first, second) = ElementaryDerivatives.Log(x);
        var inverse = 1 / ExactDouble.ToFraction(x);
        Assert.True(RelativeError(first, inverse) <= 1, $"log'({x:R}) off by {RelativeError(first, inverse)}u");
        double error = RelativeError(second, -inverse * inverse);
        Assert.True(error <= units, $"log''({x:R}) off by {error}u > {units}u");
    }
}
