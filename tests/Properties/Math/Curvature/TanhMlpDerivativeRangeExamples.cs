using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.ModelDerivatives{T}"/> of the one-hidden-layer tanh MLP in doubles where a partial product
/// of ∂f/∂W₁ = W₂·s·x̃ or ∂²f/∂W₁² = −2W₂·h·s·x̃² underflows while the derivative is a normal double (issue 15, item 1).
/// D = H = M = 1, x = 2^600, θ = (W₁, b₁, W₂, b₂) = (300·2^-600, 0, 2^-400, 0): a = W₁x + b₁ = 300 exactly, h = tanh 300 = 1 in
/// doubles and s = sech²300 ≈ 1.1e-260 (the double the formula uses), so W₂·s ≈ 4e-381 underflowed to 0 and both entries
/// came out 0. Expected: the products of those doubles in rationals, s·2^200 ≈ 1.7e-200 and −2·s·2^800 ≈ −7e-20 (powers
/// of two times s: exact in doubles, so the tolerance is 0 ulp).
/// </summary>
public class TanhMlpDerivativeRangeExamples
{
    [Fact]
    public void MlpDerivatives_WhoseWeightTimesSechSquaredUnderflows_AreTheExactProducts()
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, 1);
        double x = Math.ScaleB(1, 600), w1 = Math.ScaleB(300, -600), w2 = Math.ScaleB(1, -400);
        var e = CurvatureFormulas.ModelDerivatives(shape, Float64.Of(0), [Float64.Of(x)],
            [Float64.Of(w1), Float64.Of(0), Float64.Of(w2), Float64.Of(0)]);
        Fraction s = ExactDouble.ToFraction(TanhMlp.SechSquared(300)), h = ExactDouble.ToFraction(Math.Tanh(300));
        Fraction fx = ExactDouble.ToFraction(x), fw2 = ExactDouble.ToFraction(w2);
        Assert.Equal(ExactDouble.ToDouble(fw2 * s * fx), e.Jacobian[0, 0].Value);
        Assert.Equal(ExactDouble.ToDouble(-2 * fw2 * h * s * fx * fx), e.Hessians[0][0, 0].Value);
        Assert.True(e.Jacobian[0, 0].Value > 1e-201 && e.Hessians[0][0, 0].Value < -1e-21); // normal, not 0 (the premise)
    }
}
