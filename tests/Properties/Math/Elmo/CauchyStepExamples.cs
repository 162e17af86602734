using Verification.Numerics;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>Hand-picked Cauchy steps (App. F.1), at ordinary and extreme scales.</summary>
public class CauchyStepExamples
{
    /// <summary>λ = ±3, g = −4, L = 2: √(1 + 16/9) = 5/3, so x_C = −2/(8/3)·(−4/±3) = ±1.</summary>
    [Theory]
    [InlineData(3.0, 1.0)]
    [InlineData(-3.0, -1.0)]
    public void Along_MatchesTheHandComputedFirstLine(double lambda, double expected)
        => Assert.Equal(expected, CauchyStep.Along(lambda, -4, 2));

    /// <summary>
    /// Issue 15: 2Lg/λ² overflowed for |λ| below ~1e-154 and the first line as written returned 0. With λ ≪ √(2L|g|)
    /// the step is 2|g|/(λ + √(λ² + 2L|g|)) = √(2|g|/L)·(1 − O(λ)): √2 to far below half an ulp here.
    /// Likewise 2L|g| = 2e400 overflows for |g| = L = 1e200, where the step is √(2|g|/L) = √2 again.
    /// </summary>
    [Theory]
    [InlineData(1e-200, -1.0, 1.0)]
    [InlineData(double.Epsilon, -1.0, 1.0)]
    [InlineData(1e-200, -1e200, 1e200)]
    public void Along_WhereTheFirstLineOverflows_IsRootTwo(double lambda, double g, double lip)
    {
        Assert.Equal(Math.Sqrt(2), CauchyStep.Along(lambda, g, lip));
        Assert.Equal(-Math.Sqrt(2), CauchyStep.Along(-lambda, g, lip));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1e-300)]
    public void Along_WithoutGradient_IsZero(double lambda)
    {
        Assert.Equal(0.0, CauchyStep.Along(lambda, 0.0, 1));
        Assert.Equal(0.0, CauchyStep.Along(lambda, -0.0, 1));
    }

    [Theory]
    [InlineData(0.0, -1.0, 1.0, "lambda", "lambda must be non-zero")]
    [InlineData(double.NaN, -1.0, 1.0, "lambda", "lambda must be finite")]
    [InlineData(1.0, double.NegativeInfinity, 1.0, "gProjection", "gProjection must be finite")]
    [InlineData(1.0, double.Epsilon, 1.0, "gProjection", "gProjection must be ≤ 0")]
    [InlineData(1.0, -1.0, 0.0, "lipschitz", "lipschitz must be > 0")]
    [InlineData(1.0, -1.0, -double.Epsilon, "lipschitz", "lipschitz must be > 0")]
    [InlineData(1.0, -1.0, double.PositiveInfinity, "lipschitz", "lipschitz must be finite")]
    public void Along_RejectsInputOutsideItsDomain(double lambda, double g, double lip, string parameter, string why)
        => ArgumentAssert.Rejects(() => CauchyStep.Along(lambda, g, lip), parameter, why);

    /// <summary>λ = −0.0 is λ = 0 (xUnit treats 0.0 and −0.0 as duplicate InlineData, hence a separate fact).</summary>
    [Fact]
    public void Along_RejectsNegativeZeroLambda()
        => ArgumentAssert.Rejects(() => CauchyStep.Along(-0.0, -1, 1), "lambda", "lambda must be non-zero");
}
