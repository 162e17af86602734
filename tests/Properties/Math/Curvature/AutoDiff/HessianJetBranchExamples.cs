using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HessianJet{T}"/> over <see cref="Float64"/>: a quotient of jets over different numbers of variables has no
/// meaning (their gradients live in different spaces) and is rejected naming the divisor; max and min of jets with
/// different values are the jet with the larger (smaller) value, derivatives included; a gradient part that has
/// overflowed to ±∞ times an exact zero constant is a zero (the exact product of a finite beyond-range value and 0, as
/// e^800·0 in the type's remarks), signed as the IEEE product of the two signs, not NaN; √ of a jet at value 0 whose
/// derivative parts are all 0 has derivative parts 0 (each is φ′ or φ″ times a zero part); |x| of x² and of −x² (x = 2)
/// is x² with its derivatives (value 4, gradient 2x = 4, Hessian 2), |c| of a constant is the constant |c| (0 included),
/// and |x| of a non-constant jet at value 0 is undecided (no derivative there).
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

    /// <summary>A jet over one variable at value 2^600 whose gradient 2^1200 has overflowed to +∞ (x = 2^-600, scaled twice by 2^600).</summary>
    private static HessianJet<Float64> WithOverflowedGradient()
    {
        var scale = HessianJet<Float64>.Constant(Float64.Of(Math.ScaleB(1, 600)));
        var jet = HessianJet<Float64>.Variable(Float64.Of(Math.ScaleB(1, -600)), 0, 1) * scale * scale;
        Assert.Equal(double.PositiveInfinity, jet.Gradient(0).Value);
        Assert.Equal(Math.ScaleB(1, 600), jet.Value.Value);
        return jet;
    }

    [Theory]
    [InlineData(0.0, false, false)]
    [InlineData(-0.0, false, true)]
    [InlineData(0.0, true, true)]
    [InlineData(-0.0, true, false)]
    public void ZeroConstantTimesOverflowedGradient_IsAZeroWithTheProductsSign(double zero, bool negateJet, bool negativeResult)
    {
        var jet = WithOverflowedGradient();
        if (negateJet)
            jet = -jet;
        foreach (var product in new[] { HessianJet<Float64>.Constant(Float64.Of(zero)) * jet, jet * HessianJet<Float64>.Constant(Float64.Of(zero)) })
        {
            double part = product.Gradient(0).Value;
            Assert.True(part == 0, $"gradient {part:R}, expected a zero");
            Assert.Equal(negativeResult, double.IsNegative(part));
            Assert.Equal(0.0, product.Value.Value);
        }
    }

    [Fact]
    public void SqrtAtZero_WithAllDerivativePartsZero_HasZeroDerivativeParts()
    {
        // x·0 over two variables: value 0, gradient (0, 0) (a jet, not a constant); (x·y)·0 also has a Hessian array of 0s.
        var x = HessianJet<Float64>.Variable(Float64.Of(3), 0, 2);
        var y = HessianJet<Float64>.Variable(Float64.Of(5), 1, 2);
        var zero = HessianJet<Float64>.Constant(Float64.Of(0));
        foreach (var flat in new[] { x * zero, x * y * zero })
        {
            Assert.False(flat.IsConstant);
            var root = HessianJet<Float64>.Sqrt(flat);
            Assert.Equal(0.0, root.Value.Value);
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(0.0, root.Gradient(i).Value);
                for (int j = 0; j < 2; j++)
                    Assert.Equal(0.0, root.Hessian(i, j).Value);
            }
        }
    }

    [Fact]
    public void Abs_OfPlusAndMinusASquare_IsTheSquareWithItsDerivatives()
    {
        var x = HessianJet<Float64>.Variable(Float64.Of(2), 0, 1);
        var square = x * x;
        foreach (var signed in new[] { square, -square })
        {
            var abs = HessianJet<Float64>.Abs(signed);
            Assert.Equal((4.0, 4.0, 2.0), (abs.Value.Value, abs.Gradient(0).Value, abs.Hessian(0, 0).Value));
        }
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-3.0, 3.0)]
    [InlineData(3.0, 3.0)]
    public void Abs_OfAConstant_IsTheConstantAbsoluteValue(double c, double expected)
    {
        var abs = HessianJet<Float64>.Abs(HessianJet<Float64>.Constant(Float64.Of(c)));
        Assert.True(abs.IsConstant);
        Assert.Equal(expected, abs.Value.Value);
    }

    [Fact]
    public void Abs_OfAVariableAtZero_IsUndecided()
    {
        Assert.Throws<UndecidedException>(() => HessianJet<Float64>.Abs(HessianJet<Float64>.Variable(Float64.Of(0), 0, 1)));
    }
}
