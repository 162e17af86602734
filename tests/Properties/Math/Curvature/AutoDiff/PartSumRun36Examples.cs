using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// A hyper-dual part that is already NaN may enter the next operation and makes the parts it enters NaN (the documented
/// behaviour of <see cref="HyperDual"/>'s chain rule through its part sums; mutation run 35: without the early stop at a NaN
/// factor the sum passed NaN on to its scaled sum, which throws an ArgumentException naming its own parameter). exp at 0
/// with ε₁ part NaN, ε₂ part 1: the ε₁ and ε₁ε₂ parts are NaN, the value e^0 = 1 and the ε₂ part e^0·1 = 1 exactly.
/// </summary>
public sealed class PartSumRun36Examples
{
    [Fact]
    public void Exp_OfANaNPart_PropagatesNaN()
    {
        var y = HyperDual.Exp(new HyperDual(0, double.NaN, 1, 0));
        Assert.Equal(1.0, y.Value);
        Assert.True(double.IsNaN(y.E1), $"E1 = {y.E1:R}");
        Assert.Equal(1.0, y.E2);
        Assert.True(double.IsNaN(y.E12), $"E12 = {y.E12:R}");
    }
}
