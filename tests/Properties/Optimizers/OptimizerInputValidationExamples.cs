using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Xunit;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers;

/// <summary>Bad input is an ArgumentException naming the parameter; degenerate but valid input gives finite steps.</summary>
public class OptimizerInputValidationExamples
{
    private static readonly Quadratic Saddle = Quadratic.Diagonal(Vector<double>.Build.DenseOfArray([1.0, 0.0, -1.0]), Vector<double>.Build.Dense(3));

    private static IEnumerable<IOptimizer> All() =>
    [
        new GradientDescent(0.1), new Newton(), new SaddleFreeNewton(), new ElmoOptimizer(new ConstantLipschitz(1)),
        new CauchyMethod(new ConstantLipschitz(1)), new Arc(), new EigenArc(),
        new Amos(new Sgd(0.1), new SophiaDiagonal(0.1), new AmosSettings(0.1)),
    ];

    [Fact]
    public void Start_RejectsNonFiniteOrMisSizedTheta()
    {
        foreach (var o in All())
        {
            var e = Assert.Throws<ArgumentException>(() => o.Start(Saddle, Vector<double>.Build.DenseOfArray([0, double.NaN, 0])));
            Assert.Equal("theta0", e.ParamName);
            Assert.Throws<ArgumentException>(() => o.Start(Saddle, Vector<double>.Build.Dense(2)));
        }
    }

    [Fact]
    public void Steps_AtSaddleWithZeroGradientAndZeroCurvature_AreFinite()
    {
        // ∇f = 0, eigenvalues 1, 0, −1: Newton's pseudo-inverse gives 0, ELMO/ARC/EigenARC escape along λ = −1.
        foreach (var o in All())
        {
            var run = o.Start(Saddle, Vector<double>.Build.Dense(3));
            for (int t = 0; t < 3; t++)
                Assert.All(run.Step(), x => Assert.True(double.IsFinite(x), $"{o.Name}: step {x}"));
        }
    }

    [Fact]
    public void Elmo_EscapesAlongNegativeCurvatureAtZeroGradient()
    {
        // Eq. (7) with g = 0, λ = −1, L = 1: x* = 2|λ|/L = 2 along v for λ = −1 (the third axis).
        var step = new ElmoOptimizer(new ConstantLipschitz(1)).Update(Saddle, Vector<double>.Build.Dense(3));
        Assert.Equal(0.0, step[0]);
        Assert.Equal(0.0, step[1]);
        Assert.Equal(2.0, Math.Abs(step[2]));
    }

    [Fact]
    public void Hyperparameters_AreValidated()
    {
        Assert.Equal("lipschitz", Assert.Throws<ArgumentException>(() => new ConstantLipschitz(0)).ParamName);
        Assert.Equal("Eta2", Assert.Throws<ArgumentException>(() => new Arc(new ArcSettings(Eta1: 0.5, Eta2: 0.4))).ParamName);
        Assert.Equal("Gamma1", Assert.Throws<ArgumentException>(() => new EigenArc(new EigenArcSettings(Gamma1: 1))).ParamName);
        Assert.Equal("AlphaL", Assert.Throws<ArgumentException>(() => new Amos(new Sgd(1), new SophiaDiagonal(1), new AmosSettings(0, AlphaL: 1))).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentException>(() => new Sgd(-1)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentException>(() => new SophiaDiagonal(1, beta2: 1)).ParamName);
        Assert.Equal("Tensors", Assert.Throws<ArgumentException>(() =>
            new Amos(new Sgd(1), new SophiaDiagonal(1), new AmosSettings(0, Tensors: [[0, 1]])).Start(Saddle, Vector<double>.Build.Dense(3))).ParamName);
    }

    [Fact]
    public void Oracles_RejectBadOutputAndMissingConstant()
    {
        var bad = new ElmoOptimizer(new FunctionLipschitz("negative", (_, _, e) => Vector<double>.Build.Dense(e.Dimension, -1)));
        Assert.Throws<ArgumentException>(() => bad.Update(Saddle, Vector<double>.Build.Dense(3)));
        // LODO's Rosenbrock has no global L_H (its third derivative grows like 24x): the L_H oracle has nothing to read.
        var e = Assert.Throws<ArgumentException>(() => new ElmoOptimizer(new HessianLipschitzOracle()).Update(new ScaledRosenbrock(), ScaledRosenbrock.PaperStart));
        Assert.Equal("objective", e.ParamName);
    }
}
