using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Lodo;
using Verification.Numerics.Random;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo;

/// <summary>The tracking loss of one optimizer on the noisy quadratic bowl, and LODO's σ where it applies.</summary>
/// <param name="Optimizer">The optimizer's name.</param>
/// <param name="Losses">ℓ_t for t = 1..T (the loss after each step, at the moved centre).</param>
/// <param name="Sigma">(t, σ_t): LODO's inverse-Hessian error estimate of Fig. 2, empty for other optimizers.</param>
/// <param name="StoppedBecause">Why the run stopped early (a non-finite iterate), or null.</param>
public sealed record BowlRun(string Optimizer, IReadOnlyList<double> Losses, IReadOnlyList<(int Step, double Sigma)> Sigma, string? StoppedBecause)
{
    /// <summary>The mean of ℓ over the last <paramref name="fraction"/> of the run (the paper averages the last 10%).</summary>
    public double TailMean(double fraction = 0.1)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentException($"fraction must be in (0, 1], got {Require.Show(fraction)}.", nameof(fraction));
        int count = Math.Max(1, (int)Math.Round(Losses.Count * fraction));
        return Losses.Skip(Losses.Count - count).Average();
    }
}

/// <summary>
/// Runs an optimizer on <see cref="NoisyQuadraticBowl"/> (lodo.md §5.1, App. F.1): start and centre at the origin; at each
/// step the optimizer moves to x_{t+1}, the centre moves x*_{t+1} = x*_t + s_t, and the optimizer's next gradient is
/// ∇ℓ_{t+1}(x_{t+1}) = H(x_{t+1} − x*_{t+1}). The noise stream depends only on <c>noiseSeed</c>, so optimizers see the same
/// centres. The bowl reaches the optimizer as an <see cref="IStochasticObjective"/> whose sampler moves the centre before
/// every draw after the first, so any optimizer that takes one gradient sample per step runs on it unchanged.
/// </summary>
public static class NoisyBowlSimulation
{
    /// <summary>Runs <paramref name="steps"/> steps; for a <see cref="Lodo"/> run, records σ every <paramref name="sigmaEvery"/> steps with <paramref name="sigmaProbes"/> random unit vectors.</summary>
    /// <exception cref="ArgumentException">an optimizer that does not draw its gradients from the sampler (only <see cref="StochasticOptimizer"/> and <see cref="Lodo"/> do), steps &lt; 1, sigmaEvery &lt; 0, sigmaProbes &lt; 1.</exception>
    public static BowlRun Run(NoisyQuadraticBowl bowl, IOptimizer optimizer, int steps, int noiseSeed, int sigmaEvery = 0, int sigmaProbes = 100)
    {
        ArgumentNullException.ThrowIfNull(bowl);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (optimizer is not (StochasticOptimizer or Lodo))
            throw new ArgumentException(
                $"optimizer must draw one gradient sample per step (a StochasticOptimizer or Lodo) to see the moving centre, got {optimizer.Name}.", nameof(optimizer));
        if (steps < 1)
            throw new ArgumentException($"steps must be ≥ 1, got {steps}.", nameof(steps));
        if (sigmaEvery < 0)
            throw new ArgumentException($"sigmaEvery must be ≥ 0, got {sigmaEvery}.", nameof(sigmaEvery));
        if (sigmaProbes < 1)
            throw new ArgumentException($"sigmaProbes must be ≥ 1, got {sigmaProbes}.", nameof(sigmaProbes));
        var noise = new System.Random(noiseSeed); // the same stream the bowl's sampler draws, one step ahead of it
        var probes = new System.Random(noiseSeed ^ 0x5bd1e995);
        var h = bowl.Hessian;
        var centre = Vector<double>.Build.Dense(bowl.Dimension);
        var run = optimizer.Start(new MovingBowl(bowl, noiseSeed), Vector<double>.Build.Dense(bowl.Dimension));
        var losses = new List<double>(steps);
        var sigma = new List<(int, double)>();
        if (run is LodoRun lodo0 && sigmaEvery > 0)
            sigma.Add((0, Sigma(lodo0, h, sigmaProbes, probes)));
        for (int t = 1; t <= steps; t++)
        {
            run.Step();
            var x = run.Theta;
            centre += bowl.Noise(noise);
            if (!x.All(double.IsFinite))
                return new BowlRun(optimizer.Name, losses, sigma, $"x became non-finite at step {t}");
            var b = x - centre;
            double loss = 0.5 * b.DotProduct(h * b);
            if (!double.IsFinite(loss))
                return new BowlRun(optimizer.Name, losses, sigma, $"the loss became non-finite at step {t}");
            losses.Add(loss);
            if (run is LodoRun lodo && sigmaEvery > 0 && t % sigmaEvery == 0)
                sigma.Add((t, Sigma(lodo, h, sigmaProbes, probes)));
        }
        return new BowlRun(optimizer.Name, losses, sigma, null);
    }

