using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The Gaussian mean–variance likelihood reports a name that identifies it (mutation run 33: an empty name survived): not
/// blank, different from the other likelihoods' names, and naming its two parameters' family (Gaussian, mean and variance).
/// </summary>
public sealed class GaussianMeanVarianceRun34Examples
{
    [Fact]
    public void Name_IdentifiesTheGaussianMeanVarianceLikelihood()
    {
        string name = new GaussianMeanVariance().Name;
        Assert.False(string.IsNullOrWhiteSpace(name));
        Assert.Contains("gaussian", name, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("variance", name, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(new GaussianIdentity().Name, name);
        Assert.NotEqual(new BernoulliLogit().Name, name);
    }
}
