using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Snapshooter.Xunit;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Optimizers;
using Verification.Optimizers.NaturalGradient;
using Xunit;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.Objectives;

namespace Verification.Tests.Regression.Balles.Fisher;

/// <summary>
/// GD, NGD and EFGD (eqs. D.30–D.32) on the seeded Table D.1/D.2 datasets (N = 200, seed 7), 15 steps from θ₀ = 0: the
/// iterates and values in round-trip text, pinned in __snapshots__ (delete the .snap file and rerun to regenerate).
/// A change in the Fisher, the EF, the data generator or the update rule shows up here.
/// </summary>
public class FisherTrajectorySnapshotTests
{
    private const int Steps = 15;

    private static IOptimizer[] Optimizers { get; } =
        [new GradientDescent(0.1), new NaturalGradientDescent(0.5, 1e-8), new EmpiricalFisherGradientDescent(0.1, 1e-8)];

    private static IEnumerable<MeanNegativeLogLikelihood> Objectives() =>
    [
        .. Enum.GetValues<Specification>().Select(s => new MeanNegativeLogLikelihood(
            new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), ThesisDatasets.LinearRegression(s, 200, 7)), $"table-d2-{s}")),
        .. Enum.GetValues<Specification>().Select(s => new MeanNegativeLogLikelihood(
            new LikelihoodProblem(new LinearModel(2, 1, bias: false), new BernoulliLogit(), ThesisDatasets.LogisticRegression(s, 200, 7)), $"table-d1-{s}")),
    ];

    [Fact]
    public void NgdEfgdGd_OnThesisDatasets_MatchSnapshot()
    {
        var runs = Objectives().SelectMany(o => Optimizers.Select(opt =>
        {
            var t = Trajectory.Record(opt, o, Vector<double>.Build.Dense(o.Dimension), Steps);
            return new Run(t.Optimizer, t.Objective,
                t.Points.Select(p => string.Join(", ", p.Select(R))).ToList(),
                t.Values.Select(R).ToList(), t.StoppedBecause);
        })).ToList();
        Snapshot.Match(runs);
    }

    [Fact]
    public void Ngd_OnLeastSquares_DecreasesTheLossFasterThanGd()
    {
        // A convergence check, loose on purpose: NGD is Newton here (F = ∇²R), so at γ = 0.5 it halves the gap each step.
        var o = Objectives().First();
        var ngd = Trajectory.Record(Optimizers[1], o, Vector<double>.Build.Dense(2), Steps);
        var gd = Trajectory.Record(Optimizers[0], o, Vector<double>.Build.Dense(2), Steps);
        Assert.True(ngd.FinalValue < gd.FinalValue, $"NGD {ngd.FinalValue:R} vs GD {gd.FinalValue:R}");
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One trajectory in round-trip text.</summary>
    public sealed record Run(string Optimizer, string Objective, IReadOnlyList<string> Points, IReadOnlyList<string> Values, string? StoppedBecause);
}