    /// <summary>
    /// σ of Fig. 2: σ² = (1/K)Σ‖(I − G(θ_t)H)v_i‖² with K independent uniform unit vectors v_i, an unbiased estimator of
    /// ‖I − GH‖²_F/n.
    /// </summary>
    public static double Sigma(LodoRun run, Matrix<double> hessian, int probes, System.Random random)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(hessian);
        ArgumentNullException.ThrowIfNull(random);
        if (probes < 1)
            throw new ArgumentException($"probes must be ≥ 1, got {probes}.", nameof(probes));
        double sum = 0;
        for (int i = 0; i < probes; i++)
        {
            var v = Vector<double>.Build.Dense(hessian.RowCount, _ => StandardNormal.Draw(random));
            v /= v.L2Norm();
            var r = v - run.Precondition(hessian * v);
            sum += r.DotProduct(r);
        }
        return Math.Sqrt(sum / probes);
    }

    /// <summary>The paper's tuned bowl optimizers (Table 6): LODO (α = 0.00096, β = 0.195, α₀ = 0.270, k = 4, N = 16), Adam, Momentum (heavy-ball form, which reproduces Table 1; see <see cref="MomentumSgd"/>).</summary>
    public static IReadOnlyList<IOptimizer> PaperOptimizers(int dimension, int seed) =>
    [
        Lodo.WithAdam(BlockPermutationPreconditioner.Random(dimension, 4, 16, 0.270, seed), 0.00096, 0.195, seed),
        new Adam(1.164, 0.465, 0.9884),
        new MomentumSgd(1.394, 0.529, dampened: false),
    ];

    /// <summary>
    /// The bowl as a stochastic objective: the exact oracle is ℓ₀ (centre at the origin); each sampler draws
    /// ∇ℓ_k(θ) = H(θ − x*_k) at its k-th call, moving the centre by s_k from a generator seeded with the noise seed before
    /// every call after the first.
    /// </summary>
    private sealed class MovingBowl(NoisyQuadraticBowl bowl, int noiseSeed) : IStochasticObjective
    {
        public string Name => $"noisy-bowl(n={bowl.Dimension}, v={Require.Show(bowl.NoiseVariance)}, seed={bowl.Seed}, noise={noiseSeed})";

        public int Dimension => bowl.Dimension;

        public double Value(Vector<double> theta) => bowl.Loss(theta);

        public Vector<double> Gradient(Vector<double> theta)
        {
            Require.Finite(theta, nameof(theta));
            Require.SameLength(Dimension, theta.Count, nameof(theta));
            return bowl.Hessian * theta;
        }

        public Matrix<double> Hessian(Vector<double> theta) => bowl.Hessian;

        public Vector<double>? PerSampleVariance(Vector<double> theta) => null;

        public IGradientSampler OpenSampler() => new Sampler(bowl, new System.Random(noiseSeed));

        private sealed class Sampler(NoisyQuadraticBowl bowl, System.Random noise) : IGradientSampler
        {
            private Vector<double> centre = Vector<double>.Build.Dense(bowl.Dimension);
            private bool started;

            public GradientSample Sample(Vector<double> theta, int batchSize)
            {
                if (started)
                    centre += bowl.Noise(noise);
                started = true;
                return new GradientSample(bowl.Hessian * (theta - centre), batchSize, null);
            }
        }
    }
}
