using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HessianJet{T}"/> over <see cref="Float64"/>: comparisons look at the value only, so of two jets with equal
/// values (and different derivatives) neither is below or above the other, while both ≤ and ≥ hold; in the ordinary range
/// e^x of a jet with a Hessian is the plain chain rule φ'·∇²x + (φ''·∇x)·∇x, bit for bit the generic formula (the type's
/// remarks), not the scaled sum of the terms φ'·∇²x and ∇x·∇x·φ'' (whose product order rounds differently at x = v²,
/// v = 0.8); where a partial product of the Hessian part falls below the normal range the part is one sum rounded once,
/// not the plain formula with that product rounded to the subnormal grid first.
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
        // x = v² at several v: value v² (rounded), gradient 2v and Hessian 2 (both exact). φ' = φ'' = E, the platform e^x
        // (normal here); the generic formula forms E·2 + (E·g)·g in doubles, left to right, at every point. The same terms
        // multiplied in another order round differently at some of the points (which ones depends on the platform's exp),
        // and at least one such point is required, so that the check tells the plain formula from a re-ordered or scaled one.
        int discriminating = 0;
        foreach (double at in new[] { 0.8, 0.7, 0.9, 1.1, 1.3, 0.6, 1.7, 0.55, 1.45, 0.95, 1.05, 1.9 })
        {
            var v = HessianJet<Float64>.Variable(Float64.Of(at), 0, 1);
            var x = v * v;
            double value = at * at, gradient = 2 * at;
            Assert.Equal((value, gradient, 2.0), (x.Value.Value, x.Gradient(0).Value, x.Hessian(0, 0).Value));
            var e = HessianJet<Float64>.Exp(x);
            double exp = Math.Exp(value);
            double plain = exp * 2 + exp * gradient * gradient;
            if (plain != exp * 2 + gradient * gradient * exp)
                discriminating++;
            Assert.Equal(plain, e.Hessian(0, 0).Value);
            Assert.Equal(exp * gradient, e.Gradient(0).Value);
            Assert.Equal(exp, e.Value.Value);
        }
        Assert.True(discriminating > 0, "no point where the two multiplication orders round differently");
    }

    [Fact]
    public void Exp_WhereTheHessianTermIsSubnormal_IsOneSumRoundedOnce()
    {
        // x = 1 + 2^-511·w + q·w² at w = 0 with q = 3·2^-1073: value 1, gradient s = 2^-511, Hessian 2q = 3·2^-1072 (all
        // exact; 2q is subnormal). With E = e^1 as a double, the part is E·2q + E·s², where E·2q ≈ 4.38·2^-1072 is below
        // the normal range (not a trusted plain product) and E·s² = E·2^-1022 is a normal double, exactly.
        var w = HessianJet<Float64>.Variable(Float64.Of(0), 0, 1);
        double s = Math.ScaleB(1, -511), q = Math.ScaleB(3, -1073);
        var x = HessianJet<Float64>.Constant(Float64.Of(1)) + HessianJet<Float64>.Constant(Float64.Of(s)) * w
            + HessianJet<Float64>.Constant(Float64.Of(q)) * w * w;
        Assert.Equal((1.0, s, 2 * q), (x.Value.Value, x.Gradient(0).Value, x.Hessian(0, 0).Value));
        var e = HessianJet<Float64>.Exp(x);
        var exp = ExactDouble.ToFraction(Math.Exp(1));
        var exact = exp * ExactDouble.ToFraction(2 * q) + exp * ExactDouble.ToFraction(s) * ExactDouble.ToFraction(s);
        // One rounding of the sum (the scaled sum's mantissa product E·2q carries at most a 2^-53 relative error, far
        // below what matters here): within half the spacing 2^-1073 of doubles in [2^-1021, 2^-1020), i.e. 2^-1074.
        // Rounding E·2q to the subnormal grid first (to 4·2^-1072) and then the sum lands 1.38·2^-1074 away.
        var error = Fraction.Abs(ExactDouble.ToFraction(e.Hessian(0, 0).Value) - exact);
        Assert.True(error <= ExactDouble.Pow2(-1074), $"Hessian {e.Hessian(0, 0).Value:R}, error {(double)(error / ExactDouble.Pow2(-1074)):R}·2^-1074");
    }
}
