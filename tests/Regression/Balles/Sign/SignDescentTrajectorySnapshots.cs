using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Snapshooter.Xunit;
using Verification.Numerics.SignGeometry;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Sign;
using Xunit;

namespace Verification.Tests.Regression.Balles.Sign;

/// <summary>
/// Deterministic sign-GD trajectories (eq. 6.1 and the norm-scaled eq. 6.10) on seeded quadratics, pinned as snapshots in
/// __snapshots__ beside this file: a change in the optimizers, the sign(0) convention or ‖H‖∞,1 shows up in review. Regenerate
/// by deleting the .snap files and running the tests (README.md, "Regenerating the generated files").
/// </summary>
public class SignDescentTrajectorySnapshots
{
    private const int Steps = 12;

    /// <summary>A seeded PSD quadratic ½θᵀHθ − bᵀθ of dimension 4 (H = BᵀB + I/4, entries of B, b, θ₀ on a 1/8 grid).</summary>
    private static (Quadratic F, Vector<double> Theta0) Problem(int seed)
    {
        var random = new System.Random(seed);
        double Grid() => random.Next(-16, 17) / 8.0;
        var b = Matrix<double>.Build.Dense(4, 4, (_, _) => Grid());
        var h = b.TransposeThisAndMultiply(b) + 0.25 * Matrix<double>.Build.DenseIdentity(4);
        var f = new Quadratic((h + h.Transpose()) / 2, Vector<double>.Build.Dense(4, _ => Grid()), $"seeded-quadratic({seed})");
        return (f, Vector<double>.Build.Dense(4, _ => Grid()));
    }

    /// <summary>Iterates and values as round-trip text.</summary>
    public sealed record TrajectorySnapshot(string Optimizer, string Objective, IReadOnlyList<string> Points, IReadOnlyList<string> Values, string? StoppedBecause);

    private static TrajectorySnapshot Snap(Trajectory t) => new(
        t.Optimizer,
        t.Objective,
        t.Points.Select(p => "[" + string.Join(", ", p.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]").ToList(),
        t.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToList(),
        t.StoppedBecause);

    [Fact]
    public void SignGradientDescent_OnSeededQuadratics_MatchesSnapshot()
    {
        var runs = new[] { 601, 602 }.Select(seed =>
        {
            var (f, theta0) = Problem(seed);
            return Snap(Trajectory.Record(new SignGradientDescent(0.125), f, theta0, Steps));
        }).ToList();
        Snapshot.Match(runs);
    }

    [Fact]
    public void NormScaledSignGradientDescent_OnSeededQuadratics_MatchesSnapshot()
    {
        var runs = new[] { 610, 611 }.Select(seed =>
        {
            var (f, theta0) = Problem(seed);
            double lInf = InfToOneNorm.Compute(f.A).Value;
            return Snap(Trajectory.Record(new NormScaledSignGradientDescent(lInf), f, theta0, Steps));
        }).ToList();
        Snapshot.Match(runs);
    }

    [Fact]
    public void NormScaledSignGradientDescent_DecreasesFEveryStep()
    {
        // Lemma 6.2 on the snapshot problems: a check that can fail independently of the pinned numbers.
        var (f, theta0) = Problem(610);
        var t = Trajectory.Record(new NormScaledSignGradientDescent(InfToOneNorm.Compute(f.A).Value), f, theta0, Steps);
        for (int k = 1; k < t.Values.Count; k++)
            Assert.True(t.Values[k] <= t.Values[k - 1], $"f rose at step {k}: {t.Values[k]:R} > {t.Values[k - 1]:R}");
    }
}
