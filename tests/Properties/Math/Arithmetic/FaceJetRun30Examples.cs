using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Two behaviours of <see cref="FaceJet{T}"/> that survivors of mutation runs 28 and 29 changed without a test noticing.
/// erf and erfc of a value written with a pole whose factor cancels: at the face c = 1 the coordinate is u = 1 + t, so
/// d = u − 1 = t vanishes on the face, 1/d = t⁻¹ has a pole, and x = (1/d)·d = t⁻¹·(t·1) is the constant 1 written with
/// valuation −1; once the factor t is divided out there is no pole, and erf(x) = erf(1) ≈ 0.8427007929497149 with
/// valuation 0 (not the tail enclosure of a pole). And the double estimate of a value over the box: t has valuation 1 at
/// the face c = 0 and ranges over [0, w], so its estimate is that of the interval [0, w] (its midpoint w/2); a value with a
/// pole at the face has no estimate (<see cref="UndecidedException"/>, saying so). Exact rationals.
/// </summary>
public class FaceJetRun30Examples
{
    /// <summary>erf(1) and erfc(1) to 10 digits, from the series of erf (reference tables give 0.842700792949714869…).</summary>
    private static readonly Fraction ErfOfOneLow = new(8427007929, 10_000_000_000), ErfOfOneHigh = new(8427007930, 10_000_000_000);

    private static FaceJet<RationalInterval> CancelledPole(Func<FaceJet<RationalInterval>, FaceJet<RationalInterval>> f)
    {
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([0.5], [new RationalInterval(1, 2)]))
        using (FaceJet<RationalInterval>.Use(0, 1, 1, 3, new RationalInterval(0, 1)))
        {
            var d = FaceJet<RationalInterval>.Input(0.5) - 1;
            var x = 1 / d * d;
            Assert.Equal(-1, x.Valuation); // the pole is only written, not real: the product keeps both factors of t
            return f(x);
        }
    }

    [Fact]
    public void Erf_OfACancelledPole_IsErfOfOne()
    {
        var erf = CancelledPole(FaceJet<RationalInterval>.Erf);
        Assert.Equal(0, erf.Valuation);
        // The enclosure of erf(1) must lie inside the 10-digit bracket of erf(1) (128-bit enclosures are far tighter).
        Assert.True(ErfOfOneLow <= erf.Face(0).Lower && erf.Face(0).Upper <= ErfOfOneHigh, $"Face₀ = {erf.Face(0)}");
    }

    [Fact]
    public void Erfc_OfACancelledPole_IsErfcOfOne()
    {
        var erfc = CancelledPole(FaceJet<RationalInterval>.Erfc);
        Assert.Equal(0, erfc.Valuation);
        Assert.True(1 - ErfOfOneHigh <= erfc.Face(0).Lower && erfc.Face(0).Upper <= 1 - ErfOfOneLow, $"Face₀ = {erfc.Face(0)}");
    }

    [Theory]
    [InlineData(1, 0.5)] // t over t ∈ [0, 1]: [0, 1], midpoint 1/2
    [InlineData(3, 1.5)] // 3t: [0, 3], midpoint 3/2
    public void Estimate_OfAMultipleOfT_IsTheMidpointOfItsRangeOverTheBox(int factor, double expected)
    {
        using (EnclosureSettings.UseTags([0.5], [new RationalInterval(0, 1)]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 2, new RationalInterval(0, 1)))
        {
            var t = factor * FaceJet<RationalInterval>.Input(0.5);
            Assert.Equal(1, t.Valuation);
            Assert.Equal(expected, FaceJet<RationalInterval>.Estimate(t));
            // t² ranges over [0, 1] too (valuation 2): the same midpoint for factor 1.
            if (factor == 1)
                Assert.Equal(0.5, FaceJet<RationalInterval>.Estimate(t * t));
        }
    }

    [Fact]
    public void Estimate_OfAPoleAtTheFace_IsUndecidedAndSaysWhy()
    {
        using (EnclosureSettings.UseTags([0.5], [new RationalInterval(0, 1)]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 2, new RationalInterval(0, 1)))
        {
            var pole = 1 / FaceJet<RationalInterval>.Input(0.5);
            Assert.Equal(-1, pole.Valuation);
            var e = Assert.Throws<UndecidedException>(() => FaceJet<RationalInterval>.Estimate(pole));
            Assert.Contains("pole at the face", e.Message, StringComparison.Ordinal);
        }
    }
}
