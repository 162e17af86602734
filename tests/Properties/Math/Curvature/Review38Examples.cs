using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Review of stop 38's src changes (Poisson node scores and large-λ rule, the canonical split's residual with the label's
/// score as M·2^E, the empirical-Fisher split's inner Jacobian as a scaled sum, the Bernoulli-probability factors in
/// CurvatureProblem, GaussianIdentity's factors P·Q).
/// </summary>
public sealed class Review38Examples
{
    private static readonly Fraction U = ExactDouble.Pow2(-53);

    /// <summary>
    /// The empirical-Fisher split's ∇_θ b = b·s (balles-thesis eq. 7.17) is documented as the plain product b·s, bit for
    /// bit as before, where b is a normal double and J_n, ∇_f log p are within [2^-100, 2^100]. Linear Gaussian fit
    /// f = θ₀x + θ₁, σ² = 1, at θ = 0 with x = 0.1, label y = 14: g = 14, J = (0.1, 1), b = e^{−ℓ} ≈ 1.1e-43, a normal
    /// double below 2^-100. The plain product b̂·fl(0.1·14) is 1.5352491831445689e-43; the scaled sum the split took for
    /// every b outside [2^-100, 2^100] gave 1.5352491831445687e-43. Both are within the property's 9u of the exact
    /// b̂·g·x (b̂ the computed density, as <see cref="EmpiricalFisherSplitRangeProperties"/> takes it), which is also checked.
    /// </summary>
    [Fact]
    public void EmpiricalFisherInnerJacobian_AtANormalDensityBelowTwoToMinus100_IsThePlainProductBitForBit()
    {
        const double x = 0.1, y = 14;
        var problem = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(1),
            new Dataset([Vector<double>.Build.Dense(1, x)], [y]));
        var theta = Vector<double>.Build.Dense(2);
        double b = Math.Exp(-problem.SampleLoss(0, theta));
        Assert.True(b >= Math.ScaleB(1.0, -1022) && b < Math.ScaleB(1.0, -100), $"b = {b:R} is not a normal double below 2^-100");
        var jacobian = Splits.EmpiricalFisher(problem).InnerJacobian(0, theta);
        double plain = b * (x * y);
        Fraction exact = ExactDouble.ToFraction(b) * ExactDouble.ToFraction(x) * ExactDouble.ToFraction(y);
        double error = ExactDouble.ToDouble(Fraction.Abs(ExactDouble.ToFraction(jacobian[0, 0]) - exact) / (U * exact));
        Assert.True(error <= 9, $"∇b[0, 0] = {jacobian[0, 0]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, off by {error:R}u > 9u");
        Assert.Equal(plain, jacobian[0, 0]);
        Assert.Equal(b * y, jacobian[0, 1]);
    }

    /// <summary>
    /// The empirical-Fisher split's GGN term J_bᵀ(1/b²)J_b = s sᵀ (balles-thesis eq. 7.17, footnote 7.3) where the density
    /// b = p(y|f) is above 2^511, so b² overflows and the outer Hessian 1/(b·b) came out 0 (found reviewing stop 38's
    /// GaussianIdentity and empirical-Fisher changes, which reach such densities: σ² below 1/double.MaxValue). Linear fit
    /// f = θx without bias at θ = 0, σ² = 1e-310, x = 1e-150, y = 1e-160: b ≈ 4e154, g = y/σ² ≈ 1e150, s = g·x ≈ 1, so
    /// G = s² ≈ 1 (exact in rationals from the doubles); the GGN came out 0. Tolerance 6u: g = y/σ² one division (y − 0 is
    /// exact), s = x·g one product, so s within 2u and s² within 2·2u plus its own rounding, 5u; one ulp is at most 2u.
    /// </summary>
    [Fact]
    public void EmpiricalFisherSplitGgn_WhereTheDensityIsAboveTwoTo511_IsScoreSquared()
    {
        const double variance = 1e-310, x = 1e-150, y = 1e-160;
        var problem = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(variance),
            new Dataset([Vector<double>.Build.Dense(1, x)], [y]));
        var theta = Vector<double>.Build.Dense(1);
        Assert.True(Math.Exp(-problem.SampleLoss(0, theta)) > Math.ScaleB(1.0, 511), "b is not above 2^511");
        Fraction s = ExactDouble.ToFraction(y) / ExactDouble.ToFraction(variance) * ExactDouble.ToFraction(x), exact = s * s;
        double ggn = Splits.GeneralizedGaussNewton(Splits.EmpiricalFisher(problem), theta)[0, 0];
        double error = ExactDouble.ToDouble(Fraction.Abs(ExactDouble.ToFraction(ggn) - exact) / (U * exact));
        Assert.True(error <= 6, $"G[0, 0] = {ggn:R}, exact s² ≈ {ExactDouble.ToDouble(exact):R}, off by {error:R}u > 6u");
    }

    /// <summary>
    /// The empirical-Fisher split's outer Hessian ∇²_b a = 1/b² (footnote 7.3) at the same b ≈ 4e154: b·b overflowed, so
    /// 1/(b·b) came out 0 where the exact 1/b̂² ≈ 6.3e-310 is a subnormal double. Tolerance 2·2^-1074 absolute: (1/b̂)² is
    /// within 2u + u² relatively, below 2^-1074 for a value under 2^-1022, plus the final rounding onto the subnormal grid.
    /// </summary>
    [Fact]
    public void EmpiricalFisherSplitOuterHessian_WhereTheDensityIsAboveTwoTo511_IsOneOverBSquared()
    {
        var problem = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(1e-310),
            new Dataset([Vector<double>.Build.Dense(1, 1e-150)], [1e-160]));
        var theta = Vector<double>.Build.Dense(1);
        Fraction b = ExactDouble.ToFraction(Math.Exp(-problem.SampleLoss(0, theta))), exact = 1 / (b * b);
        double outer = Splits.EmpiricalFisher(problem).OuterHessian(0, theta)[0, 0];
        Fraction error = Fraction.Abs(ExactDouble.ToFraction(outer) - exact);
        Assert.True(error <= 2 * ExactDouble.Pow2(-1074), $"1/b² = {outer:R}, exact ≈ {ExactDouble.ToDouble(exact):R}");
    }
}
