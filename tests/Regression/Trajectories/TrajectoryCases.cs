using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.SignGeometry;
using Verification.Optimizers;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.NaturalGradient;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Sign;
using Verification.Optimizers.Stochastic;

namespace Verification.Tests.Regression.Trajectories;

/// <summary>
/// The one table of pinned runs: each case is a snapshot name, the (optimizer, problem) runs it records and the text
/// form it pins them in. Nothing is random except through fixed seeds, so every run reproduces bit for bit.
/// </summary>
internal static class TrajectoryCases
{
    /// <summary>A snapshot: its name, its runs and their pinned form (the forms differ only in which numbers they keep).</summary>
    internal sealed record Case(string Name, Func<IReadOnlyList<Trajectory>> Runs, Func<IReadOnlyList<Trajectory>, object> Pin);

    /// <summary>Every case, by snapshot name (built on access, so it may sit above the tables it reads).</summary>
    internal static IReadOnlyDictionary<string, Case> All => ((Case[])
    [
        // Every reference optimizer on four deterministic objectives (30 steps, every 5th iterate and the last).
        .. ReferenceObjectives.Keys.Select(name => new Case(name, () => ReferenceRuns(name), Pinned.Strided)),
        // lodo.md §5.2: LODO, Adam and Momentum on the scaled Rosenbrock function from (−0.5, 2), 200 steps.
        new Case("lodo-rosenbrock", () => RosenbrockExperiment.Run(seed: 1), Pinned.EveryTenth),
        // GD, NGD and EFGD (eqs. D.30–D.32) on the seeded Table D.1/D.2 datasets (N = 200, seed 7), 15 steps from θ₀ = 0.
        new Case("fisher-thesis-datasets", FisherRuns, runs => Pinned.PointsAndValues(runs, p => string.Join(", ", p.Select(R)))),
        // Sign GD (eq. 6.1) and the norm-scaled eq. 6.10 on seeded quadratics, 12 steps.
        new Case("sign-gd-seeded-quadratics", () => SignRuns([601, 602], f => new SignGradientDescent(0.125)), SignPin),
        new Case("norm-scaled-sign-gd-seeded-quadratics", () => SignRuns([610, 611], f => new NormScaledSignGradientDescent(InfToOneNorm.Compute(f.A).Value)), SignPin),
        // SGD, Adam, SVAG and M-SVAG (thesis chapters 3–5) on a seeded noisy quadratic and a seeded minibatch logistic regression.
        new Case("stochastic-noisy-quadratic", () => StochasticRuns(NoisyQuadratic, V(3, -1, 2)), Pinned.ValuesAndFinalTheta),
        new Case("stochastic-logistic-regression", () => StochasticRuns(MinibatchLogistic, V(0, 0, 0, 0)), Pinned.ValuesAndFinalTheta),
    ]).ToDictionary(c => c.Name);

