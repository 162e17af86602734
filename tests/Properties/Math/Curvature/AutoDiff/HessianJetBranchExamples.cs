using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HessianJet{T}"/> over <see cref="Float64"/>: a quotient of jets over different numbers of variables has no
/// meaning (their gradients live in different spaces) and is rejected naming the divisor; max and min of jets with
/// different values are the jet with the larger (smaller) value, derivatives included.
/// </summary>
public class HessianJetBranchExamples
{
    [Fact]
    public void QuotientOfJetsOverDifferentVariableCounts_IsRejected()
    {
        var twoVariables = HessianJet<Float64>.Variable(new Float64(1), 0, 2);
        var threeVariables = HessianJet<Float64>.Variable(new Float64(2), 0, 3);
        ArgumentAssert.Rejects(() => _ = twoVariables / threeVariables, "b", "cannot be divided");
    }

    [Fact]
    public void MaxAndMin_OfDistinctValues_AreTheLargerAndSmallerJet()
    {
        // x₀ = 1 and x₁ = 2 over two variables: max is x₁ (gradient e₁), min is x₀ (gradient e₀), in either order.
        var small = HessianJet<Float64>.Variable(Float64.Of(1), 0, 2);
        var large = HessianJet<Float64>.Variable(Float64.Of(2), 1, 2);
        foreach (var (a, b) in new[] { (small, large), (large, small) })
        {
            var max = HessianJet<Float64>.Max(a, b);
            Assert.Equal((2.0, 0.0, 1.0), (max.Value.Value, max.Gradient(0).Value, max.Gradient(1).Value));
            var min = HessianJet<Float64>.Min(a, b);
            Assert.Equal((1.0, 1.0, 0.0), (min.Value.Value, min.Gradient(0).Value, min.Gradient(1).Value));
        }
    }
}
