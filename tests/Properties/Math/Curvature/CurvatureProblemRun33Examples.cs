using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}.TermScale"/> in doubles where G and H are ordinary but J is tiny (mutation run 32: a
/// Jacobian entry outside [2^-100, 2^100] must send the sample to the summed form, whatever G and H are). One sample of
/// the curved-linear model with κ = 0 at θ = 0 under the Gaussian likelihood (as in <see cref="TermScaleRangeExamples"/>):
/// J = x, ∇²f = 0, G = max(|y|, 1), H = 1, so the scale is exactly x²·(2 + G²). At x = 1e-160, y = 1e30 (G below 2^100)
/// the product form squares J first: x² ≈ 1e-320 is subnormal and keeps about 11 bits, and the scale came out
/// 9.99989e-261 against the exact 1e-260 (relative error 1.1e-5); the summed form squares J·G ≈ 1e-130 instead.
/// </summary>
public sealed class CurvatureProblemRun33Examples
{
    /// <summary>8 ulp: the summed form rounds each of its four nonnegative terms at most twice and sums them (≤ 7u).</summary>
    private const double Ulps = 8;

    [Theory]
    [InlineData(1e-160, 1e30)]  // J below 2^-100, G and H ordinary
    [InlineData(-1e-160, 1e30)] // the sign of J does not matter
    public void TermScale_IsTheExactScale_WhereOnlyTheJacobianIsTiny(double x, double y)
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(x)]], [[Float64.Of(y)]], [Float64.Of(0)]);
        Fraction fx = ExactDouble.ToFraction(x), g = FractionExtensions.Max(Fraction.Abs(ExactDouble.ToFraction(y)), Fraction.One);
        var exact = fx * fx * (2 + g * g);

        double scale = problem.TermScale().Value;

        Assert.True(ExactDouble.UlpError(scale, RationalInterval.Exact(exact)) <= Ulps,
            $"TermScale {scale:R}, exact {ExactDouble.ToDouble(exact):R}");
    }

    /// <summary>
    /// The Fisher of eq. (7.2) where an expectation node has weight exactly 0 in doubles (uncovered before in run 32): a
    /// linear model f = W·(x, 1) with three classes, x = 3 and W = [[0, 0], [0, 0], [0, −800]], so f = (0, 0, −800) and
    /// π = softmax(f) = (½, ½, e^-800/(2 + e^-800)), which is 0 in doubles. E[ggᵀ] = diag(π) − ππᵀ = [[¼, −¼, 0],
    /// [−¼, ¼, 0], [0, 0, 0]] in the limit, J = I₃ ⊗ (x, 1), so F = E[ggᵀ] ⊗ (x, 1)(x, 1)ᵀ: entries ±¼·{9, 3, 1} and 0,
    /// all exact in doubles. The zero-weight node contributes nothing and the result is exact.
    /// </summary>
    [Fact]
    public void Fisher_WithAZeroWeightClass_IsTheExactKroneckerProduct()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.CategoricalSoftmax, 1, classes: 3);
        Float64[] theta = [.. new double[] { 0, 0, 0, 0, 0, -800 }.Select(Float64.Of)];
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(3)]],
            [[Float64.Of(1), Float64.Of(0), Float64.Of(0)]], theta);
        Assert.Equal(0.0, problem.Expectation(0)[2].Weight.Value); // the node this example is about
        double[,] inner = { { 0.25, -0.25, 0 }, { -0.25, 0.25, 0 }, { 0, 0, 0 } };
        double[] v = [3, 1];

        var fisher = problem.Fisher();

        for (int a = 0; a < 6; a++)
            for (int b = 0; b < 6; b++)
                Assert.Equal(inner[a / 2, b / 2] * v[a % 2] * v[b % 2], fisher[a, b].Value);
    }
}
