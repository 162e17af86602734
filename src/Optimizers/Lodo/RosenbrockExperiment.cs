using Verification.Numerics.Lodo;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo;

/// <summary>
/// lodo.md §5.2 / App. G: LODO, Adam and Momentum on f(x, y) = 0.01(x − 1)² + (x² − y)² from (−0.5, 2) for 200 steps,
/// with the tuned hyperparameters of Table 6 (Rosenbrock column). LODO uses k = 4, N = 16, ñ = ⌊2n/k⌋k raised to ≥ n.
/// </summary>
public static class RosenbrockExperiment
{
    /// <summary>The paper's step count.</summary>
    public const int Steps = 200;

    /// <summary>The three optimizers of Table 6 (LODO's permutations and θ₀ from <paramref name="seed"/>).</summary>
    public static IReadOnlyList<IOptimizer> Optimizers(int seed) =>
    [
        Lodo.WithAdam(BlockPermutationPreconditioner.Random(2, 4, 16, 0.2946, seed), 0.0001394, 0.897, seed),
        new Adam(0.9704, 0.864, 0.99804),
        new MomentumSgd(0.09870, 0.9359),
    ];

    /// <summary>The trajectories of <see cref="Optimizers"/> over <paramref name="steps"/> steps.</summary>
    public static IReadOnlyList<Trajectory> Run(int seed, int steps = Steps)
    {
        var f = new ScaledRosenbrock();
        return Optimizers(seed).Select(o => Trajectory.Record(o, f, ScaledRosenbrock.PaperStart, steps)).ToArray();
    }
}
