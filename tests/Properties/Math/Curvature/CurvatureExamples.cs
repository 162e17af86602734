using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>Hand-picked cases of the curvature matrices with known closed forms, the direct GLM fit, and exp enclosures.</summary>
public class CurvatureExamples
{
    [Fact]
    public void LinearLeastSquares_FisherEqualsHessianEqualsXtX_AndEfWeightsByResidualSquared()
    {
        // f = θ₀x + θ₁, Gaussian σ² = 1: F = G = ∇²R = Σ x̃x̃ᵀ and F̃ = Σ r² x̃x̃ᵀ (eq. 7.18), by hand.
        var xs = new[] { 1.0, -2.0, 0.5 };
        var ys = new[] { 0.0, 1.0, 3.0 };
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(),
            new Dataset(xs.Select(x => Vector<double>.Build.Dense(1, x)).ToArray(), ys));
        var theta = Vector<double>.Build.DenseOfArray([0.5, -1]);
        var xtx = Matrix<double>.Build.Dense(2, 2);
        var ef = Matrix<double>.Build.Dense(2, 2);
        for (int n = 0; n < 3; n++)
        {
            var xt = Vector<double>.Build.DenseOfArray([xs[n], 1]);
            double r = 0.5 * xs[n] - 1 - ys[n];
            xtx += xt.OuterProduct(xt);
            ef += r * r * xt.OuterProduct(xt);
        }
        DerivativeProperties.AssertMatrix("F", xtx, p.Fisher(theta));
        DerivativeProperties.AssertMatrix("G", xtx, p.GeneralizedGaussNewton(theta));
        DerivativeProperties.AssertMatrix("∇²R", xtx, p.HessianForward(theta));
        DerivativeProperties.AssertMatrix("F̃", ef, p.EmpiricalFisher(theta));
    }

    [Fact]
    public void BernoulliProbabilityControl_FisherDiffersFromGgn()
    {
        // One sample, f = q = θ (no bias, x = 1), y = 1: F = 1/(q(1−q)), G = 1/q². At q = 1/4: 16/3 vs 16.
        var p = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new BernoulliProbability(),
            new Dataset([Vector<double>.Build.Dense(1, 1.0)], [1.0]));
        var theta = Vector<double>.Build.Dense(1, 0.25);
        Assert.Equal(16.0 / 3, p.Fisher(theta)[0, 0], 12);
        Assert.Equal(16.0, p.GeneralizedGaussNewton(theta)[0, 0], 12);
    }

    [Theory]
    [InlineData(Specification.Correct)]
    [InlineData(Specification.MisspecifiedB)]
    public void GeneralizedLinearFit_MatchesLikelihoodProblemAtTheMle(Specification spec)
    {
        foreach (var logistic in new[] { false, true })
        {
            var data = logistic ? ThesisDatasets.LogisticRegression(spec, 300, 5) : ThesisDatasets.LinearRegression(spec, 300, 5);
            var model = logistic ? new LinearModel(2, 1, bias: false) : new LinearModel(1);
            ILikelihood like = logistic ? new BernoulliLogit() : new GaussianIdentity();
            var fit = GeneralizedLinearFit.MaximumLikelihood(model, like, data);
            var p = new LikelihoodProblem(model, like, data);
            Assert.True(p.RiskGradient(fit.Theta).L2Norm() <= 1e-9 * data.Count, $"gradient at the fit {p.RiskGradient(fit.Theta).L2Norm():E3}");
            DerivativeProperties.AssertMatrix("fit F", p.Fisher(fit.Theta), fit.Fisher, 1e-10);
            DerivativeProperties.AssertMatrix("fit F̃", p.EmpiricalFisher(fit.Theta), fit.EmpiricalFisher, 1e-10);
        }
    }

    [Fact]
    public void ThesisDatasets_AreDeterministicPerSeedAndDifferAcrossSeeds()
    {
        var a = ThesisDatasets.LinearRegression(Specification.Correct, 5, 1);
        var b = ThesisDatasets.LinearRegression(Specification.Correct, 5, 1);
        var c = ThesisDatasets.LinearRegression(Specification.Correct, 5, 2);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Labels, c.Labels);
        var logistic = ThesisDatasets.LogisticRegression(Specification.MisspecifiedA, 200, 3);
        Assert.All(logistic.Labels, y => Assert.True(y is 0 or 1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-7.25)]
    [InlineData(25.0)]
    [InlineData(1e-20)]
    public void ExactExp_EnclosesMathExpTightly(double x)
    {
        var e = ExactExp.Of(x, 128);
        double m = Math.Exp(x);
        Assert.True(e.LowerAsDouble <= Math.BitIncrement(m) && Math.BitDecrement(m) <= e.UpperAsDouble, $"e^{x} ∉ {e}");
        var width = ExactDouble.ToDouble(e.Width / e.Lower);
        Assert.True(width < 1e-30, $"relative width {width:E3}");
        if (x == 0)
            Assert.True(e.Lower <= Fractions.Fraction.One && Fractions.Fraction.One <= e.Upper);
    }

    [Fact]
    public void InputValidation_NamesTheParameter()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([Vector<double>.Build.Dense(1, 1.0)], [0.0]));
        ArgumentAssert.Rejects(() => p.Fisher(Vector<double>.Build.DenseOfArray([double.NaN, 0])), "theta", "theta[0] must be finite, got NaN");
        ArgumentAssert.Rejects(() => p.Fisher(Vector<double>.Build.Dense(3)), "theta", "theta has length 3, expected 2");
        ArgumentAssert.Rejects(() => new LikelihoodProblem(new LinearModel(1), new BernoulliLogit(), new Dataset([Vector<double>.Build.Dense(1, 1.0)], [0.5])),
            "data.Labels[0]", "data.Labels[0] must be an integer in [0, 1], got 0.5");
        ArgumentAssert.Rejects(() => new LikelihoodProblem(new LinearModel(1), new CategoricalSoftmax(3), new Dataset([Vector<double>.Build.Dense(1, 1.0)], [0.0])),
            "likelihood", "model has 1 outputs but categorical-softmax(C=3) needs 3");
        ArgumentAssert.Rejects(() => new Dataset([], []), "inputs", "inputs must not be empty");
        ArgumentAssert.Rejects(() => new Dataset([Vector<double>.Build.Dense(1, double.PositiveInfinity)], [0.0]), "inputs[0]", "inputs[0][0] must be finite");
        ArgumentAssert.Rejects(() => new GaussianIdentity(-1), "variance", "variance must be > 0, got -1");
        ArgumentAssert.Rejects(() => new BernoulliProbability().LogDensity(1, Vector<double>.Build.Dense(1, 1.0)), "f", "f[0] (a probability) must be in (0, 1), got 1");
        ArgumentAssert.Rejects(() => new GaussianMeanVariance().Hessian(0, Vector<double>.Build.DenseOfArray([0, 0])), "f", "f[1] (a variance) must be > 0, got 0");
        ArgumentAssert.Rejects(() => new PoissonLog().Gradient(-1, Vector<double>.Build.Dense(1, 0.0)), "y", "y must be an integer in [0, ∞], got -1");
        ArgumentAssert.Rejects(() => new CategoricalSoftmax(1), "classes", "classes must be ≥ 2, got 1");
        ArgumentAssert.Rejects(() => new TanhMlp(2, 0), "hidden", "hidden must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => ExactExp.Of(double.NaN), "x", "x must be finite, got NaN");
    }
}
