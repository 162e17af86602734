using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The categorical-softmax likelihood's expectation rule (balles-thesis ch. 7, E_y over p(y|f)) is the exact sum over the
/// C labels 0, …, C − 1 with the softmax weights and no tail: its report line says so (it is what reports show for how
/// the rule was obtained), as the Bernoulli likelihoods' rules do for their two labels.
/// </summary>
public class CategoricalSoftmaxRun27Examples
{
    [Fact]
    public void ExpectationRule_IsReportedAsAnExactSumOverTheClasses()
    {
        var rule = new CategoricalSoftmax(3).Expectation(Vector<double>.Build.Dense([0.0, 1.0, -1.0]));
        Assert.Equal([0.0, 1.0, 2.0], rule.Labels);
        Assert.Equal(0.0, rule.TailBound);
        Assert.Contains("exact", rule.Method, StringComparison.Ordinal);
        Assert.Contains("classes", rule.Method, StringComparison.Ordinal);
    }
}
