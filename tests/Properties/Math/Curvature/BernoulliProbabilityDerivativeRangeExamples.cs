using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/> of the Bernoulli probability (the non-natural control of
/// balles-thesis Prop. 7.1: ∇ = y/q − (1 − y)/(1 − q), ∇² = −y/q² − (1 − y)/(1 − q)²) in doubles over the whole range of
/// q ∈ (0, 1) (issue 15, item 1), against the closed form in rationals at the double q.
/// </summary>
public class BernoulliProbabilityDerivativeRangeExamples
{
    /// <summary>
    /// 4 ulp: 1 − q rounds once (exact for q ≥ ½), its square once, the reciprocal once (3u), as the likelihood's own
    /// Hessian (<see cref="Verification.Numerics.Curvature.Likelihoods.BernoulliProbability"/>: within 4 ulp).
    /// </summary>
    private const double Ulps = 4;

    private static readonly CurvatureShape Shape = new(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);

    /// <summary>
    /// At the label y = 0 the Hessian is −1/(1 − q)², about −1 for small q. It was NaN below q ≈ 1.5e-162: the written
    /// −y/(q·q) formed q·q, which underflowed to 0, and 0/0 is NaN.
    /// </summary>
    [Theory]
    [InlineData(1e-200)]
    [InlineData(4.9406564584124654E-324)] // 2^-1074
    [InlineData(1e-162)]
    [InlineData(1e-100)]
    [InlineData(0.5)]
    [InlineData(0.9999999999999999)] // 1 − 2^-53
    public void HessianAtLabelZero_IsMinusOneOverOneMinusQSquared(double q)
    {
        var (gradient, hessian) = CurvatureFormulas.LogDensityDerivatives<Float64>(Shape, [Float64.Of(0)], [Float64.Of(q)]);
        var p = 1 - ExactDouble.ToFraction(q);
        var expected = -(Fraction.One / (p * p));
        Assert.True(double.IsFinite(hessian[0, 0].Value) && ExactDouble.UlpError(hessian[0, 0].Value, RationalInterval.Exact(expected)) <= Ulps,
            $"∇² at q = {q:R}: {hessian[0, 0].Value:R}, exact {ExactDouble.ToDouble(expected):R}");
        Assert.True(ExactDouble.UlpError(gradient[0].Value, RationalInterval.Exact(-(Fraction.One / p))) <= Ulps,
            $"∇ at q = {q:R}: {gradient[0].Value:R}");
    }

    /// <summary>
    /// At the label y = 1 the Hessian −1/q² is beyond the range below q ≈ 7.5e-155 and comes back −∞ there (the curvature
    /// matrices reject it naming θ), while the gradient 1/q is still the double 1e200 at q = 1e-200.
    /// </summary>
    [Fact]
    public void HessianAtLabelOne_BeyondTheRange_IsMinusInfinity()
    {
        var (gradient, hessian) = CurvatureFormulas.LogDensityDerivatives<Float64>(Shape, [Float64.Of(1)], [Float64.Of(1e-200)]);
        Assert.Equal(double.NegativeInfinity, hessian[0, 0].Value);
        Assert.True(ExactDouble.UlpError(gradient[0].Value, RationalInterval.Exact(Fraction.One / ExactDouble.ToFraction(1e-200))) <= 1,
            $"∇ = {gradient[0].Value:R}"); // one division: 1 ulp
    }
}
