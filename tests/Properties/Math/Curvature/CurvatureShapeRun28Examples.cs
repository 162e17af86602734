using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureShape.IsNatural"/> names the families that satisfy the hypothesis of Prop. 7.1 (f a natural
/// parameter, so ∇²_f log p does not depend on y): it must agree with the flag of the likelihood object of the same
/// family, and the two non-natural families (Bernoulli on the probability, Gaussian on mean and variance) are each
/// checked to be reported as non-natural (mutation runs 28/29).
/// </summary>
public sealed class CurvatureShapeRun28Examples
{
    public static TheoryData<LikelihoodFamily, bool> Families => new()
    {
        { LikelihoodFamily.GaussianIdentity, new GaussianIdentity().IsNaturalParameterization },
        { LikelihoodFamily.BernoulliLogit, new BernoulliLogit().IsNaturalParameterization },
        { LikelihoodFamily.CategoricalSoftmax, new CategoricalSoftmax(3).IsNaturalParameterization },
        { LikelihoodFamily.PoissonLog, new PoissonLog().IsNaturalParameterization },
        { LikelihoodFamily.BernoulliProbability, false },
        { LikelihoodFamily.GaussianMeanVariance, false },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void IsNatural_AgreesWithTheLikelihoodFamily(LikelihoodFamily likelihood, bool natural) =>
        Assert.Equal(natural, new CurvatureShape(ModelFamily.Linear, likelihood, 2).IsNatural);
}
