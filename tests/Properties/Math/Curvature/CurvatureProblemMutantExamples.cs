using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The rejection of an expected negative Hessian beyond the double range names the quantity (E[−∇²_θ log p]) on both
/// paths: the plain one (Gaussian identity at x = θ-input 1e200: E[−∇²] = x² = 1e400) and the scaled sum's (Bernoulli logit, linear model: the point of
/// <see cref="LogitTailReference"/> at f = 700, whose products J·∇²_f log p fall below 2^-1022 and select the scaled sum,
/// beside a point x = (1e200, 0) at f = 0, whose entry [0, 0] = σ(0)σ(0)·1e400 = 2.5e399 is beyond the range).
/// The empirical Fisher F̃ = Σ_n s_n s_nᵀ (eq. 7.3) by hand: logistic regression on a linear model with bias at θ = 0, where
/// f = 0, σ(f) = ½ and the score is s_n = (y_n − ½)·(x_n, 1), so F̃ = ¼·Σ_n (x_n, 1)(x_n, 1)ᵀ, small dyadic rationals.
/// The Fisher (eq. 7.2) in an arithmetic other than doubles (dual numbers over doubles) at the Bernoulli probability
/// q = θ = 1e-200, x = 1: the inner w·g gᵀ overflows (q·(1/q)² with (1/q)² = ∞), so the fallback forms w·(Jᵀg)·(Jᵀg)
/// per node and must give 1/(q(1 − q)) ≈ 1e200. In doubles the same point's E[−∇²] = 1/(q(1 − q)) ≈ 1e200 is in range
/// though its node Hessian −1/q² is not: it was rejected until stop 38 (an earlier version of this class pinned that
/// rejection as the plain path's); now it is summed through the factors (−1/q)·(1/q).
/// </summary>
public class CurvatureProblemMutantExamples
{
    [Fact]
    public void ExpectedNegativeHessian_BeyondTheRange_NamesTheMatrix()
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1e200)]], [[Float64.Of(1)]], [Float64.Of(0)]);
        var ex = Assert.Throws<DoubleRangeException>(() => problem.ExpectedNegativeHessian());
        Assert.Contains("E[−∇²_θ log p]", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Bernoulli probability q = θ = 1e-200 at x = 1 (J = 1), both labels: E[−∇²] = q·(1/q²) + (1 − q)·1/(1 − q)² =
    /// 1/(q(1 − q)) ≈ 1e200. The node y = 1 term is −q·J·(−1/q)·(1/q)·J, five factors with 1/q rounded once (twice in the
    /// product): 2u + 4u, and the two-term sum (ScaledCurvatureSum, (4 + T)·u with T = 2): within 8u, so 8 ulp.
    /// </summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void ExpectedNegativeHessian_WhoseNodeHessianIsBeyondTheRange_IsOneOverQOneMinusQ(double y)
    {
        const double q = 1e-200;
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(y)]], [Float64.Of(q)]);
        double value = problem.ExpectedNegativeHessian()[0, 0].Value;
        var exact = Fraction.One / (ExactDouble.ToFraction(q) * (1 - ExactDouble.ToFraction(q)));
        Assert.True(ExactDouble.UlpError(value, RationalInterval.Exact(exact)) <= 8, $"E[−∇²] = {value:R}, exact ≈ 1e200");
    }

    [Fact]
    public void ExpectedNegativeHessian_OfTheScaledSum_BeyondTheRange_NamesTheMatrix()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.BernoulliLogit, 2);
        var theta = new[] { 0.0, LogitTailReference.Theta1, 0.0 }.Select(Float64.Of).ToArray();
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0),
            [[Float64.Of(LogitTailReference.X0), Float64.Of(LogitTailReference.X1)], [Float64.Of(1e200), Float64.Of(0)]],
            [[Float64.Of(1)], [Float64.Of(1)]], theta);
        var ex = Assert.Throws<DoubleRangeException>(() => problem.ExpectedNegativeHessian());
        Assert.Contains("E[−∇²_θ log p]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmpiricalFisher_AtZeroLogits_IsAQuarterOfTheInputsOuterProducts()
    {
        // x₁ = (1, 2) with y = 1 and x₂ = (3, −1) with y = 0: Σ (x, 1)(x, 1)ᵀ = [[10, −1, 4], [−1, 5, 1], [4, 1, 2]].
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.BernoulliLogit, 2);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0),
            [[Float64.Of(1), Float64.Of(2)], [Float64.Of(3), Float64.Of(-1)]], [[Float64.Of(1)], [Float64.Of(0)]],
            [Float64.Of(0), Float64.Of(0), Float64.Of(0)]);
        double[,] expected = { { 2.5, -0.25, 1 }, { -0.25, 1.25, 0.25 }, { 1, 0.25, 0.5 } };
        var fisher = problem.EmpiricalFisher();
        Assert.Equal((3, 3), (fisher.Rows, fisher.Columns));
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                Assert.Equal(expected[a, b], fisher[a, b].Value);
    }

    [Fact]
    public void Fisher_InDualNumbers_WhereTheInnerMatrixOverflows_IsTheExactFisher()
    {
        const double q = 1e-200;
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var problem = new CurvatureProblem<Dual<Float64>>(shape, Dual<Float64>.Of(0), [[Dual<Float64>.Of(1)]], [[Dual<Float64>.Of(1)]],
            [Dual<Float64>.Of(q)]);
        var fisher = problem.Fisher();
        var exact = Fraction.One / (ExactDouble.ToFraction(q) * (1 - ExactDouble.ToFraction(q)));
        // Each node's w·s·s is two roundings and the two nodes' sum one more (the y = 0 node adds about 1, far below an ulp
        // of 1e200): 4 ulps leave room for that and nothing else (a division for the product is off by a factor 1e200).
        Assert.True(ExactDouble.UlpError(fisher[0, 0].Value.Value, RationalInterval.Exact(exact)) <= 4, $"{fisher[0, 0].Value.Value:R}");
    }
}
