using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>The one Adam: its bias correction against the exact power, its rule for LODO's meta-step, its argument checks.</summary>
public class AdamExamples
{
    private static readonly double[] Betas = [0.465, 0.864, 0.9, 0.9884, 0.99, 0.99804, 0.999];
    private static readonly int[] Counts = [2, 3, 10, 30, 100, 300, 1000];

    /// <summary>|c − (1 − βⁿ)|/(1 − βⁿ) for a computed c, with βⁿ exact (<see cref="MovingAveragesRangeProperties.ExactPower"/>).</summary>
    private static double RelativeErrorAgainstExact(double beta, int n, double computed)
    {
        var exact = Fraction.One - MovingAveragesRangeProperties.ExactPower(beta, n);
        return ExactDouble.ToDouble(Fraction.Abs(ExactDouble.ToFraction(computed) - exact) / exact);
    }

    [Fact]
    public void BiasCorrection_IsWithinItsRoundingBound_WhereARunningProductIsNot()
    {
        // BiasCorrection states 4 ulp (MovingAverages.OneMinusPower), a relative error of at most 4·2⁻⁵² of 1 − βⁿ for every
        // β and n. A running product rounds n − 1 times and its error is magnified by βⁿ/(1 − βⁿ) (up to ≈ 1000 here), so it
        // leaves that bound on this grid; so would 1 − Math.Pow(β, n), whose one ulp of βⁿ is magnified the same way.
        double worstPowRatio = 0, worstProductRatio = 0;
        foreach (double beta in Betas)
        {
            double product = beta;
            for (int n = 2; n <= Counts[^1]; n++)
            {
                product *= beta;
                if (!Counts.Contains(n))
                    continue;
                double bound = 4 * Math.ScaleB(1, -52);
                worstPowRatio = Math.Max(worstPowRatio, RelativeErrorAgainstExact(beta, n, Adam.BiasCorrection(beta, n)) / bound);
                worstProductRatio = Math.Max(worstProductRatio, RelativeErrorAgainstExact(beta, n, 1 - product) / bound);
            }
        }
        Assert.InRange(worstPowRatio, 0, 1);
        Assert.True(worstProductRatio > 1, $"the running product stayed within the bound (worst {worstProductRatio:R} of it)");
    }

    [Fact]
    public void StartRule_IsTheRuleARunUses()
    {
        // LODO's meta-step drives Adam through StartRule; on a deterministic objective the rule fed ∇f must give the run's
        // steps bit for bit (both are the same code, so the comparison is exact).
        var f = Quadratic.Diagonal(Vector<double>.Build.DenseOfArray([1.0, 10.0]), Vector<double>.Build.DenseOfArray([1.0, -2.0]));
        var adam = new Adam(0.05, 0.8, 0.99);
        var run = adam.Start(f, Vector<double>.Build.DenseOfArray([3.0, -1.0]));
        var rule = adam.StartRule(2);
        var theta = run.Theta;
        for (int t = 0; t < 20; t++)
        {
            var expected = rule.Step(theta, new GradientSample(f.Gradient(theta), 1, null), t);
            Assert.Equal(expected.ToArray(), run.Step().ToArray());
            theta = run.Theta;
        }
    }

    /// <summary>
    /// g = 2e154 squares to 4e308, beyond double.MaxValue: formerly v = ∞ reached Adam.Direction, whose ArgumentException
    /// named its own parameter "v"; now the rule rejects the gradient up front, naming the range 2^511, and its state does
    /// not move (the next in-range step is the first step of a fresh rule).
    /// </summary>
    [Theory]
    [InlineData(2e154)]
    [InlineData(-2e154)]
    [InlineData(6.7039039649713e153)]   // just above 2^511 ≈ 6.703903964971299e153
    public void GradientBeyondItsRange_IsRejectedNamingTheGradient(double g)
    {
        var adam = new Adam(0.1);
        var rule = adam.StartRule(2);
        var theta = Vector<double>.Build.Dense(2);
        var e = Assert.Throws<ArgumentException>(() => rule.Step(theta, new GradientSample(Vector<double>.Build.DenseOfArray([g, 1.0]), 1, null), 0));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("2^511", e.Message);
        var unit = new GradientSample(Vector<double>.Build.DenseOfArray([1.0, -2.0]), 1, null);
        Assert.Equal(adam.StartRule(2).Step(theta, unit, 0).ToArray(), rule.Step(theta, unit, 0).ToArray());
    }

    /// <summary>
    /// At the largest accepted entry 2^511 the step is finite, and with ε = 0 Adam's direction m/√v is invariant under
    /// scaling g by a power of two, so the run equals the unit run bit for bit.
    /// </summary>
    [Fact]
    public void AtTheLargestAcceptedGradient_IsTheUnitRun()
    {
        double g = MovingAverages.MaxSquaredEntry;
        Assert.Equal(Math.ScaleB(1.0, 511), g);
        var adam = new Adam(0.1, epsilon: 0);
        var unit = adam.StartRule(2);
        var largest = adam.StartRule(2);
        var theta = Vector<double>.Build.Dense(2);
        for (int t = 0; t < 5; t++)
        {
            double sign = t % 2 == 0 ? 1 : -0.5;
            var expected = unit.Step(theta, new GradientSample(Vector<double>.Build.DenseOfArray([sign, 0.75]), 1, null), t);
            var actual = largest.Step(theta, new GradientSample(Vector<double>.Build.DenseOfArray([sign * g, 0.75 * g]), 1, null), t);
            Assert.Equal(expected.ToArray(), actual.ToArray());
        }
    }

    [Fact]
    public void InvalidArguments_NameTheParameter()
    {
        Assert.Equal("stepSize", Assert.Throws<ArgumentException>(() => new Adam(-1)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentException>(() => new Adam(0.1, 0.9, 1.0)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentException>(() => new Adam(0.1, epsilon: double.NaN)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentException>(() => Adam.BiasCorrection(0.9, 0)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => Adam.BiasCorrection(1.0, 1)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentException>(() => new Adam(0.1).StartRule(0)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() =>
            new Adam(0.1).StartRule(2).Step(Vector<double>.Build.Dense(2), new GradientSample(Vector<double>.Build.DenseOfArray([1.0, double.NaN]), 1, null), 0)).ParamName);
    }
}
