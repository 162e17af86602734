using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HessianJet{T}"/> over <see cref="Float64"/>: comparisons look at the value only, so of two jets with equal
/// values (and different derivatives) neither is below or above the other, while both ≤ and ≥ hold; in the ordinary range
/// e^x of a jet with a Hessian is the plain chain rule φ'·∇²x + (φ''·∇x)·∇x, bit for bit the generic formula (the type's
/// remarks), not the scaled sum of the terms φ'·∇²x and ∇x·∇x·φ'' (whose product order rounds differently at x = v²,
/// v = 0.8).
/// </summary>
public class HessianJetRun27Examples
{
    [Fact]
    public void Comparisons_OfJetsWithEqualValues_LookAtTheValueOnly()
    {
        var variable = HessianJet<Float64>.Variable(Float64.Of(2), 0, 2);
        var other = HessianJet<Float64>.Variable(Float64.Of(2), 1, 2);
        Assert.False(variable < other);
        Assert.False(other < variable);
        Assert.False(variable > other);
        Assert.True(variable <= other);
        Assert.True(variable >= other);
    }

    [Fact]
    public void Exp_OfAJetWithAHessianInTheOrdinaryRange_IsThePlainChainRule()
    {
        // x = v² at v = 0.8: value 0.8² (rounded), gradient 2·0.8 = 1.6 and Hessian 2 (both exact).
        var v = HessianJet<Float64>.Variable(Float64.Of(0.8), 0, 1);
        var x = v * v;
        double value = 0.8 * 0.8, gradient = 2 * 0.8;
        Assert.Equal((value, gradient, 2.0), (x.Value.Value, x.Gradient(0).Value, x.Hessian(0, 0).Value));
        var e = HessianJet<Float64>.Exp(x);
        // φ' = φ'' = E, the platform e^x (normal here); the generic formula forms E·2 + (E·g)·g in doubles, left to right.
        double exp = Math.Exp(value);
        double plain = exp * 2 + exp * gradient * gradient;
        // The same terms multiplied in another order round differently here, so the check tells the plain formula apart.
        Assert.NotEqual(plain, exp * 2 + gradient * gradient * exp);
        Assert.Equal(plain, e.Hessian(0, 0).Value);
        Assert.Equal(exp * gradient, e.Gradient(0).Value);
        Assert.Equal(exp, e.Value.Value);
    }
}
