using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// ln of a face jet: along t ∈ [0, 1] from the face t = 0, ln(1 + t) = t − t²/2 + t³/3 − …, so the face coefficients of
/// order 3 are exactly 0, 1, −1/2 (Taylor's series by hand) and the box coefficient of order 3, the range of
/// (ln(1+t))‴/3! = 1/(3(1+t)³) over t ∈ [0, 1], must enclose [1/24, 1/3]. Exact rationals (the face values are
/// rational, so no rounding enters them). In IEEE doubles (<see cref="Float64"/>, which keeps overflow rather than
/// throwing), ln(c + t) with c overflowed to +∞ has the face derivative 1/(c + t) = 1/∞ = 0, not NaN.
/// </summary>
public class FaceJetRun27Examples
{
    [Fact]
    public void LogOfOnePlusT_HasTheTaylorCoefficientsOfTheLogSeries()
    {
        var box = new RationalInterval(0, 1);
        FaceJet<RationalInterval> log;
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([0.5], [box]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 3, box))
        {
            var t = FaceJet<RationalInterval>.Input(0.5);
            log = FaceJet<RationalInterval>.Log(1 + t);
        }
        Fraction[] expected = [Fraction.Zero, Fraction.One, new Fraction(-1, 2)];
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], log.Face(j).Lower);
            Assert.Equal(expected[j], log.Face(j).Upper);
        }
        var third = log.Box(3);
        Assert.True(third.Lower <= new Fraction(1, 24) && new Fraction(1, 3) <= third.Upper, $"Box₃ = {third}");
    }

    [Fact]
    public void LogOfAnOverflowedValuePlusT_HasFaceDerivativeZero()
    {
        FaceJet<Float64> log;
        using (EnclosureSettings.UseTags([0.5], [new RationalInterval(1, 2)]))
        using (FaceJet<Float64>.Use(0, 1, 1, 2, Float64.Of(1)))
        {
            var t = FaceJet<Float64>.Input(0.5);
            var overflowed = FaceJet<Float64>.Of(double.MaxValue) * 2;
            log = FaceJet<Float64>.Log(overflowed + t);
        }
        Assert.Equal(double.PositiveInfinity, log.Face(0).Value);
        Assert.Equal(0.0, log.Face(1).Value);
    }
}
