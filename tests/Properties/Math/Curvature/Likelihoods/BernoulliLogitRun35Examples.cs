using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The Bernoulli-logit likelihood (eq. D.33) names itself in the messages that reject it (mutation run 34: an empty name
/// survived): pairing it (one output) with a two-output model says which likelihood needs one output, and its name differs
/// from every other likelihood's, so a report can tell them apart.
/// </summary>
public sealed class BernoulliLogitRun35Examples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void OutputCountMismatch_NamesTheLikelihood()
    {
        var data = new Dataset([V(1)], [1.0]);
        ArgumentAssert.Rejects(() => new LikelihoodProblem(new LinearModel(1, outputs: 2), new BernoulliLogit(), data),
            "likelihood", "but bernoulli-logit needs 1");
    }

    [Fact]
    public void Name_IsDistinctFromTheOtherLikelihoods()
    {
        var name = new BernoulliLogit().Name;
        Assert.False(string.IsNullOrWhiteSpace(name));
        ILikelihood[] others = [new BernoulliProbability(), new GaussianIdentity(), new GaussianMeanVariance(), new PoissonLog()];
        foreach (var other in others)
            Assert.NotEqual(other.Name, name);
    }
}
