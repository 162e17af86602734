using System.Globalization;
using Snapshooter;
using Snapshooter.Xunit;
using Verification.Optimizers;
using Xunit;

namespace Verification.Tests.Regression.Trajectories;

/// <summary>
/// Pins deterministic trajectories of every reference optimizer (<see cref="TrajectoryCases"/>): a change in an
/// optimizer's arithmetic, its defaults or the eigensolver shows up as a diff in __snapshots__. To regenerate after
/// an intended change, delete the .snap files and run these tests once.
/// </summary>
public class TrajectorySnapshotTests
{
    /// <summary>Names of the objectives, one snapshot each.</summary>
    public static TheoryData<string> Objectives => new(TrajectoryCases.Objectives.Keys);

    [Theory]
    [MemberData(nameof(Objectives))]
    public void Trajectories_MatchSnapshot(string objective)
    {
        var (f, start) = TrajectoryCases.Objectives[objective];
        var runs = TrajectoryCases.Optimizers
            .Where(o => Applies(o, f))
            .Select(o => Pinned.Of(Trajectory.Record(o, f, start, TrajectoryCases.Steps)))
            .ToList();
        Assert.Equal(TrajectoryCases.Optimizers.Count(o => Applies(o, f)), runs.Count);
        Snapshot.Match(runs, SnapshotNameExtension.Create(objective));
    }

    /// <summary>Per-tensor AMOS is pinned with the two-coordinate partition, so only on the two-dimensional objectives.</summary>
    private static bool Applies(IOptimizer optimizer, IObjective objective) =>
        optimizer is not Verification.Optimizers.SecondOrder.Amos { Settings.Tensors: { } tensors } || tensors.Sum(t => t.Length) == objective.Dimension;

    /// <summary>One run as round-trip text: every <see cref="TrajectoryCases.Stride"/>-th iterate and the last, with f.</summary>
    public sealed record Pinned(string Optimizer, string Objective, string? StoppedBecause, int Iterates, IReadOnlyList<PinnedPoint> Points, string FinalValue)
    {
        internal static Pinned Of(Trajectory t)
        {
            var indices = Enumerable.Range(0, t.Points.Count).Where(i => i % TrajectoryCases.Stride == 0 || i == t.Points.Count - 1);
            return new Pinned(t.Optimizer, t.Objective, t.StoppedBecause, t.Points.Count,
                indices.Select(i => new PinnedPoint(i, t.Points[i].Select(R).ToList(), R(t.Values[i]))).ToList(),
                R(t.FinalValue));
        }
    }

    /// <summary>θ_t and f(θ_t).</summary>
    public sealed record PinnedPoint(int T, IReadOnlyList<string> Theta, string Value);

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
