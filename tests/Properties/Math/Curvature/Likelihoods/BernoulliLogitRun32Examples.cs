using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The Bernoulli-logit likelihood's expectation rule (balles-thesis ch. 7, E_y over p(y|f)) is the exact sum over the two
/// labels 0 and 1 with weights σ(−f) and σ(f) (at f = 0 both 1/2) and no tail, and its report line says so, as the
/// categorical rule's does for its classes (mutation run 30: the line was not checked).
/// </summary>
public class BernoulliLogitRun32Examples
{
    [Fact]
    public void ExpectationRule_IsReportedAsAnExactSumOverZeroAndOne()
    {
        var rule = new BernoulliLogit().Expectation(Vector<double>.Build.Dense(1, 0.0));

        Assert.Equal([0.0, 1.0], rule.Labels);
        Assert.Equal([0.5, 0.5], rule.Weights); // σ(0) = 1/2 exactly
        Assert.Equal(0.0, rule.TailBound);
        Assert.Contains("exact", rule.Method, StringComparison.Ordinal);
        Assert.Contains("{0, 1}", rule.Method, StringComparison.Ordinal);
    }
}
