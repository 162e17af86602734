using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers;

/// <summary>
/// The iterates θ₀…θ_T of a run and their values f(θ_t). A run that produces a non-finite iterate stops
/// there and says so in <see cref="StoppedBecause"/> (it is recorded, not returned as NaN).
/// </summary>
public sealed record Trajectory(
    string Optimizer,
    string Objective,
    IReadOnlyList<Vector<double>> Points,
    IReadOnlyList<double> Values,
    string? StoppedBecause)
{
    /// <summary>Runs <paramref name="optimizer"/> from θ₀ for at most <paramref name="steps"/> steps.</summary>
    public static Trajectory Record(IOptimizer optimizer, IObjective objective, Vector<double> theta0, int steps)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(objective);
        if (steps < 0)
            throw new ArgumentException($"steps must be ≥ 0, got {steps}.", nameof(steps));
        var run = optimizer.Start(objective, theta0);
        var points = new List<Vector<double>> { run.Theta };
        var values = new List<double> { objective.Value(run.Theta) };
        for (int t = 0; t < steps; t++)
        {
            run.Step();
            var theta = run.Theta;
            if (!theta.All(double.IsFinite))
                return new Trajectory(optimizer.Name, objective.Name, points, values, $"θ became non-finite at step {t + 1}");
            double value = objective.Value(theta);
            if (!double.IsFinite(value))
                return new Trajectory(optimizer.Name, objective.Name, points, values, $"f became non-finite at step {t + 1}");
            points.Add(theta);
            values.Add(value);
        }
        return new Trajectory(optimizer.Name, objective.Name, points, values, null);
    }

    /// <summary>f at the last recorded iterate.</summary>
    public double FinalValue => Values[^1];
}
