using System.Globalization;
using Snapshooter.Xunit;
using Verification.Optimizers.Lodo;
using Xunit;

namespace Verification.Tests.Regression.Lodo;

/// <summary>
/// lodo.md §5.2: the 200-step trajectories of LODO, Adam and Momentum on the scaled Rosenbrock function from (−0.5, 2),
/// pinned (every 10th iterate and the last, as round-trip strings). Regenerate: delete the .snap and rerun the test.
/// </summary>
public class RosenbrockTrajectorySnapshots
{
    /// <summary>One optimizer's pinned path.</summary>
    public sealed record PinnedTrajectory(string Optimizer, string? StoppedBecause, IReadOnlyList<string> Points, string FinalValue);

    [Fact]
    public void Trajectories_MatchSnapshot()
    {
        var runs = RosenbrockExperiment.Run(seed: 1);
        var pinned = runs.Select(t => new PinnedTrajectory(
            t.Optimizer,
            t.StoppedBecause,
            t.Points.Select((p, i) => (p, i)).Where(x => x.i % 10 == 0 || x.i == t.Points.Count - 1)
                .Select(x => $"{x.i}: ({R(x.p[0])}, {R(x.p[1])}) f={R(t.Values[x.i])}").ToList(),
            R(t.FinalValue))).ToList();
        Snapshot.Match(pinned);
    }

    [Fact]
    public void Trajectories_RunTheFull200Steps_AndApproachTheMinimum()
    {
        // Not "the loss went down" alone: every run must finish its 200 steps, and each must end below f = 0.1 from f(−0.5, 2) = 3.085.
        foreach (var t in RosenbrockExperiment.Run(seed: 1))
        {
            Assert.Null(t.StoppedBecause);
            Assert.Equal(RosenbrockExperiment.Steps + 1, t.Points.Count);
            Assert.Equal(3.085, t.Values[0], 15);
            Assert.True(t.FinalValue < 0.1, $"{t.Optimizer}: f = {t.FinalValue:R}");
        }
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
