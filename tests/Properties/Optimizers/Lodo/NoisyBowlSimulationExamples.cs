using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Verification.Optimizers;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Lodo;

/// <summary>
/// The noisy-bowl simulation of lodo.md §5.1 / App. F.1 and its experiments on small, hand-picked cases (issue 15,
/// item 3): the losses and σ against closed forms or against Algorithm 1 driven by hand on the same noise stream, the
/// stop reasons of a diverging run, the tail mean the paper reports, and the input contracts.
/// </summary>
public class NoisyBowlSimulationExamples
{
    /// <summary>
    /// σ of Fig. 2 where (I − GH)v = ¾v exactly up to rounding: normalizing v (a norm and n divisions), the product and
    /// difference and a K-term sum carry about 10 roundings of 2⁻⁵³ ≈ 1.1e-16 each, so 1e-14 relative leaves room.
    /// </summary>
    private const double SigmaRoundoff = 1e-14;

    /// <summary>
    /// ½sᵀHs computed by the simulation from H(x − x*) after the Newton solve against the same value from s: the
    /// Cholesky solve of a condition-1000 H loses about 10 bits of 2⁻⁵³, so 1e-12 relative (as in the existing Newton case).
    /// </summary>
    private const double NewtonRoundoff = 1e-12;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// A stochastic optimizer whose steps are given in advance (zero after the script), keeping the objective it was
    /// started on: it reaches the simulation's moving bowl as any sampler-driven optimizer does.
    /// </summary>
    private sealed class ScriptedSteps(params double[][] steps) : StochasticOptimizer
    {
        public IObjective? Objective { get; private set; }

        public override string Name => "scripted";

        protected override IStepRule CreateRule(IObjective objective, int dimension)
        {
            Objective = objective;
            return new Rule(steps, dimension);
        }

        private sealed class Rule(double[][] steps, int dimension) : IStepRule
        {
            public int BatchSize => 1;

            public Vector<double> Step(Vector<double> theta, GradientSample sample, int t) =>
                t < steps.Length ? Vector<double>.Build.DenseOfArray(steps[t]) : Vector<double>.Build.Dense(dimension);
        }
    }

    [Fact]
    public void TailMean_AveragesTheLastFraction_AndRejectsFractionsOutsideZeroOne()
    {
        // ℓ = 5, 1, 4, 2, 8, 6, 3, 9, 7, 10 (not sorted, so first/last, min/mean all differ).
        var run = new BowlRun("x", [5, 1, 4, 2, 8, 6, 3, 9, 7, 10], [], null);
        Assert.Equal(10.0, run.TailMean()); // the last 10 %: one loss
        Assert.Equal(26.0 / 3, run.TailMean(0.3)); // 9, 7, 10
        Assert.Equal(5.5, run.TailMean(1.0)); // all of them
        Assert.Equal(10.0, run.TailMean(0.01)); // rounds to no loss: at least one is kept
        foreach (double fraction in new[] { 0.0, -0.5, 1.5, double.NaN })
            ArgumentAssert.Rejects(() => run.TailMean(fraction), "fraction", "fraction must be in (0, 1]");
    }

