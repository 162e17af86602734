using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>min and max of two constant face jets are the constants' min and max (no face, no branch to decide).</summary>
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
}
