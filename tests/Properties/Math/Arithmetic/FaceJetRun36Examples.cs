using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// erfc at a pole x = c/t on a range t ∈ (0, w] with w ≠ 1: the tail bound erfc(y) ≤ n!/(√π·y^(2n+1)) takes n ≈ y² (at
/// most 16) for the smallest y on the box, which is c/w (the pole divides by t, so y shrinks as t grows). With c = 2 and
/// w = 1/4 the smallest y is 8, n = 16, and the bound 16!/(√π·8³³) ≈ 1.9·10⁻¹⁷ decides erfc(8) &lt; 10⁻¹⁶ at t = w (true
/// value ≈ 1.1·10⁻²⁹); a term count taken from c·w = 1/2 instead (n = 1) would give 1/(√π·8³) ≈ 1.1·10⁻³.
/// </summary>
public sealed class FaceJetRun36Examples
{
    [Fact]
    public void ErfcOfTwoOverT_OnAQuarterRange_DecidesTheTailBelowTenToTheMinus16()
    {
        var quarter = new Fraction(1, 4);
        var box = new RationalInterval(Fraction.Zero, quarter);
        FaceJet<RationalInterval> erfc;
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([0.125], [box]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 3, box))
        {
            var t = FaceJet<RationalInterval>.Input(0.125);
            erfc = FaceJet<RationalInterval>.Erfc(FaceJet<RationalInterval>.Of(2) / t);
        }
        var atQuarter = erfc.At(RationalInterval.Exact(quarter));
        Assert.True(atQuarter.Lower >= 0);
        Assert.True(atQuarter.Upper < new Fraction(1, System.Numerics.BigInteger.Pow(10, 16)), $"erfc(8) enclosed as {atQuarter}");
    }
}
