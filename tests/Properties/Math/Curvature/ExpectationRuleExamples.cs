using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>The expectation rules: probabilities that sum to 1, zero-mean scores, the Gaussian moments, the Poisson tail bound.</summary>
public class ExpectationRuleExamples
{
    /// <summary>Sums of ≤ 150 probabilities: 1e-13 absolute (a few hundred ulp).</summary>
    private const double SumTolerance = 1e-13;

    [Fact]
    public void Weights_SumToOne_AndScoresHaveMeanZero()
    {
        var r = new System.Random(81);
        foreach (var l in FisherTestData.Likelihoods)
            for (int c = 0; c < 10; c++)
            {
                var f = FisherTestData.Output(r, l);
                var rule = l.Expectation(f);
                Assert.True(Math.Abs(rule.Weights.Sum() - 1) <= SumTolerance + rule.TailBound, $"{l.Name}: Σw = {rule.Weights.Sum():R}");
                var mean = Vector<double>.Build.Dense(f.Count);
                double size = 0;
                for (int k = 0; k < rule.Labels.Count; k++)
                {
                    var s = l.Gradient(rule.Labels[k], f);
                    mean += rule.Weights[k] * s;
                    size += rule.Weights[k] * s.L1Norm();
                }
                Assert.True(mean.L1Norm() <= SumTolerance * Math.Max(1, size) + rule.TailBound, $"{l.Name}: E[score] = {mean}");
            }
    }

    [Fact]
    public void GaussianRule_ReproducesMomentsUpToDegreeFive()
    {
        var rule = ExpectationRule.Gaussian(0.5, 2);
        double[] expected = [1, 0, 2, 0, 12, 0]; // E[(y − μ)^k] for v = 2: 1, 0, v, 0, 3v², 0
        for (int k = 0; k < expected.Length; k++)
        {
            double m = rule.Labels.Zip(rule.Weights, (y, w) => w * Math.Pow(y - 0.5, k)).Sum();
            Assert.True(Math.Abs(m - expected[k]) <= 1e-13 * Math.Max(1, expected[k]), $"moment {k}: {m:R}");
        }
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    [InlineData(4.0)]
    public void PoissonTail_BoundsWhatTheTruncationLeavesOut(double eta)
    {
        // Compare E[(y − λ)²] over the truncated rule with the exact value λ: the difference is what the tail holds.
        var rule = new PoissonLog().Expectation(Vector<double>.Build.Dense(1, eta));
        double lambda = Math.Exp(eta);
        double second = rule.Labels.Zip(rule.Weights, (y, w) => w * (y - lambda) * (y - lambda)).Sum();
        Assert.True(rule.TailBound <= PoissonLog.RelativeTail * Math.Max(1, lambda) * 4);
        Assert.True(lambda - second <= rule.TailBound + 1e-13 * lambda, $"missing {lambda - second:E3} > tail bound {rule.TailBound:E3}");
    }

    [Fact]
    public void PoissonExpectation_RejectsRatesBeyondItsRange() =>
        ArgumentAssert.Rejects(() => new PoissonLog().Expectation(Vector<double>.Build.Dense(1, PoissonLog.MaxLogRate + 1)),
            "f", "f[0] (log rate) must be ≤ 4 for the truncated expectation, got 5");
}
