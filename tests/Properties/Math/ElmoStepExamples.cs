using Verification.Math;
using Xunit;

namespace Verification.Tests.Properties.Math;

/// <summary>Hand-picked values of the ELMO step, and its input validation.</summary>
public class ElmoStepExamples
{
    [Theory]
    [InlineData(0.0, 2.0, 1.0, 2.0)]        // √(0 + 4)/1
    [InlineData(1.0, 0.0, 1.0, 0.0)]        // convex, no gradient: stay
    [InlineData(-1.0, 0.0, 1.0, 2.0)]       // concave, no gradient: 2|λ|/L
    [InlineData(3.0, 4.0, 2.0, 1.0)]        // (√(9 + 16) − 3)/2
    [InlineData(-3.0, 4.0, 2.0, 4.0)]       // (√25 + 3)/2
    [InlineData(0.0, 0.0, 1.0, 0.0)]
    public void Step_MatchesHandComputedValues(double lambda, double grad, double lip, double expected)
        => Assert.Equal(expected, Elmo.Step(lambda, grad, lip));

    [Fact]
    public void Step_HugeNegativeLambdaOverflowsOnlyWhenExactValueDoes()
    {
        Assert.Equal(double.PositiveInfinity, Elmo.Step(-double.MaxValue, 1, 1e-150));
        // 2|λ|/L with |λ| = 1e308, L = 10: 2e307, representable although λ² is not.
        Assert.Equal(2e307, Elmo.Step(-1e308, 0, 10), 1e293);
    }

    [Theory]
    [InlineData(double.NaN, 1.0, 1.0, "lambda")]
    [InlineData(double.PositiveInfinity, 1.0, 1.0, "lambda")]
    [InlineData(1.0, -1.0, 1.0, "gradMagnitude")]
    [InlineData(1.0, double.NaN, 1.0, "gradMagnitude")]
    [InlineData(1.0, 1.0, 0.0, "lipschitz")]
    [InlineData(1.0, 1.0, -2.0, "lipschitz")]
    [InlineData(1.0, 1.0, double.NegativeInfinity, "lipschitz")]
    public void Step_RejectsBadInputNamingTheParameter(double lambda, double grad, double lip, string parameter)
    {
        var e = Assert.Throws<ArgumentException>(() => Elmo.Step(lambda, grad, lip));
        Assert.Equal(parameter, e.ParamName);
    }
}
