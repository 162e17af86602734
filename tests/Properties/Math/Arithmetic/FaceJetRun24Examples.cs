using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// erfc at a pole x = c/t (t ∈ (0, 1], the face t = 0): the jet is the tail bound erfc(y) ≤ n!/(√π·y^(2n+1)) with n ≈ y²
/// (at most 16) for the smallest y = c on the box, as FaceJet's TailAtPole documents, and n ≥ 1, so the jet is t^V·h with
/// V = 2n ≥ 2. Two consequences checked: at c = 8 the bound with n = 16 is 16!/(√π·8³³) ≈ 1.9·10⁻¹⁷, so the jet decides
/// erfc(8) &lt; 10⁻¹⁶ (true value ≈ 1.1·10⁻²⁹; the bound with n = 1, 1/(√π·8³) ≈ 1.1·10⁻³, would not); and erfc(c/t)
/// vanishes at t = 0 faster than any power of t, so erfc(c/t)/t² has no pole at the face, even for c = 2⁻⁶⁰⁰.
/// </summary>
public class FaceJetRun24Examples
{
    private static FaceJet<RationalInterval> ErfcOfPole(double c, Func<FaceJet<RationalInterval>, FaceJet<RationalInterval>, FaceJet<RationalInterval>> then)
    {
        var box = new RationalInterval(0, 1);
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([0.5], [box]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 3, box))
        {
            var t = FaceJet<RationalInterval>.Input(0.5);
            return then(FaceJet<RationalInterval>.Erfc(FaceJet<RationalInterval>.Of(c) / t), t);
        }
    }

    [Fact]
    public void ErfcOfEightOverT_DecidesTheTailBelowTenToTheMinus16()
    {
        var erfc = ErfcOfPole(8, (e, _) => e);
        var atOne = erfc.At(RationalInterval.Exact(1.0));
        Assert.True(atOne.Lower >= 0);
        Assert.True(atOne.Upper < new Fraction(1, System.Numerics.BigInteger.Pow(10, 16)), $"erfc(8) enclosed as {atOne}");
    }

    [Fact]
    public void ErfcOfATinyPoleOverTSquared_HasNoPoleAtTheFace()
    {
        var quotient = ErfcOfPole(Math.ScaleB(1, -600), (e, t) => e / (t * t));
        Assert.True(quotient.Valuation >= 0, $"valuation {quotient.Valuation}");
    }
}
