using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas"/>' parameter domains (balles-thesis ch. 7): the Bernoulli probability q lies in the open
/// interval (0, 1), where log q and log(1 − q) are finite, so q = 0 and q = 1 are outside it (and any q in between is
/// inside); the expectation rule needs f of the likelihood's output length and rejects any other length naming f.
/// </summary>
public class CurvatureFormulasMutantExamples
{
    private static readonly CurvatureShape Bernoulli = new(ModelFamily.Linear, LikelihoodFamily.BernoulliProbability, 1);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void BernoulliProbability_AtTheClosedEnds_IsOutsideTheDomain(double q)
    {
        Assert.False(CurvatureFormulas.InDomain(LikelihoodFamily.BernoulliProbability, [Float64.Of(q)]));
        ArgumentAssert.Rejects(() => CurvatureFormulas.LogDensityDerivatives(Bernoulli, [Float64.Of(1)], [Float64.Of(q)]), "f",
            "f is outside the domain");
        ArgumentAssert.Rejects(() => CurvatureFormulas.Expectation(Bernoulli, [Float64.Of(q)]), "f", "f is outside the domain");
    }

    [Theory]
    [InlineData(double.Epsilon)]
    [InlineData(0.5)]
    [InlineData(0.99999999999999989)] // the largest double below 1
    public void BernoulliProbability_StrictlyBetweenZeroAndOne_IsInsideTheDomain(double q) =>
        Assert.True(CurvatureFormulas.InDomain(LikelihoodFamily.BernoulliProbability, [Float64.Of(q)]));

    [Fact]
    public void Expectation_OfAnOutputOfTheWrongLength_IsRejected()
    {
        var gaussian = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianIdentity, 1);
        ArgumentAssert.Rejects(() => CurvatureFormulas.Expectation(gaussian, [Float64.Of(0), Float64.Of(1)]), "f", "f must have length 1");
        var meanVariance = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        ArgumentAssert.Rejects(() => CurvatureFormulas.Expectation(meanVariance, [Float64.Of(0), Float64.Of(1), Float64.Of(2)]), "f",
            "f must have length 2");
    }
}
