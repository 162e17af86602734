using System.Globalization;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.Data;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// balles eq. (7.21): F̃(θ*_N)/N → F(θ*_N)/N as N → ∞ for a well-specified model, measured on the seeded datasets of
/// Tables D.1 and D.2 as the relative gap δ(N), with a stated finite-sample trend rule that refutes when it fails.
/// </summary>
internal static class Eq721
{
    /// <summary>Slope of log δ̄ against log N that counts as "decreasing" (the Monte Carlo rate is −1/2).</summary>
    private const double DecreasingSlope = -0.25;

    /// <summary>Mean gap at the largest N below which the EF counts as close to the Fisher, and above which it counts as not.</summary>
    private const double CloseGap = 0.1;

    internal static Claim Claim() => new(
        "balles/eq-7.21",
        FisherSources.Of("eq. (7.21) and §7.4.2 (Fig. 7.2, Tables D.1, D.2)", "(7.21)", "7.4.2"),
        "If the model is realizable and the MLE θ*_N consistent, F̃(θ*_N)/N → F(θ*_N)/N as N → ∞.",
        "Measured, not proven: δ(N) = ‖F̃(θ*_N) − F(θ*_N)‖_F/‖F(θ*_N)‖_F at the exact MLE (Newton to ‖∇R‖ ≤ 1e-12·N), averaged over "
        + $"{FisherSequence.Seeds} independent seeded datasets at each N = 100, 400, 1600, 6400, 25600. A limit is checked by a stated trend rule on "
        + $"this sequence, which can come out either way: for the well-specified models of Tables D.1 and D.2 the least-squares slope of log δ̄ "
        + $"against log N must be ≤ {DecreasingSlope} (the Monte Carlo rate is −1/2) and δ̄(25600) ≤ {CloseGap}; the misspecified datasets are "
        + $"§7.4.2's contrast (\"the EF can be arbitrarily wrong\"), whose rule is the opposite: over the three largest N the slope stays above "
        + $"{DecreasingSlope} and δ̄ − 2·s.e. stays ≥ {CloseGap}. A failed rule refutes (a certified margin in the rule's units); the measured "
        + "sequences are printed with each input. Table D.2's N(0, 2) is read as variance 2.",
        [new WellSpecified(), new Misspecified()]);

    /// <summary>Least-squares slope of log δ̄ against log N over the last <paramref name="count"/> sizes, in arithmetic T.</summary>
    private static T Slope<T>(double[] gaps, int count) where T : IReal<T>
    {
        var sizes = FisherSequence.Sizes[^count..];
        var x = sizes.Select(n => T.Log(T.Of(n))).ToArray();
        var y = gaps[^count..].Select(g => T.Log(T.Of(g))).ToArray();
        var mx = x.Aggregate((a, b) => a + b) / count;
        var my = y.Aggregate((a, b) => a + b) / count;
        T num = T.Of(0), den = T.Of(0);
        for (int k = 0; k < count; k++)
        {
            num += (x[k] - mx) * (y[k] - my);
            den += (x[k] - mx) * (x[k] - mx);
        }
        return num / den;
    }

    private const string Rule = "A trend rule on the measured sequence (thresholds: slope −0.25, halfway between the Monte Carlo rate −1/2 and no decrease; " +
                                "gap 0.1). The measured δ̄ and s.e. are read as exact constants, so the exact check certifies the rule on these measurements.";

    /// <summary>Well-specified: slope ≤ −1/4 and δ̄(25600) ≤ 0.1.</summary>
    private sealed class WellSpecified : Statement<FisherSequence>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public WellSpecified()
        {
            Name = "well-specified-converges";
            Description = $"For the correct models of Tables D.1 and D.2: δ̄(N) decreases (log-log slope ≤ {DecreasingSlope}) to δ̄(25600) ≤ {CloseGap}.";
            Tolerance = Rule;
            Domain = FisherSequence.Domain(Specification.Correct);
            Kind = StatementKind.Trend;
            MarginUnit = "slope units for the slope, absolute for the gap";
        }

        public override Relation<T> Evaluate<T>(FisherSequence input)
        {
            var (mean, _) = input.Gaps();
            return Relation.All([
                Relation.LessOrEqual(Slope<T>(mean, mean.Length), T.Of(DecreasingSlope)).Labelled("log-log slope of δ̄ ≤ −0.25"),
                Relation.LessOrEqual(T.Of(mean[^1]), T.Of(CloseGap)).Labelled("δ̄(25600) ≤ 0.1"),
            ]);
        }

        public override string Explain(FisherSequence input) =>
            $"For {input.Family}/{input.Case} the measured gap does not shrink as the rule requires: δ̄ = [{string.Join(", ", input.Gaps().Mean.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)))}].";
    }

    /// <summary>Misspecified contrast: over the three largest N, slope &gt; −1/4 and δ̄ − 2 s.e. ≥ 0.1.</summary>
    private sealed class Misspecified : Statement<FisherSequence>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Misspecified()
        {
            Name = "misspecified-contrast";
            Description = $"For the misspecified models (A), (B) of Tables D.1 and D.2: over the three largest N, δ̄(N) does not decrease (slope > {DecreasingSlope}) " +
                          $"and δ̄ − 2·s.e. stays ≥ {CloseGap}: the EF is not the Fisher even at the exact minimum with many samples.";
            Tolerance = Rule;
            Domain = FisherSequence.Domain(Specification.MisspecifiedA, Specification.MisspecifiedB);
            Kind = StatementKind.Trend;
            MarginUnit = "slope units for the slope, absolute for the gap";
        }

        public override Relation<T> Evaluate<T>(FisherSequence input)
        {
            var (mean, se) = input.Gaps();
            var parts = new List<Relation<T>> { Relation.Less(T.Of(DecreasingSlope), Slope<T>(mean, 3)).Labelled("log-log slope over the three largest N > −0.25") };
            for (int k = mean.Length - 3; k < mean.Length; k++)
                parts.Add(Relation.LessOrEqual(T.Of(CloseGap), T.Of(mean[k]) - 2 * T.Of(se[k])).Labelled($"δ̄ − 2·s.e. ≥ 0.1 at N = {FisherSequence.Sizes[k]}"));
            return Relation.All(parts);
        }

        public override string Explain(FisherSequence input) =>
            $"For {input.Family}/{input.Case} the gap shrinks toward the Fisher although the model is misspecified: δ̄ = [{string.Join(", ", input.Gaps().Mean.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)))}].";
    }
}
