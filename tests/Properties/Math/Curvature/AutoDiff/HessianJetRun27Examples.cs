using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HessianJet{T}"/> over <see cref="Float64"/>: comparisons look at the value only, so of two jets with equal
/// values (and different derivatives) neither is below or above the other, while both ≤ and ≥ hold; in the ordinary range
/// e^x of a jet with a Hessian is the plain chain rule φ'·∇²x + (φ''·∇x)·∇x, bit for bit the generic formula (the type's
/// remarks), not a once-rounded sum: at x = 0 with ∇x = c = 1 + 2^-52 and ∇²x = 2^-53, c² = 1 + 2^-51 + 2^-104 rounds to
/// 1 + 2^-51, and adding 2^-53 is a tie that rounds to even, 1 + 2^-51; the exact part 1 + 2^-51 + 2^-53 + 2^-104 rounded
/// once is 1 + 3·2^-52.
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
        double c = 1 + Math.ScaleB(1, -52);
        var v = HessianJet<Float64>.Variable(Float64.Of(0), 0, 1);
        // x = c·v + 2^-54·v²: value 0, gradient c, Hessian 2·2^-54 = 2^-53 (all exact).
        var x = HessianJet<Float64>.Constant(Float64.Of(c)) * v
            + HessianJet<Float64>.Constant(Float64.Of(Math.ScaleB(1, -54))) * v * v;
        Assert.Equal((0.0, c, Math.ScaleB(1, -53)), (x.Value.Value, x.Gradient(0).Value, x.Hessian(0, 0).Value));
        var e = HessianJet<Float64>.Exp(x);
        // φ' = φ'' = e^0 = 1 exactly, so the generic formula is 1·2^-53 + (1·c)·c in doubles: 1 + 2^-51 (see the summary).
        double plain = 1 * Math.ScaleB(1, -53) + 1 * c * c;
        Assert.Equal(1 + Math.ScaleB(1, -51), plain);
        Assert.Equal(plain, e.Hessian(0, 0).Value);
        Assert.Equal(c, e.Gradient(0).Value);
    }
}
