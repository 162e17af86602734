using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="SpectralNormFormulas"/> in rational intervals on a matrix with an entry whose double estimate is +∞
/// (2^2000): the double witness cannot be computed, and the bounds fall back to the identity witness, which for the
/// diagonal matrix diag(2^2000, 1) is an exact eigenbasis, so both bounds are exactly ‖A‖₂ = 2^2000.
/// </summary>
public class SpectralNormFormulasRun30Examples
{
    [Fact]
    public void Bounds_OfADiagonalMatrixBeyondTheDoubleRange_AreTheExactNorm()
    {
        var huge = Fraction.Pow(new Fraction(2), 2000);
        var a = RealMatrix<RationalInterval>.Create(2, 2, (i, j) =>
            RationalInterval.Exact(i != j ? Fraction.Zero : i == 0 ? huge : Fraction.One));
        Assert.Equal(double.PositiveInfinity, RationalInterval.Estimate(a[0, 0])); // the case this example is about
        var lower = SpectralNormFormulas.LowerBound(a);
        var upper = SpectralNormFormulas.UpperBound(a);
        Assert.True(lower.Contains(RationalInterval.Exact(huge)), $"lower bound [{lower.Lower}, …]");
        Assert.True(upper.Contains(RationalInterval.Exact(huge)), "upper bound must be exactly 2^2000");
        Assert.Equal(huge, lower.Upper);
        Assert.Equal(huge, upper.Lower);
    }
}
