using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}.TermScale"/> in doubles where G² or ‖J‖²_F leave the double range (issue 15, item 1).
/// One sample of a curved-linear model with κ = 0 at θ = 0 under the Gaussian likelihood: f = 0, J = x, ∇²f = 0,
/// ∇_f log p = y − f at the label and at the expectation nodes f ± 1, ∇²_f log p = −1. So G = max(|y|, 1), H = 1, K = 0
/// and the scale is exactly x²·(1 + G² + 1), formed here in rationals from the double inputs.
/// </summary>
public class TermScaleRangeExamples
{
    /// <summary>8 ulp: the summed form rounds each of its four nonnegative terms at most twice and sums them (≤ 7u).</summary>
    private const double Ulps = 8;

    [Theory]
    [InlineData(1e-100, 1e160)] // G² = 1e320 overflowed: the scale was +∞, exact 1e120
    [InlineData(1e-200, 1e160)] // x² = 1e-400 underflowed to 0 and 0·∞ was NaN, exact 1e-80
    [InlineData(1e-200, 1e100)] // x² underflowed to 0: the scale was 2^-1074, exact 1e-200
    [InlineData(0.5, 3)]        // ordinary: the product form, within the same bound
    // J below 2^-100 with G and H ordinary (mutation run 32): the product form squared J first, x² ≈ 1e-320 kept about 11
    // bits, and the scale came out 9.99989e-261, exact 1e-260; a tiny J alone must send the sample to the summed form.
    [InlineData(1e-160, 1e30)]
    [InlineData(-1e-160, 1e30)] // the sign of J does not matter
    public void TermScale_IsTheExactScale_WhereGSquaredOrJSquaredLeaveTheRange(double x, double y)
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(x)]], [[Float64.Of(y)]], [Float64.Of(0)]);
        Fraction fx = ExactDouble.ToFraction(x), g = FractionExtensions.Max(Fraction.Abs(ExactDouble.ToFraction(y)), Fraction.One);
        var exact = fx * fx * (2 + g * g);

        double scale = problem.TermScale().Value;

        Assert.True(ExactDouble.UlpError(scale, RationalInterval.Exact(exact)) <= Ulps,
            $"TermScale {scale:R}, exact {ExactDouble.ToDouble(exact):R}");
    }
}
