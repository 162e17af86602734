using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>Thesis eq. (5.10): for Gaussian gᵢ, γᵢ^opt = 2ρᵢ − 1 = erf(|∇fᵢ|/(√2σᵢ)) = erf(1/(√2ηᵢ)).</summary>
internal static class Eq510
{
    private const string Statement = "For g ~ N(∇f, Σ): γ^opt_{t,i} = 2ρ_{t,i} − 1 = erf(|∇f_{t,i}|/(√2σ_{t,i})) = erf(1/(√2η_{t,i})).";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/eq-5.10",
            VarianceSources.Of("eq. (5.10)", null, "5.3.1"),
            Statement,
            "As written: every ∇fᵢ (0 included, sign(0) = 0) and σᵢ > 0. The first equality is checked exactly, not by sampling: ρᵢ = P[sign gᵢ = sign ∇fᵢ] has a closed form, computed from the Gaussian distribution function; the second is checked where ηᵢ = σᵢ/|∇fᵢ| is defined.",
            [new OptimalFactor(allowZeroGradient: true), new InTermsOfEta()]);
        yield return new Claim(
            "balles/eq-5.10/nonzero-gradient",
            VarianceSources.Of("eq. (5.10)", null, "5.3.1"),
            Statement,
            "Restricted to ∇fᵢ ≠ 0, where ηᵢ is defined and Lemma B.1's proof applies; checked exactly as the literal reading, plus a Monte Carlo cross-check of the first equality (statistical: the Hoeffding interval of 2ρ̂ᵢ − 1 over draws at the catalog's per-test error probability must contain the erf value).",
            [new OptimalFactor(allowZeroGradient: false), new OptimalFactorMonteCarlo(), new InTermsOfEta()]);
    }

    private static Func<IEnumerable<GaussianSignInput>> Edges => () => [new(0, 1), new(1, 1), new(-0.5, 2)];

    private static string Why(GaussianSignInput p) => p.Mu == 0
        ? "At ∇fᵢ = 0, ρᵢ = P[sign gᵢ = 0] = 0, so 2ρᵢ − 1 = −1, while erf(0) = 0 (and ηᵢ = σᵢ/0 is undefined)."
        : "2ρᵢ − 1 differs from erf(|∇fᵢ|/(√2σᵢ)).";

    /// <summary>2ρᵢ − 1 (ρ from the distribution function) = erf(|∇fᵢ|/(√2σᵢ)).</summary>
    private sealed class OptimalFactor : Statement<GaussianSignInput>
    {
        private readonly bool _allowZeroGradient;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public OptimalFactor(bool allowZeroGradient)
        {
            _allowZeroGradient = allowZeroGradient;
            Name = "optimal-factor";
            Description = "For all " + (allowZeroGradient ? "∇fᵢ" : "∇fᵢ ≠ 0") + ", σᵢ > 0: 2ρᵢ − 1 = erf(|∇fᵢ|/(√2σᵢ)), ρᵢ = P[sign gᵢ = sign ∇fᵢ] from the Gaussian distribution function (0 at ∇fᵢ = 0).";
            Tolerance = "Double-only allowance 1e-12 (erf and erfc are different routines, each a few ulps from exact); exact erf/erfc enclosures decide every larger difference.";
            Domain = GaussianSignInput.Domain(Edges);
            Kind = StatementKind.Identity;
            MarginUnit = "absolute (a factor in [−1, 1])";
        }

        public override Relation<T> Evaluate<T>(GaussianSignInput input)
        {
            var (g, sigma) = input.Read<T>();
            Assume.Positive(sigma, "σᵢ ≤ 0");
            if (!_allowZeroGradient)
                Assume.NonZero(g, "∇fᵢ = 0");
            return Relation.Equal(2 * GaussianSignFormulas.AgreementProbability(g, sigma) - 1, GaussianSignFormulas.OptimalSignFactor(g, sigma), T.Of(1), 1e-12);
        }

        public override string Explain(GaussianSignInput input) => Why(input);
    }

    /// <summary>The Hoeffding interval of 2ρ̂ᵢ − 1 from draws contains erf(|∇fᵢ|/(√2σᵢ)).</summary>
    private sealed class OptimalFactorMonteCarlo : StatisticalStatement<GaussianSignInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public OptimalFactorMonteCarlo()
        {
            Name = "optimal-factor-monte-carlo";
            Description = $"For all ∇fᵢ ≠ 0, σᵢ > 0: the Hoeffding interval of 2ρ̂ᵢ − 1 over {GaussianSignSampler.Samples} draws gᵢ = ∇fᵢ + σᵢZ (each draw ±1) contains erf(|∇fᵢ|/(√2σᵢ)).";
            Tolerance = $"Statistical: {GaussianSignSampler.Samples} draws per input, values in [−1, 1] (range 2), Hoeffding's half-width 2√(ln(2/δ)/(2n)) at the per-test error probability δ the engine allots, computed in the statement's arithmetic; erf enclosed exactly.";
            Domain = GaussianSignInput.Domain(Edges);
            MarginUnit = "in units of the range 2 of a draw";
        }

        public override Relation<T> Evaluate<T>(GaussianSignInput input)
        {
            var (g, sigma) = input.Read<T>();
            Assume.Positive(sigma, "σᵢ ≤ 0");
            Assume.NonZero(g, "∇fᵢ = 0");
            // Draws of N(∇fᵢ, σᵢ²) for the input's own parameters (data, not a branch); sign(∇fᵢ) is decided in T.
            long hits = GaussianSignSampler.Agreements(input.Mu, input.Sigma, T.Sign(g));
            return WithinInterval(hits, GaussianSignSampler.Samples, GaussianSignFormulas.OptimalSignFactor(g, sigma), T.Of(2), T.Of(1), T.Of(-1));
        }

        public override string Explain(GaussianSignInput input) => Why(input);
    }

    /// <summary>erf(|∇fᵢ|/(√2σᵢ)) = erf(1/(√2ηᵢ)), ηᵢ = σᵢ/|∇fᵢ|.</summary>
    private sealed class InTermsOfEta : Statement<GaussianSignInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public InTermsOfEta()
        {
            Name = "in-terms-of-eta";
            Description = "For all ∇fᵢ ≠ 0, σᵢ > 0, with ηᵢ = σᵢ/|∇fᵢ|: erf(|∇fᵢ|/(√2σᵢ)) = erf(1/(√2ηᵢ)).";
            Tolerance = "Double-only allowance 1e-12 (ηᵢ is rounded once); exact erf enclosures decide.";
            Domain = GaussianSignInput.Domain(Edges);
            Kind = StatementKind.Identity;
            MarginUnit = "absolute (a factor in [0, 1])";
        }

        public override Relation<T> Evaluate<T>(GaussianSignInput input)
        {
            var (g, sigma) = input.Read<T>();
            Assume.Positive(sigma, "σᵢ ≤ 0");
            Assume.NonZero(g, "ηᵢ undefined (∇fᵢ = 0)");
            var eta = sigma / T.Abs(g);
            return Relation.Equal(GaussianSignFormulas.OptimalSignFactor(g, sigma), GaussianSignFormulas.ErfFactor(eta), T.Of(1), 1e-12);
        }

        public override string Explain(GaussianSignInput input) => "The two erf forms differ.";
    }
}
