using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Gaussian likelihood with a variance σ² below 1/double.MaxValue, where ∇²_f log p = −1/σ² is beyond the range but
/// the curvature matrices J·(1/σ²)·J of a small J are not (stop 38: GaussianIdentity gives ∇² as the factors P·Q with
/// σ² = m·2^e, P = −(1/m)·2^⌈−e/2⌉, Q = 2^⌊−e/2⌋; before, every matrix was rejected naming the range). One sample of the
/// linear fit f = θx without bias at θ = 0, x = 1e-150, σ² = 1e-310 (subnormal), label 0: GGN = E[−∇²] = ∇²R = x²/σ² ≈ 1e10
/// exactly in rationals from the doubles. Tolerance 6 ulp: the five-factor term J·P·Q·J with P rounded once (½u), the
/// scaled sum's (4 + T)·u with T = 1.
/// </summary>
public class GaussianSubnormalVarianceExamples
{
    private const double Variance = 1e-310, X = 1e-150;

    private static readonly Vector<double> Theta = Vector<double>.Build.Dense(1);

    private static LikelihoodProblem Problem() =>
        new(new LinearModel(1, 1, bias: false), new GaussianIdentity(Variance), new Dataset([Vector<double>.Build.Dense(1, X)], [0]));

    private static void Within(string what, double computed)
    {
        Fraction x = ExactDouble.ToFraction(X), exact = x * x / ExactDouble.ToFraction(Variance);
        double error = ExactDouble.UlpError(computed, RationalInterval.Exact(exact));
        Assert.True(error <= 6, $"{what} = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, {error:R} ulp (tolerance 6)");
    }

    [Fact]
    public void Ggn_WhereMinusOneOverVarianceIsBeyondTheRange_IsXSquaredOverVariance() =>
        Within("GGN[0, 0]", Problem().GeneralizedGaussNewton(Theta)[0, 0]);

    [Fact]
    public void ExpectedNegativeHessian_WhereMinusOneOverVarianceIsBeyondTheRange_IsXSquaredOverVariance() =>
        Within("E[−∇²][0, 0]", Problem().ExpectedNegativeHessian(Theta)[0, 0]);

    [Fact]
    public void RiskHessian_WhereMinusOneOverVarianceIsBeyondTheRange_IsXSquaredOverVariance() =>
        Within("∇²R[0, 0]", Problem().Hessian(Theta)[0, 0]);

    [Fact]
    public void CanonicalSplitGgn_WhereMinusOneOverVarianceIsBeyondTheRange_IsXSquaredOverVariance() =>
        Within("canonical G[0, 0]", Splits.GeneralizedGaussNewton(Splits.Canonical(Problem()), Theta)[0, 0]);

    /// <summary>The factors themselves: P·Q is −1/σ² exactly where that is a normal double, at both ends of the exponents.</summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(1e-300)]
    [InlineData(1e300)]
    [InlineData(0.7)]
    public void Factors_WhereTheHessianIsNormal_AreItBitForBit(double variance)
    {
        var likelihood = new GaussianIdentity(variance);
        var (p, q) = likelihood.HessianFactors(0, Vector<double>.Build.Dense(1))!.Value;
        Assert.Equal(-1 / variance, p[0, 0] * q[0, 0]);
    }
}
