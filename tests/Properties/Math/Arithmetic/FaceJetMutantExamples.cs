using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// min and max of two constant face jets are the constants' min and max (no face, no branch to decide); an expansion at a
/// face value that is not a finite number is rejected naming faceValue.
/// </summary>
public class FaceJetMutantExamples
{
    [Fact]
    public void MinAndMax_OfConstants_AreTheConstantsMinAndMax()
    {
        FaceJet<Float64> two = 2, three = 3;
        Assert.Equal(2.0, Float64.Estimate(FaceJet<Float64>.Min(two, three).Face(0)));
        Assert.Equal(2.0, Float64.Estimate(FaceJet<Float64>.Min(three, two).Face(0)));
        Assert.Equal(3.0, Float64.Estimate(FaceJet<Float64>.Max(two, three).Face(0)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Use_AtAFaceValueThatIsNotFinite_IsRejected(double faceValue) =>
        ArgumentAssert.Rejects(() => FaceJet<Float64>.Use(0, faceValue, 1, 1, Float64.Of(1)), "faceValue", "faceValue must be finite");

    /// <summary>
    /// A constant jet has no order of its own: outside FaceJet.Use its expansion order is undefined and asking for it says
    /// so; inside, it is the order the scope declared.
    /// </summary>
    [Fact]
    public void ExpansionOrderOfAConstant_OutsideUse_SaysItIsOutsideUse()
    {
        FaceJet<Float64> two = 2;
        var e = Assert.Throws<InvalidOperationException>(() => two.ExpansionOrder);
        Assert.Contains("outside FaceJet.Use", e.Message, StringComparison.Ordinal);
        using (FaceJet<Float64>.Use(0, 0, 1, 3, Float64.Of(1)))
            Assert.Equal(3, two.ExpansionOrder);
    }
}
