using Verification.Numerics;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// The documented domains of the one-eigenspace functions of elmo-amos: the cubic models M and m of eqs. (3)–(4)
/// (finite g, λ, x; finite L ≥ 0), Newton's step |g|/λ (§3.3: finite λ ≠ 0, finite |g| ≥ 0) and Cauchy's step of
/// App. F.1 (finite λ ≠ 0, finite g ≤ 0, finite L &gt; 0). Each input outside is rejected with an ArgumentException that
/// names the parameter and says what the range is. Found by mutation testing (docs/mutation-testing.md): removing these
/// checks, or emptying these messages, went unnoticed by the other tests.
/// </summary>
public class EigenspaceStepDomainExamples
{
    /// <summary>
    /// Exactly an ArgumentException naming <paramref name="parameter"/> whose message states the violated condition:
    /// "must be finite" for NaN and ±∞, otherwise "must be " followed by <paramref name="range"/>.
    /// </summary>
    private static void AssertRejects(string parameter, double bad, string range, Action call) =>
        ArgumentAssert.Rejects(call, parameter, double.IsFinite(bad) ? $"{parameter} must be {range}" : $"{parameter} must be finite");

    public static TheoryData<double> NonFinite => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void CubicModels_RejectANonFiniteGradientProjectionOrCurvature(double bad)
    {
        AssertRejects("gProjection", bad, "finite", () => CubicUpperModel.Evaluate(bad, 1, 1, 1));
        AssertRejects("gProjection", bad, "finite", () => CubicLowerModel.Evaluate(bad, 1, 1, 1));
        AssertRejects("lambda", bad, "finite", () => CubicUpperModel.Evaluate(-1, bad, 1, 1));
        AssertRejects("lambda", bad, "finite", () => CubicLowerModel.Evaluate(-1, bad, 1, 1));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void CubicModels_RejectALipschitzConstantOutsideZeroToMaxValue(double bad)
    {
        AssertRejects("lipschitz", bad, "≥ 0", () => CubicUpperModel.Evaluate(-1, 1, bad, 1));
        AssertRejects("lipschitz", bad, "≥ 0", () => CubicLowerModel.Evaluate(-1, 1, bad, 1));
    }

    /// <summary>L = 0 is in the domain: both models are then the quadratic g·x + (λ/2)·x², here −1 + 1/2 at x = 1.</summary>
    [Fact]
    public void CubicModels_AtZeroLipschitz_AreTheQuadraticModel()
    {
        Assert.Equal(-0.5, CubicUpperModel.Evaluate(-1, 1, 0, 1));
        Assert.Equal(-0.5, CubicLowerModel.Evaluate(-1, 1, 0, 1));
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void NewtonStep_RejectsANonFiniteCurvature(double bad) => AssertRejects("lambda", bad, "finite", () => NewtonStep.Along(bad, 1));

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NewtonStep_RejectsAGradientMagnitudeOutsideZeroToMaxValue(double bad) =>
        AssertRejects("gradMagnitude", bad, "≥ 0", () => NewtonStep.Along(1, bad));

    [Fact]
    public void NewtonStep_AtZeroCurvature_SaysWhy()
    {
        ArgumentAssert.Rejects(() => NewtonStep.Along(0, 1), "lambda", "lambda must be non-zero");
        // The accepted side next to λ = 0: |g|/λ at the smallest subnormal λ, 2^-1074/2^-1074 = 1 exactly.
        Assert.Equal(1.0, NewtonStep.Along(double.Epsilon, double.Epsilon));
    }

    [Fact]
    public void CauchyStep_AtZeroCurvature_SaysWhy()
    {
        var e = Assert.Throws<ArgumentException>(() => CauchyStep.Along(0, -1, 1));
        Assert.Equal("lambda", e.ParamName);
        Assert.Contains("non-zero", e.Message);
    }

    /// <summary>g = ∇fᵀv ≤ 0 by eq. (1); the message must show the offending value and the range.</summary>
    [Fact]
    public void CauchyStep_WithAPositiveGradientProjection_ShowsTheValueAndTheRange()
    {
        var e = Assert.Throws<ArgumentException>(() => CauchyStep.Along(1, 0.5, 1));
        Assert.Equal("gProjection", e.ParamName);
        Assert.Contains("≤ 0", e.Message);
        Assert.Contains("0.5", e.Message);
    }
}
