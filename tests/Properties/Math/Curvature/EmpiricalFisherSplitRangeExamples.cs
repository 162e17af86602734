using FsCheck;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The empirical-Fisher split's ∇²_θ b = b·(s sᵀ + ∇²_θ log p) and residual term (balles-thesis eq. 7.17, footnote 7.3)
/// where the plain product leaves the normal range though the exact entry does not (issue 15, item 1). One sample of the
/// linear Gaussian fit f = θ₀x + θ₁ at θ = 0, label y = r: s = (r/σ²)·(x, 1), ∇²_θ log p = −(x, 1)(x, 1)ᵀ/σ², so
/// ∇²_θ b = b·(r²/σ⁴ − 1/σ²)·(x, 1)(x, 1)ᵀ with b = e^{−ℓ̂} at the computed loss. The references and bounds are
/// <see cref="EmpiricalFisherSplitRangeProperties"/>' (k = 18 for ∇²_θ b, 17 for the residual of one sample, derived there);
/// each case failed on the code before this fix.
/// </summary>
public class EmpiricalFisherSplitRangeExamples
{
    private static readonly Vector<double> Theta = Vector<double>.Build.Dense(2);

    private static LikelihoodProblem Problem(double variance, double x, double y) =>
        new(new LinearModel(1), new GaussianIdentity(variance), new Dataset([Vector<double>.Build.Dense(1, x)], [y]));

