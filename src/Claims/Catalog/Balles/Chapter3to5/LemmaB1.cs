using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

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
            "As written: every μ ∈ ℝ (μ = 0 included, sign(0) = 0) and σ > 0. Statistical: away from μ = 0 the probability is a Monte Carlo estimate, and the claim is refuted only where its Hoeffding interval (level 1 − 1e-9) excludes the rigorously enclosed right-hand side; at μ = 0 it is exact.",
            [Probability(allowZeroMean: true)]);
        yield return new Claim(
            "balles/lemma-B.1/nonzero-mean",
            VarianceSources.Of("Lemma B.1", "(B.2)", "B.2.1"),
            Statement,
            "Restricted to μ ≠ 0, the two cases (B.3) and (B.4) the proof treats. Statistical, as the literal reading.",
            [Probability(allowZeroMean: false)]);
    }

    private static Inequality<(double Mu, double Sigma)> Probability(bool allowZeroMean) => new()
    {
        Name = "success-probability",
        Description = "For all " + (allowZeroMean ? "μ" : "μ ≠ 0") + " and σ > 0: the confidence interval for P[sign X = sign μ] contains ½(1 + erf(|μ|/(√2σ))), i.e. |estimate − claimed| ≤ half-width.",
        Tolerance = $"Statistical: Monte Carlo with {GaussianSignCheck.Samples} draws, Hoeffding interval at level 1 − {GaussianSignCheck.Delta:G1} (half-width ≈ 0.037); the right side is enclosed by the erf series, the estimate is an exact count.",
        Generator = GaussianSignCheck.Inputs,
        Edges = () => [(0, 1), (1, 1), (-1, 2), (1e-3, 1), (5, 1)],
        Move = GaussianSignCheck.Perturb,
        Hypotheses = p => !(p.Sigma > 0) ? "σ ≤ 0" : !allowZeroMean && p.Mu == 0 ? "μ = 0" : null,
        Sides = p =>
        {
            var (agree, draws) = GaussianSignCheck.Agreements(p.Mu, p.Sigma);
            double estimate = draws == 0 ? 0 : (double)agree / draws;
            double claimed = 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(System.Math.Abs(p.Mu) / (System.Math.Sqrt(2) * p.Sigma)));
            return new Sides(System.Math.Abs(estimate - claimed), GaussianSignCheck.HalfWidth(draws, 1), 1);
        },
        ExactSides = (p, bits) =>
        {
            var claimed = (Interval.Of(1) + GaussianSignCheck.ErfOfRatio(p.Mu, p.Sigma, bits)) / Interval.Of(2);
            var estimate = RationalInterval.Exact(GaussianSignCheck.Estimate(p.Mu, p.Sigma));
            return new ExactSides((estimate - claimed).Abs(), GaussianSignCheck.HalfWidthUpper(GaussianSignCheck.Agreements(p.Mu, p.Sigma).Draws, 1));
        },
        Show = GaussianSignCheck.Describe,
        Why = p => p.Mu == 0
            ? "At μ = 0, sign(μ) = 0 and P[sign X = 0] = P[X = 0] = 0, while the formula gives ½(1 + erf(0)) = ½: the proof treats only μ < 0 (B.3) and μ > 0 (B.4)."
            : "The confidence interval of the Monte Carlo estimate excludes ½(1 + erf(|μ|/(√2σ))).",
    };
}