    /// <summary>The four deterministic objectives of the reference optimizers, with their starts.</summary>
    internal static IReadOnlyDictionary<string, (IObjective Objective, Vector<double> Start)> ReferenceObjectives { get; } =
        new Dictionary<string, (IObjective, Vector<double>)>
        {
            ["quadratic-convex"] = (
                new Quadratic(Matrix<double>.Build.DenseOfArray(new[,] { { 3.0, 1.0 }, { 1.0, 2.0 } }), V(1.0, 1.0), "quadratic-convex"),
                V(2.0, -1.5)),
            ["quadratic-indefinite"] = (
                new Quadratic(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0, 0.0 }, { 1.0, -1.0, 0.5 }, { 0.0, 0.5, 0.5 } }), V(1.0, -1.0, 0.5), "quadratic-indefinite"),
                V(0.5, 0.5, 0.5)),
            ["rosenbrock"] = (new ScaledRosenbrock(), ScaledRosenbrock.PaperStart),
            ["cubic-perturbed-quadratic"] = (
                new CubicPerturbedQuadratic(Matrix<double>.Build.DiagonalOfDiagonalArray([1.0, -0.5, 2.0]), 0.5, V(1.0, 0.5, -0.5), "cubic-perturbed-quadratic"),
                V(1.0, 1.0, 1.0)),
        };

    /// <summary>Every reference optimizer with the hyperparameters the snapshots pin.</summary>
    internal static IReadOnlyList<IOptimizer> ReferenceOptimizers { get; } =
    [
        new GradientDescent(0.05),
        new Newton(),
        new SaddleFreeNewton(),
        new ElmoOptimizer(new ConstantLipschitz(1)),
        new CauchyMethod(new ConstantLipschitz(1)),
        new Arc(),
        new EigenArc(),
        new Amos(new Sgd(0.05), new SophiaDiagonal(0.05), new AmosSettings(0.1, AlphaL: 0.9)),
        new Amos(new Sgd(0.05), new SophiaDiagonal(0.05), new AmosSettings(0.1, AlphaL: 0.9, Assignment: AmosAssignment.PerTensorMean, Tensors: [[0], [1]])),
    ];

    /// <summary>The three optimizers of the Fisher case: GD, NGD (γ = 0.5) and EFGD.</summary>
    internal static IOptimizer[] FisherOptimizers { get; } =
        [new GradientDescent(0.1), new NaturalGradientDescent(0.5, 1e-8), new EmpiricalFisherGradientDescent(0.1, 1e-8)];

    /// <summary>Steps of the Fisher case.</summary>
    internal const int FisherSteps = 15;

    /// <summary>Steps of the sign-descent cases.</summary>
    internal const int SignSteps = 12;

    /// <summary>The Fisher case's problems: the mean NLL of Table D.2 (linear) and Table D.1 (logistic) data, per specification.</summary>
    internal static IEnumerable<MeanNegativeLogLikelihood> FisherObjectives() =>
    [
        .. Enum.GetValues<Specification>().Select(s => new MeanNegativeLogLikelihood(
            new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), ThesisDatasets.LinearRegression(s, 200, 7)), $"table-d2-{s}")),
        .. Enum.GetValues<Specification>().Select(s => new MeanNegativeLogLikelihood(
            new LikelihoodProblem(new LinearModel(2, 1, bias: false), new BernoulliLogit(), ThesisDatasets.LogisticRegression(s, 200, 7)), $"table-d1-{s}")),
    ];

    /// <summary>A seeded PSD quadratic ½θᵀHθ − bᵀθ of dimension 4 (H = BᵀB + I/4, entries of B, b, θ₀ on a 1/8 grid).</summary>
    internal static (Quadratic F, Vector<double> Theta0) SeededQuadratic(int seed)
    {
        var random = new System.Random(seed);
        double Grid() => random.Next(-16, 17) / 8.0;
        var b = Matrix<double>.Build.Dense(4, 4, (_, _) => Grid());
        var h = b.TransposeThisAndMultiply(b) + 0.25 * Matrix<double>.Build.DenseIdentity(4);
        var f = new Quadratic((h + h.Transpose()) / 2, Vector<double>.Build.Dense(4, _ => Grid()), $"seeded-quadratic({seed})");
        return (f, Vector<double>.Build.Dense(4, _ => Grid()));
    }

    private static IReadOnlyList<Trajectory> ReferenceRuns(string name)
    {
        var (f, start) = ReferenceObjectives[name];
        return [.. ReferenceOptimizers.Where(o => Applies(o, f)).Select(o => Trajectory.Record(o, f, start, 30))];
    }

    /// <summary>Per-tensor AMOS is pinned with the two-coordinate partition, so only on the two-dimensional objectives.</summary>
    internal static bool Applies(IOptimizer optimizer, IObjective objective) =>
        optimizer is not Amos { Settings.Tensors: { } tensors } || tensors.Sum(t => t.Length) == objective.Dimension;

    private static IReadOnlyList<Trajectory> FisherRuns() =>
        [.. FisherObjectives().SelectMany(o => FisherOptimizers.Select(opt => Trajectory.Record(opt, o, Vector<double>.Build.Dense(o.Dimension), FisherSteps)))];

    private static IReadOnlyList<Trajectory> SignRuns(int[] seeds, Func<Quadratic, IOptimizer> optimizer) =>
        [.. seeds.Select(seed =>
        {
            var (f, theta0) = SeededQuadratic(seed);
            return Trajectory.Record(optimizer(f), f, theta0, SignSteps);
        })];

    private static object SignPin(IReadOnlyList<Trajectory> runs) =>
        Pinned.PointsAndValues(runs, p => "[" + string.Join(", ", p.Select(R)) + "]");

    private static IObjective NoisyQuadratic() =>
        new NoisyGradientObjective(Quadratic.Diagonal(V(1, 10, 0.1), V(1, -2, 0.5)), V(0.5, 2, 0.1), seed: 20261123);

    private static IObjective MinibatchLogistic() =>
        new MinibatchObjective(LogisticRegression.Synthetic(200, 4, 0.01, 0.1, seed: 5), seed: 20261123);

    private static IReadOnlyList<Trajectory> StochasticRuns(Func<IObjective> objective, Vector<double> theta0)
    {
        IOptimizer[] optimizers =
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
        var f = objective();
        return [.. optimizers.Select(o => Trajectory.Record(o, f, theta0, 25))];
    }

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    internal static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The pinned text forms of a run: every double in round-trip form ("R").</summary>
internal static class Pinned
{
    private static string R(double x) => TrajectoryCases.R(x);