    [Fact]
    public void Run_RejectsBadInputs_NamingThem()
    {
        var bowl = new NoisyQuadraticBowl(3, 1.0, 0);
        var momentum = new MomentumSgd(0.1, 0.5);
        Assert.Equal("bowl", Assert.Throws<ArgumentNullException>(() => NoisyBowlSimulation.Run(null!, momentum, 1, 0)).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentNullException>(() => NoisyBowlSimulation.Run(bowl, null!, 1, 0)).ParamName);
        ArgumentAssert.Rejects(() => NoisyBowlSimulation.Run(bowl, new Verification.Optimizers.FirstOrder.GradientDescent(0.1), 1, 0),
            "optimizer", "must draw one gradient sample per step");
        ArgumentAssert.Rejects(() => NoisyBowlSimulation.Run(bowl, momentum, 0, 0), "steps", "steps must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => NoisyBowlSimulation.Run(bowl, momentum, 1, 0, sigmaEvery: -1), "sigmaEvery", "sigmaEvery must be ≥ 0, got -1");
        ArgumentAssert.Rejects(() => NoisyBowlSimulation.Run(bowl, momentum, 1, 0, sigmaProbes: 0), "sigmaProbes", "sigmaProbes must be ≥ 1, got 0");
    }

    [Fact]
    public void Run_AcceptsTheSmallestHorizonAndProbeCount()
    {
        var bowl = new NoisyQuadraticBowl(3, 1.0, 0);
        Assert.Single(NoisyBowlSimulation.Run(bowl, new MomentumSgd(0.1, 0.5), 1, 0).Losses);
        var lodo = Verification.Optimizers.Lodo.Lodo.WithSgd(new DensePreconditioner(3, 0.5), 0.01, 0.5, 0);
        var run = NoisyBowlSimulation.Run(bowl, lodo, 2, 0, sigmaEvery: 1, sigmaProbes: 1);
        Assert.Equal(new[] { 0, 1, 2 }, run.Sigma.Select(s => s.Step));
        Assert.Empty(NoisyBowlSimulation.Run(bowl, lodo, 2, 0, sigmaEvery: 0).Sigma); // σ is recorded only when asked for
    }

    [Fact]
    public void LodoOnTheBowl_IsAlgorithm1DrivenByHand_OnTheSameNoise()
    {
        // App. F.1 with Algorithm 1 written out: x_t = Propose(); the centre moves, x*_t = x*_{t−1} + s_t; ℓ_t = ½bᵀHb with
        // b = x_t − x*_t; Accept(H b). The simulation must see the same centres in the same order (its sampler draws once at
        // x₀ without moving, then moves before every draw), so the same operations give the same doubles: compared exactly.
        var bowl = new NoisyQuadraticBowl(4, 1.0, 2);
        var lodo = Verification.Optimizers.Lodo.Lodo.WithAdam(BlockPermutationPreconditioner.Random(4, 2, 3, 0.27, 1), 0.001, 0.195, 1);
        const int steps = 6;
        var simulated = NoisyBowlSimulation.Run(bowl, lodo, steps, 6);
        Assert.Null(simulated.StoppedBecause);
        var run = lodo.Begin(Vector<double>.Build.Dense(4), Vector<double>.Build.Dense(4));
        var noise = new System.Random(6);
        var centre = Vector<double>.Build.Dense(4);
        var expected = new List<double>();
        for (int t = 1; t <= steps; t++)
        {
            var x = run.Propose();
            centre += bowl.Noise(noise);
            var b = x - centre;
            expected.Add(0.5 * b.DotProduct(bowl.Hessian * b));
            run.Accept(bowl.Hessian * (x - centre));
        }
        Assert.Equal(expected, simulated.Losses);
    }

    [Fact]
    public void Sigma_IsOneMinusAlpha0TimesCurvature_WhenGHIsAMultipleOfI()
    {
        // σ² = (1/K)Σ‖(I − GH)v_i‖² with unit v_i; G = α₀I, H = hI ⇒ (I − GH)v = (1 − α₀h)v ⇒ σ = |1 − α₀h| for every
        // draw and every K: here 1 − 0.125·2 = 0.75.
        var run = Verification.Optimizers.Lodo.Lodo.WithSgd(new DensePreconditioner(3, 0.125), 0.01, 0.5, 0)
            .Begin(Vector<double>.Build.Dense(3), Vector<double>.Build.Dense(3));
        var h = 2.0 * Matrix<double>.Build.DenseIdentity(3);
        foreach (int probes in new[] { 1, 3 })
        {
            double sigma = NoisyBowlSimulation.Sigma(run, h, probes, new System.Random(11));
            Assert.InRange(sigma, 0.75 * (1 - SigmaRoundoff), 0.75 * (1 + SigmaRoundoff));
        }
    }

    [Fact]
    public void Sigma_RejectsNullsAndAnEmptyProbeSet()
    {
        // probes = 0 as well: a null must be named before the probe count is judged.
        var run = Verification.Optimizers.Lodo.Lodo.WithSgd(new DensePreconditioner(2, 0.5), 0.01, 0.5, 0)
            .Begin(Vector<double>.Build.Dense(2), Vector<double>.Build.Dense(2));
        var h = Matrix<double>.Build.DenseIdentity(2);
        var random = new System.Random(1);
        Assert.Equal("run", Assert.Throws<ArgumentNullException>(() => NoisyBowlSimulation.Sigma(null!, h, 0, random)).ParamName);
        Assert.Equal("hessian", Assert.Throws<ArgumentNullException>(() => NoisyBowlSimulation.Sigma(run, null!, 0, random)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => NoisyBowlSimulation.Sigma(run, h, 0, null!)).ParamName);
        ArgumentAssert.Rejects(() => NoisyBowlSimulation.Sigma(run, h, 0, random), "probes", "probes must be ≥ 1, got 0");
    }

    [Fact]
    public void DivergingRun_StopsAtTheNonFiniteIterate_OrAtTheOverflowingLoss()
    {
        var bowl = new NoisyQuadraticBowl(3, 0.5, 2);
        // x₂ = (∞, 0, 0): one entry non-finite is enough; the loss is not evaluated.
        var infinite = NoisyBowlSimulation.Run(bowl, new ScriptedSteps([0, 0, 0], [double.PositiveInfinity, 0, 0]), 5, 5);
        Assert.Equal("x became non-finite at step 2", infinite.StoppedBecause);
        Assert.Single(infinite.Losses);
        // x₁ = (1e200, 0, 0): finite, but ½bᵀHb ≈ ½H₁₁·1e400 overflows.
        var huge = NoisyBowlSimulation.Run(bowl, new ScriptedSteps([1e200, 0, 0]), 5, 5);
        Assert.Equal("the loss became non-finite at step 1", huge.StoppedBecause);
        Assert.Empty(huge.Losses);
    }

    [Fact]
    public void MovingBowl_AsSeenByAnOptimizer_IsNamed_AndItsExactGradientChecksTheta()
    {
        var bowl = new NoisyQuadraticBowl(3, 0.5, 2);
        var scripted = new ScriptedSteps();
        NoisyBowlSimulation.Run(bowl, scripted, 1, 5);
        var objective = scripted.Objective!;
        Assert.Equal("noisy-bowl(n=3, v=0.5, seed=2, noise=5)", objective.Name);
        Assert.Equal((bowl.Hessian * V(1, 2, 3)).ToArray(), objective.Gradient(V(1, 2, 3)).ToArray()); // ∇ℓ₀ = Hθ
        ArgumentAssert.Rejects(() => objective.Gradient(V(1, double.NaN, 3)), "theta", "theta[1] must be finite");
        ArgumentAssert.Rejects(() => objective.Gradient(V(1, 2)), "theta", "theta has length 2, expected 3");
    }

    [Fact]
    public void BowlExperiment_RunsLodoAdamMomentumNewton_InOrder_WithNewtonOnTheSeedPlusOneNoise()
    {
        // The Newton run's ℓ_t is ½s_tᵀHs_t (it sits on the centre its gradient saw): recomputed from the noise stream of
        // seed + 1, the stream the experiment documents as separate from U's seed.
        const int seed = 3, steps = 4;
        var comparison = BowlExperiment.Run(steps, seed, dimension: 4, sigmaEvery: 0);
        var bowl = new NoisyQuadraticBowl(4, 1.0, seed);
        Assert.Equal(4, comparison.Runs.Count);
        Assert.StartsWith("lodo(", comparison.Runs[0].Optimizer, StringComparison.Ordinal);
        Assert.StartsWith("adam", comparison.Runs[1].Optimizer, StringComparison.Ordinal);
        Assert.StartsWith("momentum(", comparison.Runs[2].Optimizer, StringComparison.Ordinal);
        Assert.Equal("newton", comparison.Runs[3].Optimizer);
        Assert.Equal(bowl.NewtonOptimalLoss, comparison.NewtonOptimalLoss);
        var noise = new System.Random(seed + 1);
        for (int t = 0; t < steps; t++)
        {
            var s = bowl.Noise(noise);
            double expected = 0.5 * s.DotProduct(bowl.Hessian * s);
            Assert.InRange(comparison.Runs[3].Losses[t], expected * (1 - NewtonRoundoff), expected * (1 + NewtonRoundoff));
        }
    }

    [Fact]
    public void PaperMomentum_IsTheHeavyBallForm()
    {
        // Table 6's Momentum on the bowl is the undampened (heavy-ball) form: it is the one that reproduces Table 1.
        Assert.Equal("momentum(lr=1.394,β=0.529,heavy-ball)", NoisyBowlSimulation.PaperOptimizers(4, 0)[2].Name);
    }

    [Fact]
    public void NewtonTracker_IsNamed_AndRejectsANonSymmetricOrIndefiniteHessian()
    {
        Assert.Equal("newton", new NewtonTracker(Matrix<double>.Build.DenseIdentity(2)).Name);
        // Cholesky reads one triangle only, so an asymmetric matrix must be refused before it.
        ArgumentAssert.Rejects(() => new NewtonTracker(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0 }, { 0.0, 2.0 } })),
            "hessian", "hessian must be symmetric");
        // eigenvalues 3 and −1: symmetric, indefinite.
        ArgumentAssert.Rejects(() => new NewtonTracker(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } })),
            "hessian", "hessian must be positive definite");
    }

    [Fact]
    public void RosenbrockExperiment_RecordsOneTrajectoryPerOptimizer_FromThePaperStart()
    {
        var runs = RosenbrockExperiment.Run(1, steps: 3);
        Assert.Equal(RosenbrockExperiment.Optimizers(1).Select(o => o.Name), runs.Select(r => r.Optimizer));
        Assert.All(runs, r =>
        {
            Assert.Equal(4, r.Points.Count);
            Assert.Equal(ScaledRosenbrock.PaperStart.ToArray(), r.Points[0].ToArray());
        });
    }
}
