using MathNet.Numerics.LinearAlgebra;
using Snapshooter;
using Snapshooter.Xunit;
using Verification.Numerics.SignGeometry;
using Verification.Optimizers;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.Sign;
using Xunit;

namespace Verification.Tests.Regression.Trajectories;

/// <summary>
/// Pins every case of <see cref="TrajectoryCases"/> in __snapshots__ (one file per case): a change in an optimizer's
/// arithmetic, its defaults, a sampler, a data generator or the eigensolver shows up as a diff in review. To regenerate
/// after an intended change, delete the .snap file and run the test once. The facts below check the pinned runs against
/// properties that can fail independently of the pinned numbers.
/// </summary>
public class TrajectorySnapshotTests
{
    /// <summary>The case names, one snapshot each.</summary>
    public static TheoryData<string> Cases => new(TrajectoryCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trajectories_MatchSnapshot(string name)
    {
        var c = TrajectoryCases.All[name];
        Snapshot.Match(c.Pin(c.Runs()), SnapshotNameExtension.Create(name));
    }

    [Fact]
    public void ReferenceCases_RunEveryApplicableOptimizer()
    {
        foreach (var (name, (f, _)) in TrajectoryCases.ReferenceObjectives)
            Assert.Equal(TrajectoryCases.ReferenceOptimizers.Count(o => TrajectoryCases.Applies(o, f)), TrajectoryCases.All[name].Runs().Count);
    }

    [Fact]
    public void LodoRosenbrock_RunsTheFull200Steps_AndApproachesTheMinimum()
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

    [Fact]
    public void Ngd_OnLeastSquares_DecreasesTheLossFasterThanGd()
    {
        // A convergence check, loose on purpose: NGD is Newton here (F = ∇²R), so at γ = 0.5 it halves the gap each step.
        var o = TrajectoryCases.FisherObjectives().First();
        var ngd = Trajectory.Record(TrajectoryCases.FisherOptimizers[1], o, Vector<double>.Build.Dense(2), TrajectoryCases.FisherSteps);
        var gd = Trajectory.Record(TrajectoryCases.FisherOptimizers[0], o, Vector<double>.Build.Dense(2), TrajectoryCases.FisherSteps);
        Assert.True(ngd.FinalValue < gd.FinalValue, $"NGD {ngd.FinalValue:R} vs GD {gd.FinalValue:R}");
    }

    [Fact]
    public void NormScaledSignGradientDescent_DecreasesFEveryStep()
    {
        // Lemma 6.2 on the snapshot problems: a check that can fail independently of the pinned numbers.
        var (f, theta0) = TrajectoryCases.SeededQuadratic(610);
        var t = Trajectory.Record(new NormScaledSignGradientDescent(InfToOneNorm.Compute(f.A).Value), f, theta0, TrajectoryCases.SignSteps);
        for (int k = 1; k < t.Values.Count; k++)
            Assert.True(t.Values[k] <= t.Values[k - 1], $"f rose at step {k}: {t.Values[k]:R} > {t.Values[k - 1]:R}");
    }
}