    private static void AssertHolds(Property property)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(1);
        Check.One(config, property);
    }

    private static void AssertInnerHessian(double variance, double x, double y)
    {
        var p = Problem(variance, x, y);
        var (exact, scale) = EmpiricalFisherSplitRangeProperties.Reference(p, Theta, 0, variance, b: true)!.Value;
        AssertHolds(EmpiricalFisherSplitRangeProperties.Entries($"∇²b at σ² = {variance:R}, x = {x:R}, y = {y:R}",
            () => Splits.EmpiricalFisher(p).InnerHessians(0, Theta)[0], exact, scale, 18, 2, false));
    }

    /// <summary>
    /// σ² = 1, r = 30, x = 1e199: b ≈ 1.7e-196, s₀ = 3e200, s₀² = 9e400 was ∞ and ∇²log p₀₀ = −1e398 was −∞, so entry
    /// [0, 0] = b·x²(r² − 1) ≈ 1.5e205 came out NaN.
    /// </summary>
    [Fact]
    public void InnerHessian_WhoseScoreSquareOverflows_IsExact() => AssertInnerHessian(1, 1e199, 30);

    /// <summary>
    /// ∇_θ b = b·s = b·(r/σ²)·(x, 1) at σ² = 1, r = 40, x = 1e150: ℓ ≈ 800.9, b = e^{−ℓ} was 0, so entry [0, 0] ≈ 5.8e-197
    /// came out 0 (the property's bound, k = 10 for one term).
    /// </summary>
    [Fact]
    public void InnerJacobian_WhoseDensityUnderflows_IsExact()
    {
        var p = Problem(1, 1e150, 40);
        var exact = EmpiricalFisherSplitRangeProperties.JacobianReference(p, Theta, 0, 1)!;
        AssertHolds(EmpiricalFisherSplitRangeProperties.Entries("∇b at σ² = 1, x = 1e150, y = 40",
            () => Splits.EmpiricalFisher(p).InnerJacobian(0, Theta), exact, exact.Select(Fractions.Fraction.Abs).ToArray(), 10, 1, false));
    }

    /// <summary>σ² = 1, r = 40, x = 1e150: ℓ ≈ 800.9, b = e^{−ℓ} was 0, so entry [0, 0] = b·x²(r² − 1) ≈ 2.4e-45 came out 0.</summary>
    [Fact]
    public void InnerHessian_WhoseDensityUnderflows_IsExact() => AssertInnerHessian(1, 1e150, 40);

    /// <summary>σ² = 1, r = 38.2: ℓ ≈ 730.5, b ≈ 1e-317 was subnormal (about 24 bits), so every entry lost about 29 bits.</summary>
    [Fact]
    public void InnerHessian_WhoseDensityIsSubnormal_IsExact() => AssertInnerHessian(1, 1e100, 38.2);

    /// <summary>
    /// σ² = 1e-300, r = 0, x = 1e-310: ∇²log p₀₀ = −x²/σ² ≈ −1e-320 is subnormal (about 12 bits) before b ≈ 4e149 scales it
    /// back up to ≈ −4e-171.
    /// </summary>
    [Fact]
    public void InnerHessian_WhoseLogDensityHessianIsSubnormal_IsExact() => AssertInnerHessian(1e-300, 1e-310, 0);

    /// <summary>
    /// σ² = 4.996469802023126e-280, r = 0, x = 2^-1022 (found by the property against the first fix, whose plain-form test
    /// looked at s and ∇²log p only): ∇²log p₀₀ = −x²/σ² ≈ −9.9e-337 rounded to 0, an ordinary-looking entry, before
    /// b ≈ 1.8e139 would have scaled it up to ≈ −1.8e-197.
    /// </summary>
    [Fact]
    public void InnerHessian_WhoseLogDensityHessianUnderflowsToZero_IsExact() => AssertInnerHessian(4.996469802023126E-280, 2.2250738585072014E-308, 0);

    /// <summary>σ² = 1, r = 30, x = 1e300: entry [0, 0] = b·x²(r² − 1) ≈ 1.5e407 is beyond the range; it was NaN, now a rejection naming θ.</summary>
    [Fact]
    public void InnerHessian_BeyondTheRange_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(() => Splits.EmpiricalFisher(Problem(1, 1e300, 30)).InnerHessians(0, Theta), "theta",
            "has entry [0, 0] beyond ±double.MaxValue");

    /// <summary>
    /// Residual term −(s sᵀ + ∇²log p) at σ² = 1, r = 26, x = 1e-170: b ≈ 5.7e-148 and b·x(r² − 1) ≈ 3.8e-315 kept about 30
    /// bits before −1/b scaled it back up to the exact −x(r² − 1) ≈ −6.75e-168 (entry [0, 1]).
    /// </summary>
    [Fact]
    public void ResidualTerm_WhoseInnerHessianIsSubnormal_IsExact() => AssertResidual(1, 1e-170, 26);

    /// <summary>
    /// Residual term where every piece is ordinary (x = 2^-50, r = 36.5, σ² = 1: s, ∇²log p within [2^-100, 2^100]) but
    /// b ≈ 2e-290 makes b·x²(r² − 1) ≈ 2.1e-317 subnormal: the plain (−1/b)·(b·X) would keep about 25 bits of the exact
    /// −x²(r² − 1) ≈ −1.05e-27 (entry [0, 0]); the plain form's test of b·X's entries against 2^-1022 sends it to the
    /// cancelled form (a mutant without that test fails here only).
    /// </summary>
    [Fact]
    public void ResidualTerm_OfOrdinaryPiecesWhoseInnerHessianIsSubnormal_IsExact() => AssertResidual(1, 8.8817841970012523E-16, 36.5);

    /// <summary>
    /// σ² = 1e-300, r = 0, x = 1e-10: the residual x̃x̃ᵀ/σ² has [0, 0] = 1e280, while ∇²_θ b = −b·x̃x̃ᵀ/σ² ≈ −4e429 is beyond
    /// the range: the residual, where b cancels, is not rejected with it.
    /// </summary>
    [Fact]
    public void ResidualTerm_WhoseInnerHessianIsBeyondTheRange_IsExact() => AssertResidual(1e-300, 1e-10, 0);

    private static void AssertResidual(double variance, double x, double y)
    {
        var p = Problem(variance, x, y);
        var (exact, scale) = EmpiricalFisherSplitRangeProperties.Reference(p, Theta, 0, variance, b: false)!.Value;
        AssertHolds(EmpiricalFisherSplitRangeProperties.Entries($"residual at σ² = {variance:R}, x = {x:R}, y = {y:R}",
            () => Splits.ResidualTerm(Splits.EmpiricalFisher(p), Theta), exact.Select(e => -e).ToArray(), scale, 17, 2, false));
    }
}
