using System.Collections.Concurrent;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Curvature.Data;
using Verification.Math.Curvature.Likelihoods;
using Verification.Math.Curvature.Models;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>Linear regression (Table D.2) or logistic regression (Table D.1).</summary>
internal enum RegressionFamily
{
    Linear,
    Logistic,
}

/// <summary>One dataset family of eq. (7.21): regression family and specification (the seeds are fixed).</summary>
internal sealed record SequenceInput(RegressionFamily Family, Specification Case);

/// <summary>
/// balles eq. (7.21): F̃(θ*_N)/N → F(θ*_N)/N as N → ∞ for a well-specified model, measured on the seeded datasets of
/// Tables D.1 and D.2 as the relative gap δ(N) = ‖F̃(θ*_N) − F(θ*_N)‖_F/‖F(θ*_N)‖_F, averaged over independent datasets
/// (seeds 1…8) at each N = 100·4^k, k = 0…4.
/// </summary>
internal static class Eq721
{
    internal static readonly int[] Sizes = [100, 400, 1600, 6400, 25600];

    internal const int Seeds = 8;

    /// <summary>Slope of log δ̄ against log N that counts as "decreasing" (the Monte Carlo rate is −1/2).</summary>
    internal const double DecreasingSlope = -0.25;

    /// <summary>Mean gap at the largest N below which the EF counts as close to the Fisher, and above which it counts as not.</summary>
    internal const double CloseGap = 0.1;

    private static readonly ConcurrentDictionary<SequenceInput, (double[] Mean, double[] StandardError)> Cache = new();

    /// <summary>δ at one N for one seed: a fresh dataset (seed·1000 + k), its exact MLE, and the gap there.</summary>
    internal static double Gap(SequenceInput s, int count, int seed)
    {
        var data = s.Family == RegressionFamily.Linear
            ? ThesisDatasets.LinearRegression(s.Case, count, seed)
            : ThesisDatasets.LogisticRegression(s.Case, count, seed);
        var model = s.Family == RegressionFamily.Linear ? new LinearModel(1) : new LinearModel(2, 1, bias: false);
        ILikelihood likelihood = s.Family == RegressionFamily.Linear ? new GaussianIdentity() : new BernoulliLogit();
        var fit = GeneralizedLinearFit.MaximumLikelihood(model, likelihood, data);
        return (fit.EmpiricalFisher - fit.Fisher).FrobeniusNorm() / fit.Fisher.FrobeniusNorm();
    }

    /// <summary>Mean and standard error of δ over the seeds at each N in <see cref="Sizes"/>.</summary>
    internal static (double[] Mean, double[] StandardError) Gaps(SequenceInput s) => Cache.GetOrAdd(s, static s =>
    {
        var mean = new double[Sizes.Length];
        var se = new double[Sizes.Length];
        for (int k = 0; k < Sizes.Length; k++)
        {
            var d = Enumerable.Range(1, Seeds).Select(seed => Gap(s, Sizes[k], seed * 1000 + k)).ToArray();
            mean[k] = d.Average();
            se[k] = System.Math.Sqrt(d.Sum(x => (x - mean[k]) * (x - mean[k])) / (Seeds - 1) / Seeds);
        }
        return (mean, se);
    });

