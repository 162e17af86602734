using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The <see cref="ExpectationRule"/> constructor's range (its remarks): at least one node, finite labels, one weight per
/// label in [0, 1], a finite tail bound ≥ 0. Each rejection passed unnoticed on the old constructor, which checked nothing.
/// </summary>
public class ExpectationRuleConstructorExamples
{
    private const string Method = "test rule";

    [Fact]
    public void ValidRules_AreKept_AsGiven()
    {
        var rule = new ExpectationRule([0.0, 1.0], [0.25, 0.75], 0, Method);
        Assert.Equal([0.0, 1.0], rule.Labels);
        Assert.Equal([0.25, 0.75], rule.Weights);
        Assert.Equal(0, rule.TailBound);
        Assert.Equal(Method, rule.Method);
        // the edges of the range: weights 0 and 1, labels ±MaxValue, a positive tail bound
        var edge = new ExpectationRule([-double.MaxValue, double.MaxValue], [0.0, 1.0], double.MaxValue, Method);
        Assert.Equal(double.MaxValue, edge.TailBound);
    }

    [Fact]
    public void NoNode_IsRejected() =>
        ArgumentAssert.Rejects(() => _ = new ExpectationRule([], [], 0, Method), "Labels", "at least one node");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteLabel_IsRejected(double label) =>
        ArgumentAssert.Rejects(() => _ = new ExpectationRule([0.0, label], [0.5, 0.5], 0, Method), "Labels", "Labels[1] must be finite");

    [Fact]
    public void WeightsOfAnotherLength_AreRejected()
    {
        ArgumentAssert.Rejects(() => _ = new ExpectationRule([0.0, 1.0], [1.0], 0, Method), "Weights", "one entry per label (2), got 1");
        ArgumentAssert.Rejects(() => _ = new ExpectationRule([0.0], [0.5, 0.5], 0, Method), "Weights", "one entry per label (1), got 2");
    }

    [Theory]
    [InlineData(-1e-300)]
    [InlineData(-0.5)]
    [InlineData(1.0000000000000002)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void WeightOutsideZeroToOne_IsRejected(double weight) =>
        ArgumentAssert.Rejects(() => _ = new ExpectationRule([0.0, 1.0], [0.5, weight], 0, Method), "Weights", "Weights[1] must be in [0, 1]");

    [Theory]
    [InlineData(-1e-300, "must be ≥ 0")]
    [InlineData(double.NaN, "must be finite")]
    [InlineData(double.PositiveInfinity, "must be finite")]
    public void TailBoundNotFiniteAndNonNegative_IsRejected(double tail, string why) =>
        ArgumentAssert.Rejects(() => _ = new ExpectationRule([0.0], [1.0], tail, Method), "TailBound", why);

    [Fact]
    public void NullLists_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new ExpectationRule(null!, [1.0], 0, Method));
        Assert.Throws<ArgumentNullException>(() => _ = new ExpectationRule([0.0], null!, 0, Method));
        Assert.Throws<ArgumentNullException>(() => _ = new ExpectationRule([0.0], [1.0], 0, null!));
    }
}
