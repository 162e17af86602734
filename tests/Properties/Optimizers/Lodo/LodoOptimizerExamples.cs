using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Verification.Optimizers;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;
using Verification.Tests.Properties.Numerics.Lodo;

namespace Verification.Tests.Properties.Optimizers.Lodo;

/// <summary>Algorithm 1, the baselines and the noisy bowl, on hand-picked cases.</summary>
public class LodoOptimizerExamples
{
    private static readonly Matrix<double> H = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0.5 }, { 0.5, 1.0 } });

    [Fact]
    public void Lodo_FirstStepIsZero_SecondIsSgdWithRateAlpha0TimesOneMinusBeta()
    {
        // m₀ = 0 ⇒ x₁ = x₀; the first hypergradient is −∂(g₁ᵀGm₀) = 0 ⇒ θ₁ = θ₀, G = α₀I ⇒ x₂ = x₀ − α₀(1 − β)g₁.
        var f = new Quadratic(H, Vector<double>.Build.Dense(2));
        var lodo = Verification.Optimizers.Lodo.Lodo.WithAdam(BlockPermutationPreconditioner.Random(2, 2, 3, 0.3, 5), 0.01, 0.6, 5);
        var x0 = Vector<double>.Build.DenseOfArray([1.0, -2.0]);
        var run = lodo.Start(f, x0);
        Assert.Equal(x0, run.Theta + run.Step());
        Assert.Equal(x0.ToArray(), run.Theta.ToArray());
        run.Step();
        var expected = x0 - 0.3 * 0.4 * f.Gradient(x0);
        var (ok, report) = Tolerances.Lodo.Compare(expected.ToArray(), run.Theta.ToArray(), Tolerances.Lodo.Product);
        Assert.True(ok, report);
    }

    [Fact]
    public void Lodo_Hypergradient_IsMinusGradientOuterMomentum_ForTheDenseModel()
    {
        var model = new DensePreconditioner(2, 0.5);
        var lodo = Verification.Optimizers.Lodo.Lodo.WithSgd(model, 0.1, 0.0, 0);
        var run = lodo.Begin(Vector<double>.Build.DenseOfArray([1.0, 1.0]), Vector<double>.Build.Dense(2));
        run.Propose();
        var g1 = Vector<double>.Build.DenseOfArray([1.0, 2.0]);
        run.Accept(g1);
        run.Propose();
        var g2 = Vector<double>.Build.DenseOfArray([-1.0, 3.0]);
        run.Accept(g2);
        Assert.Equal(DensePreconditioner.Vectorize(-g2.OuterProduct(g1)).ToArray(), run.LastHypergradient!.ToArray());
    }

    [Fact]
    public void Adam_FirstStepIsLearningRateTimesSign()
    {
        // m̂₁ = g, v̂₁ = g² ⇒ Δ = −lr·g/(|g| + ε).
        var f = new Quadratic(H, Vector<double>.Build.Dense(2));
        var x0 = Vector<double>.Build.DenseOfArray([1.0, -2.0]);
        var step = new Adam(0.1, 0.9, 0.999).Start(f, x0).Step();
        var g = f.Gradient(x0);
        Assert.Equal(-0.1 * g[0] / (Math.Abs(g[0]) + 1e-8), step[0], 15);
        Assert.Equal(-0.1 * g[1] / (Math.Abs(g[1]) + 1e-8), step[1], 15);
    }

    [Fact]
    public void Momentum_FirstTwoSteps_FollowTheEmaForm()
    {
        var f = new Quadratic(H, Vector<double>.Build.Dense(2));
        var x0 = Vector<double>.Build.DenseOfArray([1.0, -2.0]);
        var run = new MomentumSgd(0.5, 0.8).Start(f, x0);
        var s1 = run.Step();
        var m1 = (1 - 0.8) * f.Gradient(x0);
        // Δ = x₁ − x₀ carries one rounding of the subtraction: 1e-15 of the step.
        var (ok1, report1) = Tolerances.Lodo.Compare((-0.5 * m1).ToArray(), s1.ToArray(), 1e-15);
        Assert.True(ok1, report1);
        var x1 = run.Theta;
        var s2 = run.Step();
        var m2 = 0.8 * m1 + (1 - 0.8) * f.Gradient(x1);
        var (ok, report) = Tolerances.Lodo.Compare((-0.5 * m2).ToArray(), s2.ToArray(), 1e-15);
        Assert.True(ok, report);
    }

    [Fact]
    public void NewtonOnTheBowl_MeanLoss_IsWithinAConfidenceIntervalOfHalfVTraceH()
    {
        // The losses ½sᵀHs are i.i.d.; 99.9% two-sided interval (z = 3.29). Seeded, so deterministic.
        var bowl = new NoisyQuadraticBowl(30, 2.0, 3);
        var run = NoisyBowlSimulation.Run(bowl, new NewtonTracker(bowl.Hessian), 2000, 4);
        double mean = run.Losses.Average();
        double sd = Math.Sqrt(run.Losses.Sum(x => (x - mean) * (x - mean)) / (run.Losses.Count - 1));
        Assert.InRange(mean, bowl.NewtonOptimalLoss - 3.29 * sd / Math.Sqrt(run.Losses.Count), bowl.NewtonOptimalLoss + 3.29 * sd / Math.Sqrt(run.Losses.Count));
    }

    [Fact]
    public void HalfTraceEnclosure_ContainsTheDoubleValue_AndRoundsTo7412()
    {
        var enclosure = NoisyQuadraticBowl.HalfTraceEnclosure(100, 0.001, 1.0, 40);
        double value = NoisyQuadraticBowl.Paper(1.0, 0).NewtonOptimalLoss;
        Assert.InRange(value, enclosure.LowerAsDouble - 1e-12, enclosure.UpperAsDouble + 1e-12);
        Assert.Equal(7.412, Math.Round(enclosure.Midpoint, 3));
    }

    [Fact]
    public void Bowl_Hessian_HasTheGeometricSpectrum()
    {
        var bowl = new NoisyQuadraticBowl(10, 1.0, 2);
        var eig = bowl.Hessian.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(z => z.Real).OrderBy(x => x).ToArray();
        var (ok, report) = Tolerances.Lodo.Compare(bowl.Spectrum.ToArray(), eig, 1e-12);
        Assert.True(ok, report);
        Assert.Equal(0.001, bowl.Spectrum[0], 15);
        Assert.Equal(1.0, bowl.Spectrum[^1], 12);
    }

    [Fact]
    public void LodoOnThePaperBowl_ShortRun_SigmaDecreases_AndLossStaysFinite()
    {
        // 300 steps of the paper's LODO (Table 6): σ starts at √(mean (1 − 0.27 d_i)²) ≈ 0.96 and must fall measurably.
        var bowl = NoisyQuadraticBowl.Paper(1.0, 1);
        var run = NoisyBowlSimulation.Run(bowl, NoisyBowlSimulation.PaperOptimizers(100, 1)[0], 300, 2, sigmaEvery: 300, sigmaProbes: 40);
        Assert.Null(run.StoppedBecause);
        Assert.Equal(300, run.Losses.Count);
        Assert.True(run.Sigma[^1].Sigma < run.Sigma[0].Sigma - 0.05, $"σ {run.Sigma[0].Sigma:R} → {run.Sigma[^1].Sigma:R}");
    }

    [Fact]
    public void InvalidArguments_NameTheParameter()
    {
        Assert.Equal("alpha0", Assert.Throws<ArgumentException>(() => BlockPermutationPreconditioner.Random(3, 2, 2, double.NaN, 1)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentException>(() => new BlockPermutationPreconditioner(3, 5, 2, [[0, 1, 2, 3, 4]], 1.0)).ParamName);
        Assert.Equal("permutations", Assert.Throws<ArgumentException>(() => new BlockPermutationPreconditioner(2, 2, 1, [[0, 0]], 1.0)).ParamName);
        var g = BlockPermutationPreconditioner.Random(3, 2, 2, 1.0, 1);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => g.Apply(Vector<double>.Build.Dense(3), Vector<double>.Build.Dense(3))).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => g.Apply(Vector<double>.Build.Dense(g.ParameterCount), Vector<double>.Build.DenseOfArray([1, double.NaN, 0]))).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => Verification.Optimizers.Lodo.Lodo.WithAdam(g, 0.001, 1.0, 0)).ParamName);
        Assert.Equal("noiseVariance", Assert.Throws<ArgumentException>(() => new NoisyQuadraticBowl(10, -1, 0)).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentException>(() => new Adam(double.PositiveInfinity)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => NoisyBowlSimulation.Run(new NoisyQuadraticBowl(4, 1, 0), new MomentumSgd(0.1, 0.5), 0, 0)).ParamName);
        // A stateless optimizer asks the exact oracle, which cannot see the moving centre: refused, not silently run on a still bowl.
        Assert.Equal("optimizer", Assert.Throws<ArgumentException>(() => NoisyBowlSimulation.Run(new NoisyQuadraticBowl(4, 1, 0), new Verification.Optimizers.FirstOrder.GradientDescent(0.1), 10, 0)).ParamName);
    }

    [Fact]
    public void LodoAsAnOptimizer_MatchesProposeAccept_BitForBit()
    {
        // Start/Step (the IOptimizer view) and Begin/Propose/Accept (Algorithm 1 as written) must be the same run: the
        // step −G(θ)m added to x rounds exactly as x − G(θ)m, so the comparison is exact.
        var f = new ScaledRosenbrock();
        var lodo = Verification.Optimizers.Lodo.Lodo.WithAdam(BlockPermutationPreconditioner.Random(2, 4, 16, 0.2946, 1), 0.0001394, 0.897, 1);
        var x0 = ScaledRosenbrock.PaperStart;
        var recorded = Trajectory.Record(lodo, f, x0, 40).Points;
        var manual = lodo.Begin(x0, f.Gradient(x0));
        for (int t = 1; t <= 40; t++)
        {
            var x = manual.Propose();
            Assert.Equal(x.ToArray(), recorded[t].ToArray());
            manual.Accept(f.Gradient(x));
        }
    }

    [Fact]
    public void BowlRun_OfNewton_IsTheNoiseItself()
    {
        // Newton jumps to the centre the gradient saw, so after step t the displacement is exactly the centre's last move
        // s_t up to H⁻¹H's rounding: the loss is ½s_tᵀHs_t, recomputed here from the same noise stream (relative 1e-12:
        // the Cholesky solve of a condition-1000 H loses about 10 bits of 2⁻⁵³).
        var bowl = new NoisyQuadraticBowl(6, 1.0, 3);
        var run = NoisyBowlSimulation.Run(bowl, new NewtonTracker(bowl.Hessian), 50, 9);
        var noise = new System.Random(9);
        for (int t = 0; t < 50; t++)
        {
            var s = bowl.Noise(noise);
            double expected = 0.5 * s.DotProduct(bowl.Hessian * s);
            Assert.InRange(run.Losses[t], expected * (1 - 1e-12), expected * (1 + 1e-12));
        }
    }

    [Fact]
    public void DivergingRun_IsRecordedNotThrown()
    {
        // Momentum with lr = 50 on a curvature-2 quadratic diverges; Trajectory.Record stops at the non-finite iterate.
        var f = new Quadratic(H, Vector<double>.Build.Dense(2));
        var t = Trajectory.Record(new MomentumSgd(50, 0.0), f, Vector<double>.Build.DenseOfArray([1.0, 1.0]), 2000);
        Assert.NotNull(t.StoppedBecause);
    }
}
