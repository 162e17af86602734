using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Two survivors of mutation run 34 in <see cref="HyperDual"/>. The product's scaled branch (a part outside
/// [2^-100, 2^100]) keeps the term a·∂₁₂b of ∂₁₂(ab) = a·∂₁₂b + ∂₁a·∂₂b + ∂₂a·∂₁b + ∂₁₂a·b: with a = (3, 2^-200, 5, 0) and
/// b = (7, 1, 1, 11) it is 33 + 2^-200 + 5 + 0, which rounds to 38. And a partial product with a zero factor and an
/// overflowed one is not trusted as a plain product (0·∞ is NaN there; the scaled form takes a zero factor's term as 0):
/// erf(e^x) at x = 800, where e^x and its derivatives have overflowed to +∞ and erf′(+∞) = 0, has value 1 and gradient
/// erf′(e^x)·e^x = (2/√π)·e^(x − e^(2x)), far below 2^-1074, so 0 (checked on <see cref="HessianJet{T}"/>, whose
/// chain rule shares the test).
/// </summary>
public sealed class HyperDualRun35Examples
{
    [Fact]
    public void Product_OnTheScaledBranch_KeepsTheValueTimesTheMixedPart()
    {
        var a = new HyperDual(3, Math.ScaleB(1, -200), 5, 0);
        var b = new HyperDual(7, 1, 1, 11);
        var p = a * b;
        Assert.Equal(21.0, p.Value);
        // ε₁ε₂: 3·11 + 2^-200·1 + 5·1 + 0·7; the tiny term is far below half an ulp of 38.
        Assert.Equal(38.0, p.E12);
        // ε₁: 3·1 + 2^-200·7 rounds to 3; ε₂: 3·1 + 5·7 = 38.
        Assert.Equal(3.0, p.E1);
        Assert.Equal(38.0, p.E2);
    }

    [Fact]
    public void ErfOfAnOverflowedExponential_HasGradientZero()
    {
        var x = HessianJet<Float64>.Variable(Float64.Of(800), 0, 1);
        var e = HessianJet<Float64>.Exp(x);
        Assert.Equal(double.PositiveInfinity, e.Value.Value);
        Assert.Equal(double.PositiveInfinity, e.Gradient(0).Value);
        var y = HessianJet<Float64>.Erf(e);
        Assert.Equal(1.0, y.Value.Value);
        Assert.Equal(0.0, y.Gradient(0).Value);
        Assert.Equal(0.0, y.Hessian(0, 0).Value);
    }
}
