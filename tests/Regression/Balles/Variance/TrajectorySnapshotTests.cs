using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Snapshooter.Xunit;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Regression.Balles.Variance;

/// <summary>
/// Pins deterministic trajectories of SGD, Adam, SVAG and M-SVAG (thesis chapters 3–5) on a seeded noisy quadratic and
/// a seeded minibatch logistic regression, so that a change to an optimizer or a sampler is seen in review. Every
/// double is written in round-trip form; regenerate by deleting the .snap files in __snapshots__ and running the tests.
/// </summary>
public class TrajectorySnapshotTests
{
    private const int Steps = 25;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static IReadOnlyList<IOptimizer> Optimizers() =>
    [
        new Sgd(0.05),
        new Sgd(0.05, batchSize: 4),
        new VarianceAdaptedStepSgd(10, 4),
        new AdaptiveBatchSgd(10, 1, 2, 64),
        new Adam(0.05),
        new Adam(0.05, 0.9, 0.9, 0),
        VarianceAdapted.Svag(0.05, 0.9),
        VarianceAdapted.MSvag(0.05, 0.9),
    ];

    [Fact]
    public void NoisyQuadratic_Trajectories_MatchSnapshot()
    {
        var objective = new NoisyGradientObjective(Quadratic.Diagonal(V(1, 10, 0.1), V(1, -2, 0.5)), V(0.5, 2, 0.1), seed: 20261123);
        Snapshot.Match(Record(objective, V(3, -1, 2)));
    }

    [Fact]
    public void LogisticRegression_Trajectories_MatchSnapshot()
    {
        var objective = new MinibatchObjective(MinibatchLogisticRegression.Synthetic(200, 4, 0.01, 0.1, seed: 5), seed: 20261123);
        Snapshot.Match(Record(objective, V(0, 0, 0, 0)));
    }

    private static IReadOnlyList<TrajectorySnapshot> Record(IObjective objective, Vector<double> theta0) =>
        Optimizers().Select(o => TrajectorySnapshot.Of(Trajectory.Record(o, objective, theta0, Steps))).ToList();

    /// <summary>A trajectory as text: f(θ_t) for every t and the final θ, in round-trip form.</summary>
    public sealed record TrajectorySnapshot(string Optimizer, string Objective, IReadOnlyList<string> Values, IReadOnlyList<string> FinalTheta, string? StoppedBecause)
    {
        internal static TrajectorySnapshot Of(Trajectory t) => new(
            t.Optimizer,
            t.Objective,
            t.Values.Select(R).ToList(),
            t.Points[^1].Select(R).ToList(),
            t.StoppedBecause);

        private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    }
}
