using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>The Bernoulli-probability likelihood reports its registry name (how statements and reports refer to it).</summary>
public class BernoulliProbabilityMutantExamples
{
    [Fact]
    public void Name_IsTheRegistryName() => Assert.Equal("bernoulli-probability", new BernoulliProbability().Name);
}