    /// <summary>Least-squares slope of log δ̄ against log N over the last gaps.Length sizes.</summary>
    internal static double Slope(double[] gaps)
    {
        var x = Sizes.Skip(Sizes.Length - gaps.Length).Select(n => System.Math.Log(n)).ToArray();
        var y = gaps.Select(g => System.Math.Log(g)).ToArray();
        double mx = x.Average(), my = y.Average();
        return x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));
    }

    private static string Show(double[] xs) => "[" + string.Join(", ", xs.Select(v => v.ToString("G3", CultureInfo.InvariantCulture))) + "]";

    private static string Row(SequenceInput s)
    {
        var (mean, se) = Gaps(s);
        return $"{s.Family}/{s.Case}: δ̄ = {Show(mean)} (s.e. {Show(se)}), slope {Slope(mean).ToString("F2", CultureInfo.InvariantCulture)} (last three N: {Slope(mean[^3..]).ToString("F2", CultureInfo.InvariantCulture)})";
    }

    internal static Claim Claim()
    {
        var rows = new[] { RegressionFamily.Linear, RegressionFamily.Logistic }
            .SelectMany(f => Enum.GetValues<Specification>().Select(c => new SequenceInput(f, c)))
            .Select(Row);
        return new Claim(
            "balles/eq-7.21",
            FisherSources.Of("eq. (7.21) and §7.4.2 (Fig. 7.2, Tables D.1, D.2)", "(7.21)", "7.4.2"),
            "If the model is realizable and the MLE θ*_N consistent, F̃(θ*_N)/N → F(θ*_N)/N as N → ∞.",
            "Measured, not proven: δ(N) = ‖F̃(θ*_N) − F(θ*_N)‖_F/‖F(θ*_N)‖_F at the exact MLE (Newton to ‖∇R‖ ≤ 1e-12·N), averaged over "
            + $"{Seeds} independent seeded datasets at each N = 100, 400, 1600, 6400, 25600. Well-specified (the correct models of Tables D.1 and D.2): holds when the "
            + $"log-log slope of δ̄ ≤ {DecreasingSlope} (Monte Carlo rate −1/2) and δ̄(25600) ≤ {CloseGap}; another trend is inconclusive, since finite samples cannot refute a limit. "
            + "The misspecified datasets are the contrast of §7.4.2, checked as their own formalization (over the three largest N, δ̄ − 2 s.e. stays ≥ 0.1 with no downward trend). "
            + "Table D.2's N(0, 2) is read as variance 2. Sequences: " + string.Join("; ", rows) + ".",
            [new Trend(true), new Trend(false)]);
    }

    private sealed class Trend : Formalization<SequenceInput>
    {
        private readonly bool _wellSpecified;

        private readonly SequenceInput[] _inputs;

        public Trend(bool wellSpecified)
        {
            _wellSpecified = wellSpecified;
            Name = wellSpecified ? "well-specified-converges" : "misspecified-contrast";
            Description = wellSpecified
                ? $"For the correct models of Tables D.1 and D.2: δ̄(N) decreases (log-log slope ≤ {DecreasingSlope}) to δ̄(25600) ≤ {CloseGap}."
                : $"For the misspecified models (A), (B) of Tables D.1 and D.2: over the three largest N, δ̄(N) does not decrease (slope > {DecreasingSlope}) and δ̄ − 2·s.e. stays ≥ {CloseGap}: the EF is not the Fisher even at the exact minimum with many samples.";
            Tolerance = $"Trend thresholds: slope {DecreasingSlope}, halfway between the Monte Carlo rate −1/2 and no decrease; gap {CloseGap}. Outside them the trend is undecided (inconclusive), never refuted.";
            var cases = wellSpecified ? new[] { Specification.Correct } : [Specification.MisspecifiedA, Specification.MisspecifiedB];
            _inputs = [.. new[] { RegressionFamily.Linear, RegressionFamily.Logistic }.SelectMany(f => cases.Select(c => new SequenceInput(f, c)))];
            Generator = Gen.Elements(_inputs);
        }

        public override string Name { get; init; }

        public override string Description { get; init; }

        public override string Tolerance { get; init; }

        public override Gen<SequenceInput> Generator { get; init; }

        public override IEnumerable<SequenceInput> EdgeCases => _inputs;

        public override Outcome Evaluate(SequenceInput input)
        {
            var (mean, se) = Gaps(input);
            bool ok = _wellSpecified
                ? Slope(mean) <= DecreasingSlope && mean[^1] <= CloseGap
                : Slope(mean[^3..]) > DecreasingSlope && mean.Zip(se, (m, e) => m - 2 * e).Skip(Sizes.Length - 3).Min() >= CloseGap;
            return ok
                ? new Outcome(OutcomeKind.Satisfied, -1, mean[^1], CloseGap, Row(input))
                : Outcome.Undecided(Row(input));
        }

        public override Certificate Certify(SequenceInput input) => Certificate.Unknown("none", "a statistical trend is not refuted from finite samples");

        public override IReadOnlyList<NamedValue> Describe(SequenceInput input) =>
            [NamedValue.Text("dataset", $"{input.Family}/{input.Case}"), NamedValue.Of("mean delta(N)", Gaps(input).Mean)];
    }
}
