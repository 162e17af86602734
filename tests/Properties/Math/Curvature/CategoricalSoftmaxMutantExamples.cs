using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>The categorical-softmax likelihood's name carries its class count C, so that two class counts read apart.</summary>
public class CategoricalSoftmaxMutantExamples
{
    [Fact]
    public void Name_CarriesTheClassCount()
    {
        Assert.Equal("categorical-softmax(C=3)", new CategoricalSoftmax(3).Name);
        Assert.NotEqual(new CategoricalSoftmax(3).Name, new CategoricalSoftmax(4).Name);
    }
}
