using Verification.Numerics;
using Verification.Numerics.Exact;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Elmo;

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
        => Assert.Equal(expected, ElmoStep.Step(lambda, grad, lip));

    [Fact]
    public void Step_HugeNegativeLambdaOverflowsOnlyWhenExactValueDoes()
    {
        Assert.Equal(double.PositiveInfinity, ElmoStep.Step(-double.MaxValue, 1, 1e-150));
        // 2|λ|/L with |λ| = 1e308, L = 10: 2e307, representable although λ² is not.
        Assert.Equal(2e307, ElmoStep.Step(-1e308, 0, 10), 1e293);
    }

    /// <summary>
    /// The wrong answers of issue 15: an underflowed 2L|g| was taken as 0 and 2·L overflowed above 9e307. With
    /// λ = c·t, |g| = t, L = t the exact step is (√(c² + 2) − c) for every t &gt; 0: √2, √3 − 1 and √3 + 1 here.
    /// </summary>
    [Theory]
    [InlineData(0.0, 1e-300, 1e-300, 0, 2)]      // √2
    [InlineData(1e-300, 1e-300, 1e-300, -1, 3)]  // √3 − 1
    [InlineData(-1e308, 1e308, 1e308, 1, 3)]     // √3 + 1
    [InlineData(0.0, double.Epsilon, double.Epsilon, 0, 2)]
    [InlineData(-double.Epsilon, double.Epsilon, double.Epsilon, 1, 3)]
    [InlineData(-double.MaxValue, double.MaxValue, double.MaxValue, 1, 3)]
    public void Step_AtExtremeScales_IsTheScaleFreeClosedForm(double lambda, double grad, double lip, int offset, int radicand)
    {
        // x* = √radicand + offset, enclosed in rationals.
        var exact = RationalInterval.Exact((double)radicand).Sqrt() + RationalInterval.Exact((double)offset);
        double error = ExactDouble.UlpError(ElmoStep.Step(lambda, grad, lip), exact);
        Assert.True(error <= Tolerances.ElmoStepUlps, $"{error} ulp from {exact}");
    }

    /// <summary>
    /// Round-to-nearest overflows at T = MaxValue + ½ulp = 2^1024 − 2^970. With |g| = 0 and λ &lt; 0, x* = 2|λ|/L:
    /// λ = −MaxValue, L = 2 gives MaxValue exactly; L = 2 − 2^-52 gives MaxValue·(1 + 2^-53 + …) &gt; T, so +∞; and
    /// |g| = MaxValue adds about 2|g|/(2|λ|)·… ≈ 1 to x*, far below T − MaxValue = 2^970, so MaxValue again.
    /// </summary>
    [Fact]
    public void Step_OverflowsExactlyAtTheRoundToNearestThreshold()
    {
        Assert.Equal(double.MaxValue, ElmoStep.Step(-double.MaxValue, 0, 2));
        Assert.Equal(double.PositiveInfinity, ElmoStep.Step(-double.MaxValue, 0, Math.BitDecrement(2.0)));
        Assert.Equal(double.MaxValue, ElmoStep.Step(-double.MaxValue, double.MaxValue, 2));
    }

    /// <summary>Subnormal results that are exact doubles: x* = 2|λ|/L = 2^-1073 for λ = −2^-1074, L = 1, and x* = √(2|g|/L) = 2^-1048 for λ = 0, |g| = 2^-1074, L = 2^1023.</summary>
    [Fact]
    public void Step_SubnormalResults_AreExact()
    {
        Assert.Equal(2 * double.Epsilon, ElmoStep.Step(-double.Epsilon, 0, 1));
        Assert.Equal(Math.ScaleB(1.0, -1048), ElmoStep.Step(0, double.Epsilon, Math.ScaleB(1.0, 1023)));
    }

    [Theory]
    [InlineData(double.NaN, 1.0, 1.0, "lambda", "lambda must be finite")]
    [InlineData(double.PositiveInfinity, 1.0, 1.0, "lambda", "lambda must be finite")]
    [InlineData(1.0, -1.0, 1.0, "gradMagnitude", "gradMagnitude must be ≥ 0")]
    [InlineData(1.0, -double.Epsilon, 1.0, "gradMagnitude", "gradMagnitude must be ≥ 0")]
    [InlineData(1.0, double.NaN, 1.0, "gradMagnitude", "gradMagnitude must be finite")]
    [InlineData(1.0, 1.0, 0.0, "lipschitz", "lipschitz must be > 0")]
    [InlineData(1.0, 1.0, -2.0, "lipschitz", "lipschitz must be > 0")]
    [InlineData(1.0, 1.0, double.NegativeInfinity, "lipschitz", "lipschitz must be finite")]
    public void Step_RejectsBadInputNamingTheParameter(double lambda, double grad, double lip, string parameter, string why)
        => ArgumentAssert.Rejects(() => ElmoStep.Step(lambda, grad, lip), parameter, why);

    /// <summary>
    /// The accepted sides of the boundaries rejected above: |g| = 0 with λ = 1 gives x* = (√(λ²) − λ)/L = 0, and the
    /// smallest L = 2^-1074 with λ = 0, |g| = 2^-1074 gives x* = √(2|g|/L) = √2 (independent of the scale).
    /// Tolerance: 1 ulp of √2, the documented accuracy of Step.
    /// </summary>
    [Fact]
    public void Step_AtTheSmallestAcceptedInputs_IsTheClosedForm()
    {
        Assert.Equal(0.0, ElmoStep.Step(1, 0, 1));
        Assert.Equal(Math.Sqrt(2), ElmoStep.Step(0, double.Epsilon, double.Epsilon), Math.BitIncrement(Math.Sqrt(2)) - Math.Sqrt(2));
    }
}
