using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// One run's state of a <see cref="CoordinatewiseOptimizer"/>: a rule that acts on each coordinate separately, so it can
/// step any subset of the coordinates (the ones an AMOS slot owns, elmo-amos Alg. 2 line 14) and leave the rest alone.
/// </summary>
public interface ICoordinatewiseRule
{
    /// <summary>
    /// Writes (Δθ_t)_i into <paramref name="delta"/> for every i in <paramref name="owned"/> and moves the state of those
    /// coordinates only; other entries of <paramref name="delta"/> are not touched. <paramref name="gradient"/> is the
    /// gradient of the function being stepped at θ_t; <paramref name="hessianDiagonal"/> computes its Hessian diagonal
    /// H_ii(θ_t) on demand (a rule that reads no curvature never calls it, one that does calls it at most once a step).
    /// </summary>
    void Step(Vector<double> gradient, Func<Vector<double>> hessianDiagonal, IReadOnlyList<int> owned, Vector<double> delta);
}

/// <summary>
/// A <see cref="StochasticOptimizer"/> whose rule is separable by coordinate: coordinate i's step and state depend only on
/// g_i, H_ii and its own past (SGD, the diagonal Sophia). Run on its own it owns every coordinate and steps on the
/// objective's gradient samples; AMOS's slots OPT¹ and OPT² (elmo-amos Alg. 2, App. K) take the same optimizer value and
/// let each rule step only the coordinates assigned to it (<see cref="StartCoordinates"/>).
/// </summary>
public abstract class CoordinatewiseOptimizer : StochasticOptimizer
{
    /// <summary>The batch size m of a run on its own (AMOS feeds its slots the exact gradient and accepts only m = 1).</summary>
    public virtual int BatchSize => 1;

    /// <summary>Fresh per-coordinate state for n = <paramref name="dimension"/> ≥ 1 coordinates.</summary>
    public ICoordinatewiseRule StartCoordinates(int dimension)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        return CreateCoordinates(dimension);
    }

    /// <summary>Fresh per-coordinate state for n ≥ 1 coordinates (checked by the caller).</summary>
    protected abstract ICoordinatewiseRule CreateCoordinates(int dimension);

    /// <inheritdoc />
    protected sealed override IStepRule CreateRule(IObjective objective, int dimension) =>
        new EveryCoordinate(CreateCoordinates(dimension), BatchSize, theta => objective.Hessian(theta).Diagonal());

    /// <summary>
    /// The rule on every coordinate of the gradients it is fed, for a caller without an objective (LODO's meta-step); it
    /// has no curvature to offer, so a rule that reads H_ii fails with <see cref="InvalidOperationException"/>.
    /// </summary>
    protected IStepRule OnEveryCoordinate(ICoordinatewiseRule rule) => new EveryCoordinate(rule, BatchSize, null);

    /// <summary>A coordinate rule that owns every coordinate, as an <see cref="IStepRule"/>.</summary>
    private sealed class EveryCoordinate(ICoordinatewiseRule rule, int batchSize, Func<Vector<double>, Vector<double>>? curvature) : IStepRule
    {
        private int[] all = [];

        public int BatchSize => batchSize;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            var g = sample.Gradient;
            if (all.Length != g.Count)
                all = [.. Enumerable.Range(0, g.Count)];
            var delta = Vector<double>.Build.Dense(g.Count);
            rule.Step(g, () => curvature is null
                ? throw new InvalidOperationException("This rule reads the Hessian diagonal, and its caller has no objective to compute it from.")
                : curvature(theta), all, delta);
            return delta;
        }
    }
}
