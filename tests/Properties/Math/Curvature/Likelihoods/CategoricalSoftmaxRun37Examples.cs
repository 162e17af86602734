using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Xunit;
using static Verification.Tests.Properties.Numerics.Curvature.Likelihoods.ScaledFormAssert;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// ∇² = −(diag π − ππᵀ) of the softmax (eq. D.16) carried as M·2^E (<see cref="LikelihoodBase.HessianScaledWhereNeeded"/>)
/// where an entry is below 2^-1022: at f = (0, −400, −400), the case the scaled form was written for, π₁π₂ ≈ e^-800 ≈ 2^-1154
/// is 0 as a double, and no form was given while the cut was every f_c − m ≥ −600 (now −340).
/// </summary>
public sealed class CategoricalSoftmaxRun37Examples
{
    [Fact]
    public void ScaledHessian_WithTwoClasses400BelowTheLargest_KeepsTheirProduct()
    {
        var likelihood = new CategoricalSoftmax(3);
        var f = Vector<double>.Build.DenseOfArray([0, -400, -400]);
        Assert.Equal(0.0, likelihood.Hessian(0, f)[1, 2]);
        var e = ExactExp.Of(-400.0, Bits);
        var one = RationalInterval.Exact(1.0);
        var pi = e / (one + e + e);
        var exact = pi * pi;
        var h = likelihood.HessianScaledWhereNeeded(0, f);
        Assert.NotNull(h);
        // (2D + 4C + 9)·u with D = 400, C = 3: the class's ∇² bound read strictly, plus the enclosure's width
        var entry = Entry(h.Entries, 1 * 3 + 2);
        var error = Fraction.Abs(entry - exact.Lower) > Fraction.Abs(entry - exact.Upper) ? Fraction.Abs(entry - exact.Lower) : Fraction.Abs(entry - exact.Upper);
        Assert.True(error <= F(821 * Unit) * exact.Upper + exact.Width, $"∇²[1, 2] = {h.Mantissa(1, 2):R}·2^{h.Exponent(1, 2)}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");
    }
}
