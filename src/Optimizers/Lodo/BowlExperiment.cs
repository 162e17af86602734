using Verification.Numerics.Lodo;

namespace Verification.Optimizers.Lodo;

/// <summary>The §5.1 comparison on one bowl: LODO, Adam and Momentum (Table 6) and Newton, on the same noise stream.</summary>
/// <param name="Runs">LODO, Adam, Momentum, Newton, in that order.</param>
/// <param name="NewtonOptimalLoss">½v·tr(H), the analytic optimum.</param>
public sealed record BowlComparison(IReadOnlyList<BowlRun> Runs, double NewtonOptimalLoss);

/// <summary>Runs the noisy-bowl comparison (lodo.md §5.1, App. F.1) for a fixed, seeded horizon.</summary>
public static class BowlExperiment
{
    /// <summary>
    /// n = 100 (paper) or smaller, noise v, <paramref name="steps"/> steps, σ every <paramref name="sigmaEvery"/> steps
    /// with <paramref name="sigmaProbes"/> probes; the seed fixes U, LODO's permutations and θ₀, and the noise.
    /// </summary>
    public static BowlComparison Run(int steps, int seed, double noiseVariance = 1.0, int dimension = 100, int sigmaEvery = 100, int sigmaProbes = 100)
    {
        var bowl = new NoisyQuadraticBowl(dimension, noiseVariance, seed);
        var optimizers = NoisyBowlSimulation.PaperOptimizers(dimension, seed).Append(new NewtonTracker(bowl.Hessian));
        var runs = optimizers.Select(o => NoisyBowlSimulation.Run(bowl, o, steps, seed + 1, sigmaEvery, sigmaProbes)).ToArray();
        return new BowlComparison(runs, bowl.NewtonOptimalLoss);
    }
}