    /// <summary>Every 5th iterate and the last, each with f, plus the iterate count and the final f.</summary>
    internal static object Strided(IReadOnlyList<Trajectory> runs) => runs.Select(t =>
    {
        var indices = Enumerable.Range(0, t.Points.Count).Where(i => i % 5 == 0 || i == t.Points.Count - 1);
        return new StridedRun(t.Optimizer, t.Objective, t.StoppedBecause, t.Points.Count,
            [.. indices.Select(i => new StridedPoint(i, [.. t.Points[i].Select(R)], R(t.Values[i])))], R(t.FinalValue));
    }).ToList();

    /// <summary>Every 10th iterate and the last as "t: (x, y) f=…" (two-dimensional runs), plus the final f.</summary>
    internal static object EveryTenth(IReadOnlyList<Trajectory> runs) => runs.Select(t => new EveryTenthRun(
        t.Optimizer,
        t.StoppedBecause,
        [.. t.Points.Select((p, i) => (p, i)).Where(x => x.i % 10 == 0 || x.i == t.Points.Count - 1)
            .Select(x => $"{x.i}: ({R(x.p[0])}, {R(x.p[1])}) f={R(t.Values[x.i])}")],
        R(t.FinalValue))).ToList();

    /// <summary>Every iterate (in the given text form) and every f.</summary>
    internal static object PointsAndValues(IReadOnlyList<Trajectory> runs, Func<Vector<double>, string> point) =>
        runs.Select(t => new PointsAndValuesRun(t.Optimizer, t.Objective, [.. t.Points.Select(point)], [.. t.Values.Select(R)], t.StoppedBecause)).ToList();

    /// <summary>Every f and the final iterate.</summary>
    internal static object ValuesAndFinalTheta(IReadOnlyList<Trajectory> runs) =>
        runs.Select(t => new ValuesAndFinalThetaRun(t.Optimizer, t.Objective, [.. t.Values.Select(R)], [.. t.Points[^1].Select(R)], t.StoppedBecause)).ToList();

    /// <summary>A strided run.</summary>
    public sealed record StridedRun(string Optimizer, string Objective, string? StoppedBecause, int Iterates, IReadOnlyList<StridedPoint> Points, string FinalValue);

    /// <summary>θ_t and f(θ_t).</summary>
    public sealed record StridedPoint(int T, IReadOnlyList<string> Theta, string Value);

    /// <summary>A run pinned every 10th step.</summary>
    public sealed record EveryTenthRun(string Optimizer, string? StoppedBecause, IReadOnlyList<string> Points, string FinalValue);

    /// <summary>A run with every iterate and value.</summary>
    public sealed record PointsAndValuesRun(string Optimizer, string Objective, IReadOnlyList<string> Points, IReadOnlyList<string> Values, string? StoppedBecause);

    /// <summary>A run with every value and the final iterate.</summary>
    public sealed record ValuesAndFinalThetaRun(string Optimizer, string Objective, IReadOnlyList<string> Values, IReadOnlyList<string> FinalTheta, string? StoppedBecause);
}
