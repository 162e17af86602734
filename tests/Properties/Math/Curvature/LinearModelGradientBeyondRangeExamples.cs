using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The linear model f = θx (∇²f = 0) with the Gaussian likelihood where ∇_f log p = (y − f)/σ² is beyond the double range
/// but the members that need only ∇²_f log p are not (found at stop 41): σ² = 1e-300, θ = 0 (f = 0), label y = 1e10, so
/// g = 1e310. ∇²R = x²/σ², LogDensityHessian −x²/σ², the identity split's GGN x²/σ², and the residual terms (LikelihoodProblem's
/// and the canonical and identity splits') exactly 0, since each term g·∇²f is g·0. Before, each of them re-threw the
/// likelihood's rejection of g. x = 1 takes the plain products, x = 1e-200 (outside [2^-100, 2^100]) the scaled sum.
/// Tolerance 3 ulp: −1/σ² correctly rounded (u/2), at most three products of mantissas (3u/2) and one final rounding of
/// a normal result (u/2), 2.5u relatively, which is at most 2.5 ulp.
/// </summary>
public class LinearModelGradientBeyondRangeExamples
{
    private const double Variance = 1e-300, Label = 1e10;

    private static readonly Vector<double> Theta = Vector<double>.Build.Dense(1);

    private static LikelihoodProblem Problem(double x) =>
        new(new LinearModel(1, 1, bias: false), new GaussianIdentity(Variance), new Dataset([Vector<double>.Build.Dense(1, x)], [Label]));

    private static void Within(string what, double computed, double x, int sign)
    {
        Fraction fx = ExactDouble.ToFraction(x), exact = sign * fx * fx / ExactDouble.ToFraction(Variance);
        double error = ExactDouble.UlpError(computed, RationalInterval.Exact(exact));
        Assert.True(error <= 3, $"{what} = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, {error:R} ulp (tolerance 3)");
    }

    [Fact]
    public void TheGradient_IsBeyondTheRange() =>
        Assert.Throws<ArgumentException>(() => new GaussianIdentity(Variance).Gradient(Label, Vector<double>.Build.Dense(1)));

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-200)]
    public void Hessian_IsXSquaredOverVariance(double x) => Within("∇²R", Problem(x).Hessian(Theta)[0, 0], x, 1);

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-200)]
    public void LogDensityHessian_IsMinusXSquaredOverVariance(double x) =>
        Within("∇²log p", Problem(x).LogDensityHessian(0, Theta, Label)[0, 0], x, -1);

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-200)]
    public void IdentitySplitGgn_IsXSquaredOverVariance(double x) =>
        Within("identity-split GGN", Splits.GeneralizedGaussNewton(Splits.Identity(Problem(x)), Theta)[0, 0], x, 1);

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-200)]
    public void ResidualTerms_AreZero(double x)
    {
        var p = Problem(x);
        Assert.Equal(0.0, p.ResidualTerm(Theta)[0, 0]);
        Assert.Equal(0.0, Splits.ResidualTerm(Splits.Canonical(p), Theta)[0, 0]);
        Assert.Equal(0.0, Splits.ResidualTerm(Splits.Identity(p), Theta)[0, 0]);
    }
}
