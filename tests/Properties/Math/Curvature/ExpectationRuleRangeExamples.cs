using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="ExpectationRule.Gaussian"/> outside its range: a negative variance gave NaN nodes (√ of a negative number)
/// and an infinite mean ∞ and NaN nodes, silently; both are now rejected, naming the parameter.
/// </summary>
public class ExpectationRuleRangeExamples
{
    [Fact]
    public void Gaussian_NegativeVariance_IsRejected() =>
        ArgumentAssert.Rejects(() => ExpectationRule.Gaussian(0, -1), "variance", "variance must be > 0, got -1");

    [Fact]
    public void Gaussian_InfiniteMean_IsRejected() =>
        ArgumentAssert.Rejects(() => ExpectationRule.Gaussian(double.PositiveInfinity, 1), "mean", "mean must be finite");
}
