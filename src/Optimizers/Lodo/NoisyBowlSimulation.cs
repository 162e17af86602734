using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Lodo;
using Verification.Numerics.Random;

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
/// step the optimizer proposes x_{t+1}, the centre moves x*_{t+1} = x*_t + s_t, and the optimizer receives
/// ∇ℓ_{t+1}(x_{t+1}) = H(x_{t+1} − x*_{t+1}). The noise stream depends only on <c>noiseSeed</c>, so optimizers see the same centres.
/// </summary>
public static class NoisyBowlSimulation
{
    /// <summary>Runs <paramref name="steps"/> steps; for a <see cref="Lodo"/> run, records σ every <paramref name="sigmaEvery"/> steps with <paramref name="sigmaProbes"/> random unit vectors.</summary>
    public static BowlRun Run(NoisyQuadraticBowl bowl, ITrackingOptimizer optimizer, int steps, int noiseSeed, int sigmaEvery = 0, int sigmaProbes = 100)
    {
        ArgumentNullException.ThrowIfNull(bowl);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (steps < 1)
            throw new ArgumentException($"steps must be ≥ 1, got {steps}.", nameof(steps));
        if (sigmaEvery < 0)
            throw new ArgumentException($"sigmaEvery must be ≥ 0, got {sigmaEvery}.", nameof(sigmaEvery));
        if (sigmaProbes < 1)
            throw new ArgumentException($"sigmaProbes must be ≥ 1, got {sigmaProbes}.", nameof(sigmaProbes));
        var noise = new System.Random(noiseSeed);
        var probes = new System.Random(noiseSeed ^ 0x5bd1e995);
        var h = bowl.Hessian;
        var centre = Vector<double>.Build.Dense(bowl.Dimension);
        var x0 = Vector<double>.Build.Dense(bowl.Dimension);
        var run = optimizer.Start(x0, h * (x0 - centre));
        var losses = new List<double>(steps);
        var sigma = new List<(int, double)>();
        if (run is LodoRun lodo0 && sigmaEvery > 0)
            sigma.Add((0, Sigma(lodo0, h, sigmaProbes, probes)));
        for (int t = 1; t <= steps; t++)
        {
            var x = run.Propose();
            centre += bowl.Noise(noise);
            if (!x.All(double.IsFinite))
                return new BowlRun(optimizer.Name, losses, sigma, $"x became non-finite at step {t}");
            var b = x - centre;
            double loss = 0.5 * b.DotProduct(h * b);
            if (!double.IsFinite(loss))
                return new BowlRun(optimizer.Name, losses, sigma, $"the loss became non-finite at step {t}");
            losses.Add(loss);
            run.Accept(h * b);
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

    /// <summary>The paper's tuned bowl optimizers (Table 6): LODO (α = 0.00096, β = 0.195, α₀ = 0.270, k = 4, N = 16), Adam, Momentum (heavy-ball form, which reproduces Table 1; see <see cref="Baselines.MomentumSgd"/>).</summary>
    public static IReadOnlyList<ITrackingOptimizer> PaperOptimizers(int dimension, int seed) =>
    [
        Lodo.WithAdam(BlockPermutationPreconditioner.Random(dimension, 4, 16, 0.270, seed), 0.00096, 0.195, seed),
        new Baselines.Adam(1.164, 0.465, 0.9884),
        new Baselines.MomentumSgd(1.394, 0.529, dampened: false),
    ];
}
