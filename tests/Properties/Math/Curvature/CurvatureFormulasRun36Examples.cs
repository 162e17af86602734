using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.ModelDerivatives{T}"/> in exact rational intervals (the arithmetic of the rigorous checks of
/// balles-thesis ch. 7): the tanh network's J entries W₂·s·x̃ are the product of their factors (mutation run 35: the generic
/// branch of that product, never reached by the double tests, could divide instead), and the entries no formula sets (the
/// other output's block of a linear model's J, every ∇²f^(m) of a linear model) are exactly 0.
/// </summary>
public sealed class CurvatureFormulasRun36Examples
{
    private static RationalInterval[] R(params int[] values) => values.Select(v => RationalInterval.Exact(new Fraction(v))).ToArray();

    /// <summary>
    /// One input x = 2, one tanh unit with θ = (W₁ = (0, 0), W₂ = (3, 0)): a = 0, so h = tanh 0 = 0, s = sech² 0 = 1, and
    /// ∂f/∂W₁ = W₂·s·x̃ = (3·1·2, 3·1·1) = (6, 3); ∂f/∂W₂ = (h, 1) = (0, 1). The enclosure of e^0 is narrow (far below ½), so
    /// each interval must contain its value and exclude any other value ½ or more away.
    /// </summary>
    [Fact]
    public void TanhNetworkJacobian_InRationalIntervals_EnclosesTheProducts()
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, inputs: 1, hidden: 1);
        var e = CurvatureFormulas.ModelDerivatives(shape, RationalInterval.Exact(Fraction.Zero), R(2), R(0, 0, 3, 0));
        int[] expected = [6, 3, 0, 1];
        for (int p = 0; p < expected.Length; p++)
        {
            var entry = e.Jacobian[0, p];
            var value = new Fraction(expected[p]);
            Assert.True(entry.Lower <= value && value <= entry.Upper, $"J[0,{p}] = {entry} does not enclose {expected[p]}");
            Assert.True(entry.Upper - entry.Lower < new Fraction(1, 2), $"J[0,{p}] = {entry} is too wide to tell");
        }
    }

    /// <summary>
    /// A linear model with one input x = 5 and two outputs (μ, v) of the Gaussian mean–variance likelihood: J =
    /// [[x, 1, 0, 0], [0, 0, x, 1]] and ∇²f^(m) = 0, all exactly (f is linear in θ).
    /// </summary>
    [Fact]
    public void LinearModelDerivatives_InRationalIntervals_AreExact()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, inputs: 1);
        var e = CurvatureFormulas.ModelDerivatives(shape, RationalInterval.Exact(Fraction.Zero), R(5), R(1, 2, 3, 4));
        int[,] expected = { { 5, 1, 0, 0 }, { 0, 0, 5, 1 } };
        for (int m = 0; m < 2; m++)
            for (int p = 0; p < 4; p++)
            {
                Assert.Equal(new Fraction(expected[m, p]), e.Jacobian[m, p].Lower);
                Assert.Equal(new Fraction(expected[m, p]), e.Jacobian[m, p].Upper);
            }
        foreach (var hessian in e.Hessians)
            for (int p = 0; p < 4; p++)
                for (int q = 0; q < 4; q++)
                {
                    Assert.Equal(Fraction.Zero, hessian[p, q].Lower);
                    Assert.Equal(Fraction.Zero, hessian[p, q].Upper);
                }
    }

    /// <summary>
    /// The same linear model in <see cref="Graded"/> arithmetic (dimensional analysis): the entries no formula sets are the
    /// constant 0, which fits any degree (<see cref="Graded.Degree"/> null), so that a later sum with a term of any degree
    /// stays homogeneous; the set entries x = 5 and 1 are dimensionless constants (degree ()). Mutation run 35: with the
    /// fill loop skipped these entries were default values, 0 of degree () instead of the constant 0.
    /// </summary>
    [Fact]
    public void LinearModelDerivatives_InGradedArithmetic_HaveTheConstantZeroWhereUnset()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, inputs: 1);
        var e = CurvatureFormulas.ModelDerivatives(shape, Graded.Of(0), [Graded.Of(5)], [Graded.Of(1), Graded.Of(2), Graded.Of(3), Graded.Of(4)]);
        int[,] expected = { { 5, 1, 0, 0 }, { 0, 0, 5, 1 } };
        for (int m = 0; m < 2; m++)
            for (int p = 0; p < 4; p++)
            {
                var entry = e.Jacobian[m, p];
                Assert.Equal(new Fraction(expected[m, p]), entry.Value.Lower);
                Assert.Equal(new Fraction(expected[m, p]), entry.Value.Upper);
                if (expected[m, p] == 0)
                    Assert.Null(entry.Degree);
                else
                    Assert.Empty(entry.Degree!);
            }
        foreach (var hessian in e.Hessians)
            for (int p = 0; p < 4; p++)
                for (int q = 0; q < 4; q++)
                    Assert.Null(hessian[p, q].Degree);
    }
}
