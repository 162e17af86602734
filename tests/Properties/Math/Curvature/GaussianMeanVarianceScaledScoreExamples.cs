using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// CurvatureProblem's empirical Fisher F̃ (eq. 7.3) and its empirical-Fisher split's residual term for the Gaussian
/// mean–variance likelihood where the score's a = (y − μ)/v is below 2^-1022 while J scales it back up (issue 15, item 1).
/// Linear model with one input x and θ = (0, 0, 1, 0): μ = 0, v = x, J = [[x, 1, 0, 0], [0, 0, x, 1]], ∇²f = 0. Expected
/// values: the closed forms in rationals, s = Jᵀ(a, a²/2 − 1/(2v)) and ∇²_θ log p = JᵀHJ.
/// </summary>
public class GaussianMeanVarianceScaledScoreExamples
{
    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>u = 2^-53.</summary>
    private static readonly Fraction U = ExactDouble.Pow2(-53);

    /// <summary>
    /// F̃[0, 2] = s₀s₂ is one term x·a·x·∇_v: a within 2u and ∇_v within 7u (GaussianMeanVariance's scaled gradient; its
    /// a² is far below 1/v here, so 7u of |∇_v|), three roundings of the mantissas' product: 12u. The residual's entry
    /// −(s₀s₂ + x·(−r/v²)·x) = r/2 + r has two terms of one sign, 12u of ½ and 5u of 1 (3u for −r/v², two product roundings),
    /// and one addition, u of 1.5: 12.5u of |r|, 8.3u of 1.5|r|. 13u leaves the second-order terms room.
    /// </summary>
    private static readonly Fraction Bound = 13 * U;

    private static void AssertRelative(double computed, Fraction exact, string what)
    {
        var error = Fraction.Abs(Q(computed) - exact) / Fraction.Abs(exact);
        Assert.True(error <= Bound, $"{what}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}, error {ExactDouble.ToDouble(error / U):R}u");
    }

    /// <summary>
    /// Where |a| = |r|/v is below 2^-1074 its double is 0, and F̃[0, 2] came out 0 and the residual entry r instead of 1.5r
    /// (x = 1e300, y = −3e-40, before the score was carried as M·2^E).
    /// </summary>
    [Theory]
    [InlineData(1e300, -3e-40)]
    [InlineData(1e300, 2.5e-20)]
    [InlineData(1e250, -7e-150)]
    [InlineData(1e200, 1e-130)]
    public void ScoreTerms_WhereTheDoubleScoreUnderflows_AreTheExactOnes(double x, double y) =>
        AssertScoreTerms(x, y, x, 0, 0, 1, 0);
    /// <summary>
    /// The same where J is ordinary (x = 2^100) and v small (θ = (0, 0, 0, v): μ = 0, v the bias), so that J and the double
    /// score (a = 0 or subnormal, ∇_v ≈ −1/(2v)) passed as ordinary and the split ran the forward-mode jets, which rejected
    /// the underflowed part scaled back up (y = 1e-323, v = 4: a = 2^-1075 rounds to 0, F̃[0, 2] = −2^-878 in range); the
    /// split now takes the closed-form pieces wherever the mean–variance score is carried as M·2^E (since stop 40).
    /// </summary>
    [Theory]
    [InlineData(1.2676506002282294e30, 1e-323, 4.0)]
    [InlineData(1.2676506002282294e30, 3e-322, 16.0)]
    [InlineData(1e20, -5e-310, 0.5)]
    [InlineData(1.2379400392853803e27, 4.9406564584124654e-324, 8.0)] // x = 2^90, a = 2^-1077 rounds to 0
    public void ScoreTerms_WithAnOrdinaryJacobian_WhereAUnderflows_AreTheExactOnes(double x, double y, double variance) =>
        AssertScoreTerms(x, y, variance, 0, 0, 0, variance);

    /// <summary>
    /// F̃[0, 2], the empirical-Fisher split's G[0, 2] and its residual [0, 2] of the linear problem at θ (μ = 0 and v =
    /// <paramref name="variance"/> there): s₀s₂ = x·a·x·∇_v with a = r/v, ∇_v = a²/2 − 1/(2v), and −(s₀s₂ + x·(−r/v²)·x).
    /// </summary>
    private static void AssertScoreTerms(double x, double y, double variance, params double[] theta)
    {
        Fraction xf = Q(x), v = Q(variance), r = Q(y);
        Fraction a = r / v, gv = a * a / 2 - 1 / (2 * v);
        Fraction s0s2 = xf * a * xf * gv, jhj = xf * (-r / (v * v)) * xf;
        var generic = GaussianMeanVarianceScaledHessianExamples.LinearProblem(x, y, theta);
        AssertRelative(generic.EmpiricalFisher()[0, 2].Value, s0s2, "F̃[0, 2]");
        var (ggn, residual) = generic.Split(SplitKind.EmpiricalFisher);
        AssertRelative(ggn[0, 2].Value, s0s2, "empirical-Fisher split G[0, 2]");
        AssertRelative(residual[0, 2].Value, -(s0s2 + jhj), "empirical-Fisher split residual[0, 2]");
    }
}
