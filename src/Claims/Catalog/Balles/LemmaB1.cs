using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>Thesis Lemma B.1 (eq. B.2): X ~ N(μ, σ²) ⇒ P[sign X = sign μ] = ½(1 + erf(|μ|/(√2σ))).</summary>
internal static class LemmaB1
{
    private const string Statement = "If X ~ N(μ, σ²) then P[sign(X) = sign(μ)] = ½(1 + erf(|μ|/(√2σ))).";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/lemma-B.1",
            VarianceSources.Of("Lemma B.1", "(B.2)", "B.2.1"),
            Statement,
            "As written: every μ ∈ ℝ (μ = 0 included, sign(0) = 0) and σ > 0. The probability has a closed form, so the statement is checked exactly, not by sampling: P[sign X = sign μ] is computed from the Gaussian distribution function case by case (P[X > 0], P[X < 0], P[X = 0] = 0) and compared with (B.2) in exact arithmetic.",
            [new SuccessProbability(allowZeroMean: true)]);
        yield return new Claim(
            "balles/lemma-B.1/nonzero-mean",
            VarianceSources.Of("Lemma B.1", "(B.2)", "B.2.1"),
            Statement,
            "Restricted to μ ≠ 0, the two cases (B.3) and (B.4) the proof treats. Checked exactly as the literal reading, plus a Monte Carlo cross-check (statistical: the Hoeffding interval of draws at the catalog's per-test error probability must contain (B.2)), which tests the closed form against samples of N(μ, σ²) independently of the distribution-function algebra.",
            [new SuccessProbability(allowZeroMean: false), new MonteCarloCheck()]);
    }

    private static Func<IEnumerable<GaussianSignInput>> Edges => () => [new(0, 1), new(1, 1), new(-1, 2), new(1e-3, 1), new(5, 1)];

    private static string Why(GaussianSignInput p) => p.Mu == 0
        ? "At μ = 0, sign(μ) = 0 and P[sign X = 0] = P[X = 0] = 0, while the formula gives ½(1 + erf(0)) = ½: the proof treats only μ < 0 (B.3) and μ > 0 (B.4)."
        : "P[sign X = sign μ] differs from ½(1 + erf(|μ|/(√2σ))).";

    /// <summary>P[sign X = sign μ] (from the distribution function) = ½(1 + erf(|μ|/(√2σ))).</summary>
    private sealed class SuccessProbability : Statement<GaussianSignInput>
    {
        private readonly bool _allowZeroMean;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public SuccessProbability(bool allowZeroMean)
        {
            _allowZeroMean = allowZeroMean;
            Name = "success-probability";
            Description = "For all " + (allowZeroMean ? "μ" : "μ ≠ 0") + " and σ > 0: P[sign X = sign μ] = ½(1 + erf(|μ|/(√2σ))), the left side from the distribution function: ½erfc(−μ/(√2σ)) for μ > 0, ½erfc(μ/(√2σ)) for μ < 0, 0 for μ = 0.";
            Tolerance = "Double-only allowance 1e-12 (erf and erfc are different routines, each a few ulps from exact); exact erf/erfc enclosures decide every larger difference (an identity of irrational values is confirmed to the width of 2048-bit enclosures).";
            Domain = GaussianSignInput.Domain(Edges);
            Kind = StatementKind.Identity;
            MarginUnit = "absolute (a probability)";
        }

        public override Relation<T> Evaluate<T>(GaussianSignInput input)
        {
            var (mu, sigma) = input.Read<T>();
            Assume.Positive(sigma, "σ ≤ 0");
            if (!_allowZeroMean)
                Assume.NonZero(mu, "μ = 0");
            return Relation.Equal(GaussianSignFormulas.AgreementProbability(mu, sigma), GaussianSignFormulas.LemmaB1(mu, sigma), T.Of(1), 1e-12);
        }

        public override string Explain(GaussianSignInput input) => Why(input);
    }

    /// <summary>The Hoeffding interval of the share of draws with sign X = sign μ contains ½(1 + erf(|μ|/(√2σ))).</summary>
    private sealed class MonteCarloCheck : StatisticalStatement<GaussianSignInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public MonteCarloCheck()
        {
            Name = "monte-carlo";
            Description = $"For all μ ≠ 0 and σ > 0: the Hoeffding interval of the share of {GaussianSignSampler.Samples} draws X = μ + σZ with sign X = sign μ contains ½(1 + erf(|μ|/(√2σ))).";
            Tolerance = $"Statistical: {GaussianSignSampler.Samples} draws per input, Hoeffding's half-width √(ln(2/δ)/(2n)) at the per-test error probability δ the engine allots (the catalog's family-wise rate shared by every statistical test), computed in the statement's arithmetic (outward-rounded log and √ when certifying); the draws are an exact count, the right side an exact erf enclosure.";
            Domain = GaussianSignInput.Domain(Edges);
            MarginUnit = "absolute (a probability)";
        }

        public override Relation<T> Evaluate<T>(GaussianSignInput input)
        {
            var (mu, sigma) = input.Read<T>();
            Assume.Positive(sigma, "σ ≤ 0");
            Assume.NonZero(mu, "μ = 0");
            // The draws are samples of N(μ, σ²) for the input's own μ and σ (data, not a branch); sign(μ) is decided in T.
            long hits = GaussianSignSampler.Agreements(input.Mu, input.Sigma, T.Sign(mu));
            return WithinInterval(hits, GaussianSignSampler.Samples, GaussianSignFormulas.LemmaB1(mu, sigma), T.Of(1), T.Of(1), T.Of(0));
        }

        public override string Explain(GaussianSignInput input) => Why(input);
    }
}
