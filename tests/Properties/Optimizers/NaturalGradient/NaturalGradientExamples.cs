using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Optimizers;
using Verification.Optimizers.NaturalGradient;
using Verification.Optimizers.Objectives;
using Xunit;
using Verification.Tests.Properties.Numerics.Curvature;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>NGD and EFGD (eqs. D.31, D.32) on the Table D.2 regression, where the answers are known in closed form.</summary>
public class NaturalGradientExamples
{
    private static MeanNegativeLogLikelihood Regression(Specification spec) => new(
        new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), ThesisDatasets.LinearRegression(spec, 200, 11)), "d2-" + spec);

    [Fact]
    public void Ngd_WithUnitStepAndTinyDamping_IsNewton_ReachingTheLeastSquaresFitInOneStep()
    {
        // For least squares F = ∇²R, so γ = 1 NGD is Newton's method on a quadratic: one step to θ* (up to λ = 1e-12).
        var objective = Regression(Specification.Correct);
        var fit = GeneralizedLinearFit.MaximumLikelihood(new LinearModel(1), new GaussianIdentity(), objective.Problem.Data);
        var run = new NaturalGradientDescent(1, 1e-12).Start(objective, Vector<double>.Build.DenseOfArray([3, -2]));
        run.Step();
        Assert.True((run.Theta - fit.Theta).L2Norm() <= 1e-9, $"θ₁ = {run.Theta}, θ* = {fit.Theta}");
    }

    [Fact]
    public void Efgd_FarFromTheMinimum_TakesStepsInverselyScaledWithTheGradient()
    {
        // §7.4.3: F̃ grows like ‖∇‖², so (F̃ + λI)⁻¹∇R shrinks as the start moves away; NGD's step does not shrink.
        var objective = Regression(Specification.Correct);
        var near = Vector<double>.Build.DenseOfArray([1.5, 0.5]);
        var far = Vector<double>.Build.DenseOfArray([100, 100]);
        var efgd = new EmpiricalFisherGradientDescent(1, 1e-8);
        var ngd = new NaturalGradientDescent(1, 1e-8);
        double efNear = efgd.Update(objective, near).L2Norm(), efFar = efgd.Update(objective, far).L2Norm();
        double ngNear = ngd.Update(objective, near).L2Norm(), ngFar = ngd.Update(objective, far).L2Norm();
        Assert.True(efFar < efNear, $"EFGD steps: near {efNear:E3}, far {efFar:E3}");
        Assert.True(ngFar > 10 * ngNear, $"NGD steps: near {ngNear:E3}, far {ngFar:E3}");
    }

    [Fact]
    public void DirectionCosine_IsOneWhereEfEqualsFisher_AndBelowOneOnMisspecifiedData()
    {
        // Logistic regression at θ = 0: σ = 1/2 for every sample, so (y − ½)² = ¼ = σ(1 − σ) and F̃ = F (App. D.3.3).
        var logistic = new MeanNegativeLogLikelihood(new LikelihoodProblem(new LinearModel(2, 1, bias: false), new BernoulliLogit(),
            ThesisDatasets.LogisticRegression(Specification.MisspecifiedB, 200, 3)), "d1-b");
        Assert.Equal(1.0, DirectionCosine.At(logistic, Vector<double>.Build.Dense(2)), 12);
        var objective = Regression(Specification.MisspecifiedB);
        double cos = DirectionCosine.At(objective, Vector<double>.Build.DenseOfArray([2, -1]));
        Assert.InRange(cos, -1, 0.999);
    }

    [Fact]
    public void Optimizers_RejectBadArgumentsAndObjectivesWithoutFisher()
    {
        Assert.Equal("stepSize", Assert.Throws<ArgumentException>(() => new NaturalGradientDescent(0, 1)).ParamName);
        Assert.Equal("damping", Assert.Throws<ArgumentException>(() => new EmpiricalFisherGradientDescent(1, double.NaN)).ParamName);
        var quadratic = new Quadratic(Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.Dense(2));
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() => new NaturalGradientDescent(1, 1).Update(quadratic, Vector<double>.Build.Dense(2))).ParamName);
        var objective = Regression(Specification.Correct);
        Assert.Throws<ArgumentException>(() => new NaturalGradientDescent(1, 1).Start(objective, Vector<double>.Build.Dense(3)));
        Assert.IsAssignableFrom<IQuasiNewtonOptimizer>(new EmpiricalFisherGradientDescent(1, 1));
    }
}

/// <summary>The direct-loop GLM objective against the general one.</summary>
public class GeneralizedLinearObjectiveExamples
{
    [Fact]
    public void MatchesMeanNegativeLogLikelihood()
    {
        foreach (var logistic in new[] { false, true })
        {
            var data = logistic ? ThesisDatasets.LogisticRegression(Specification.MisspecifiedA, 50, 2) : ThesisDatasets.LinearRegression(Specification.MisspecifiedB, 50, 2);
            var model = logistic ? new LinearModel(2, 1, bias: false) : new LinearModel(1);
            ILikelihood like = logistic ? new BernoulliLogit() : new GaussianIdentity();
            var fast = new GeneralizedLinearObjective(model, like, data, "fast");
            var slow = new MeanNegativeLogLikelihood(new LikelihoodProblem(model, like, data), "slow");
            var theta = Vector<double>.Build.DenseOfArray([0.7, -0.4]);
            Assert.Equal(slow.Value(theta), fast.Value(theta), 12);
            DerivativeProperties.AssertMatrix("∇R/N", slow.Gradient(theta).ToColumnMatrix(), fast.Gradient(theta).ToColumnMatrix());
            DerivativeProperties.AssertMatrix("∇²R/N", slow.Hessian(theta), fast.Hessian(theta));
            DerivativeProperties.AssertMatrix("F/N", slow.Fisher(theta), fast.Fisher(theta));
            DerivativeProperties.AssertMatrix("F̃/N", slow.EmpiricalFisher(theta), fast.EmpiricalFisher(theta));
        }
        Assert.Throws<ArgumentException>(() => new GeneralizedLinearObjective(new LinearModel(1), new BernoulliProbability(),
            new Dataset([Vector<double>.Build.Dense(1, 0.0)], [1.0]), "x"));
    }
}
