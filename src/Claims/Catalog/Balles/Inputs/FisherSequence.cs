using System.Collections.Concurrent;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>Linear regression (Table D.2) or logistic regression (Table D.1).</summary>
internal enum RegressionFamily
{
    Linear,
    Logistic,
}

/// <summary>
/// One dataset family of eq. (7.21) (regression family and specification of Tables D.1, D.2) and its measured gaps
/// δ(N) = ‖F̃(θ*_N) − F(θ*_N)‖_F/‖F(θ*_N)‖_F at the exact MLE, averaged over <see cref="Seeds"/> independent seeded datasets
/// at each N in <see cref="Sizes"/>. The measurement is a deterministic function of the seeds (cached); a statement reads
/// its results as exact constants.
/// </summary>
internal sealed record FisherSequence(RegressionFamily Family, Specification Case)
{
    internal static readonly int[] Sizes = [100, 400, 1600, 6400, 25600];

    internal const int Seeds = 8;

    private static readonly ConcurrentDictionary<FisherSequence, (double[] Mean, double[] StandardError)> Cache = new();

    /// <summary>δ at one N for one seed: a fresh dataset, its exact MLE (Newton to ‖∇R‖ ≤ 1e-12·N), and the gap there.</summary>
    private static double Gap(FisherSequence s, int count, int seed)
    {
        var data = s.Family == RegressionFamily.Linear
            ? ThesisDatasets.LinearRegression(s.Case, count, seed)
            : ThesisDatasets.LogisticRegression(s.Case, count, seed);
        var model = s.Family == RegressionFamily.Linear ? new LinearModel(1) : new LinearModel(2, 1, bias: false);
        ILikelihood likelihood = s.Family == RegressionFamily.Linear ? new GaussianIdentity() : new BernoulliLogit();
        var fit = GeneralizedLinearFit.MaximumLikelihood(model, likelihood, data);
        return (fit.EmpiricalFisher - fit.Fisher).FrobeniusNorm() / fit.Fisher.FrobeniusNorm();
    }

    /// <summary>Mean and standard error of δ over the seeds (seed·1000 + k at the k-th N) at each N in <see cref="Sizes"/>.</summary>
    internal (double[] Mean, double[] StandardError) Gaps() => Cache.GetOrAdd(this, static s =>
    {
        var mean = new double[Sizes.Length];
        var se = new double[Sizes.Length];
        for (int k = 0; k < Sizes.Length; k++)
        {
            var d = Enumerable.Range(1, Seeds).Select(seed => Gap(s, Sizes[k], seed * 1000 + k)).ToArray();
            mean[k] = d.Average();
            se[k] = Math.Sqrt(d.Sum(x => (x - mean[k]) * (x - mean[k])) / (Seeds - 1) / Seeds);
        }
        return (mean, se);
    });

    /// <summary>The dataset families of one specification kind, as an exhaustive domain.</summary>
    internal static Domain<FisherSequence> Domain(params Specification[] cases)
    {
        FisherSequence[] inputs = [.. new[] { RegressionFamily.Linear, RegressionFamily.Logistic }.SelectMany(f => cases.Select(c => new FisherSequence(f, c)))];
        return new Domain<FisherSequence>
        {
            Generator = Gen.Elements(inputs),
            Edges = () => inputs,
            EdgesAreExhaustive = true,
            Describe = s => [NamedValue.Text("dataset", $"{s.Family}/{s.Case}"), NamedValue.Of("mean delta(N)", s.Gaps().Mean), NamedValue.Of("s.e.", s.Gaps().StandardError)],
        };
    }
}
