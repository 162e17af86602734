using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;

namespace FlawedOptimizers;

/// <summary>
/// Rejects every input with a documented ArgumentException (naming theta): nothing is ever checked, so finite-steps
/// is inconclusive and check-optimizer exits 4, never 0.
/// </summary>
public sealed class RejectsEveryInput : StatelessOptimizer
{
    /// <inheritdoc />
    public override string Name => "rejects-every-input";

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta) =>
        throw new ArgumentException("this optimizer supports no problem at all.", nameof(theta));
}

/// <summary>Gradient descent whose step has one entry too many: a finite-steps violation (exit 3).</summary>
public sealed class StepOneEntryTooLong : IOptimizer
{
    /// <inheritdoc />
    public string Name => "step-one-entry-too-long";

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) => new Run(objective, theta0.Clone());

    private sealed class Run(IObjective objective, Vector<double> theta) : IOptimizerRun
    {
        public Vector<double> Theta => theta.Clone();

        public int Iteration { get; private set; }

        public Vector<double> Step()
        {
            var g = objective.Gradient(theta);
            Iteration++;
            return Vector<double>.Build.Dense(g.Count + 1, i => i < g.Count ? -0.1 * g[i] : 0.0);
        }
    }
}

/// <summary>
/// Heavy-ball momentum with the momentum's sign flipped (v_t = −βv_{t−1} + g_t instead of βv_{t−1} + g_t). Its
/// first step is right, so one-step properties cannot see it; the declared recurrence over many steps does (exit 3).
/// </summary>
public sealed class FlippedMomentum : IOptimizer, IDeclaresGuarantees
{
    /// <summary>η.</summary>
    public const double LearningRate = 0.1;

    /// <summary>β.</summary>
    public const double Momentum = 0.9;

    /// <inheritdoc />
    public string Name => "flipped-momentum(η=0.1, β=0.9)";

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } = [new HeavyBallMomentum(LearningRate, Momentum)];

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) => new Run(objective, theta0.Clone());

    private sealed class Run(IObjective objective, Vector<double> theta) : IOptimizerRun
    {
        private Vector<double> velocity = Vector<double>.Build.Dense(theta.Count);

        public Vector<double> Theta => theta.Clone();

        public int Iteration { get; private set; }

        public Vector<double> Step()
        {
            velocity = -Momentum * velocity + objective.Gradient(theta); // the flaw: −β instead of β
            var delta = -LearningRate * velocity;
            theta += delta;
            Iteration++;
            return delta;
        }
    }
}

/// <summary>Its Step never returns: check-optimizer stops it after --timeout (exit 5).</summary>
public sealed class LoopsForever : StatelessOptimizer
{
    /// <inheritdoc />
    public override string Name => "loops-forever";

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        while (true)
            Thread.Sleep(50);
    }
}

/// <summary>Its Step recurses without end: the stack overflow aborts the worker process (exit code 134), check-optimizer exits 5.</summary>
public sealed class InfiniteRecursion : StatelessOptimizer
{
    /// <inheritdoc />
    public override string Name => "infinite-recursion";

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta) => Descend(objective, theta, 0);

    private static Vector<double> Descend(IObjective objective, Vector<double> theta, int depth) =>
        depth >= 0 ? Descend(objective, theta, depth + 1) : theta;
}

/// <summary>Its Name getter throws: a one-line finding (exit 5), no stack trace.</summary>
public sealed class ThrowingName : StatelessOptimizer
{
    /// <inheritdoc />
    public override string Name => throw new InvalidOperationException("the name is not configured");

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta) => -0.1 * objective.Gradient(theta);
}

/// <summary>Its Guarantees getter throws: a one-line finding (exit 5), no stack trace.</summary>
public sealed class ThrowingGuarantees : StatelessOptimizer, IDeclaresGuarantees
{
    /// <inheritdoc />
    public override string Name => "throwing-guarantees";

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees => throw new NotSupportedException("guarantees are not declared yet");

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta) => -0.1 * objective.Gradient(theta);
}
