using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The GGN of the empirical-Fisher split (balles-thesis eq. 7.17: a(b) = −log b, b = p(y|f)) where b·s underflows while the
/// GGN term (b s)(1/b²)(b s)ᵀ = s sᵀ is a normal double (issue 15, item 1). One sample of the linear Gaussian fit
/// f = θ₀x + θ₁ (σ² = 1) at θ = 0 with label y = 26: r = y − f = 26, ℓ = r²/2 + ½log 2π ≈ 338.9, so b ≈ 5.6e-148 is normal
/// and 1/b² ≈ 3e294 finite, and s = ∇_θ log p = r·(x, 1) (eq. D.9 with J = (x, 1)). The exact GGN is s sᵀ =
/// r²·[[x², x], [x, 1]], formed in rationals from the double x.
/// </summary>
public class EmpiricalFisherSplitUnderflowExamples
{
    /// <summary>
    /// 2 ulp: s₀ = r·x is rounded once (r = 26 and s₁ = 26 are exact), s₀·s₁ once more; the symmetrization (g + g)/2 is
    /// exact.
    /// </summary>
    private const double Ulps = 2;

    private static Matrix<double> Ggn(double x, out Fraction rSquaredX)
    {
        const double y = 26;
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(),
            new Dataset([Vector<double>.Build.Dense(1, x)], [y]));
        rSquaredX = ExactDouble.ToFraction(y) * ExactDouble.ToFraction(y) * ExactDouble.ToFraction(x);
        return Splits.GeneralizedGaussNewton(Splits.EmpiricalFisher(p), Vector<double>.Build.Dense(2));
    }

    /// <summary>
    /// x = 1e-182: b·s₀ ≈ 1.5e-328 rounded to 0, so the factored G[0, 1] came out 0 though r²x ≈ 6.8e-180 is normal;
    /// x = 1e-165: b·s₀ ≈ 1.5e-311 is subnormal (about 40 significant bits), so G[0, 1] lost about 13 digits.
    /// </summary>
    [Theory]
    [InlineData(1e-182)]
    [InlineData(1e-165)]
    public void EmpiricalFisherSplitGgn_WhereBTimesScoreUnderflows_IsScoreOuterProduct(double x)
    {
        var ggn = Ggn(x, out var rSquaredX);
        foreach (var (i, j) in new[] { (0, 1), (1, 0) })
            Assert.True(ExactDouble.UlpError(ggn[i, j], RationalInterval.Exact(rSquaredX)) <= Ulps,
                $"G[{i}, {j}] = {ggn[i, j]:R}, exact r²x = {ExactDouble.ToDouble(rSquaredX):R}");
        Assert.Equal(676, ggn[1, 1], 1e-12); // r² = 676 (tolerance: the factored form's few roundings of b, 1/b², b·s)
    }

    /// <summary>
    /// Where b·s does not underflow (x = 0.5) the factored form runs and agrees with s sᵀ to the roundings of b = e^{−ℓ},
    /// 1/b² and b·s (a relative 1e-12: ℓ ≈ 339 rounds to 2^-44 absolute, so b carries about 340·u).
    /// </summary>
    [Fact]
    public void EmpiricalFisherSplitGgn_InRange_IsScoreOuterProductToTheFactorsRoundings()
    {
        var ggn = Ggn(0.5, out var rSquaredX);
        double expected = ExactDouble.ToDouble(rSquaredX);
        Assert.True(Math.Abs(ggn[0, 1] - expected) <= 1e-12 * expected, $"G[0, 1] = {ggn[0, 1]:R}, exact {expected:R}");
    }
}
