using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Statistics;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>Thesis Lemma 5.1 (eq. 5.8): E‖γ⊙p̂ − p‖² is minimized by γᵢ = E[p̂ᵢ]²/E[p̂ᵢ²] = pᵢ²/(pᵢ² + σᵢ²).</summary>
internal static class Lemma51
{
    internal static Claim Claim() => new(
        "balles/lemma-5.1",
        VarianceSources.Of("Lemma 5.1", "(5.8)", "5.3"),
        "Let p̂ ∈ ℝ^d be random with E[p̂] = p and var[p̂ᵢ] = σᵢ². Then E[‖γ⊙p̂ − p‖²] is minimized by γᵢ = E[p̂ᵢ]²/E[p̂ᵢ²] = pᵢ²/(pᵢ² + σᵢ²) = 1/(1 + σᵢ²/pᵢ²).",
        "Every discrete p̂ (atoms at zero, pᵢ = 0 allowed) against every competitor γ', exactly. The statement's \"var[pᵢ]\" is read as var[p̂ᵢ] (p is deterministic). Where E[p̂ᵢ²] = 0 (p̂ᵢ ≡ 0) the formula is 0/0 while every γᵢ minimizes: such inputs are rejected. The last form 1/(1 + σᵢ²/pᵢ²) needs pᵢ ≠ 0 and is checked only there.",
        [Minimizer(), ClosedForms()]);

    internal static Fraction[] Gamma(DiscreteDistribution p)
    {
        var mean = p.Mean();
        var second = p.SecondMoment();
        return mean.Zip(second, (m, s) => m * m / s).ToArray();
    }

    internal static Fraction Objective(DiscreteDistribution p, Fraction[] gamma)
    {
        var mean = p.Mean();
        return p.Expectation(x =>
        {
            Fraction s = Fraction.Zero;
            for (int i = 0; i < x.Length; i++)
            {
                var r = gamma[i] * x[i] - mean[i];
                s += r * r;
            }
            return s;
        });
    }

    private static string? Defined(EstimateInput e) =>
        e.Estimate.SecondMoment().Any(s => s.IsZero) ? "E[p̂ᵢ²] = 0 for some i: the formula is 0/0 (every γᵢ minimizes)" : null;

    private static double D(Fraction f) => ExactDouble.ToDouble(f);

    private static Inequality<EstimateInput> Minimizer() => new()
    {
        Name = "minimizer",
        Description = "For all discrete p̂ with E[p̂ᵢ²] > 0 and all γ' ∈ ℝ^d: E‖γ*⊙p̂ − p‖² ≤ E‖γ'⊙p̂ − p‖².",
        Tolerance = "Double sides are rounded exact rationals; exact rationals decide.",
        Generator = EstimateInput.Generator,
        Move = (e, r) => e.Perturb(r),
        Hypotheses = Defined,
        Sides = e =>
        {
            double best = D(Objective(e.Estimate, Gamma(e.Estimate)));
            double other = D(Objective(e.Estimate, e.ExactCompetitor));
            // Scale: the size of both objectives (margins in [−1, 1]); 1 where both are 0.
            double scale = System.Math.Abs(best) + System.Math.Abs(other);
            return new Sides(best, other, scale > 0 ? scale : 1);
        },
        ExactSides = (e, _) => new ExactSides(
            RationalInterval.Exact(Objective(e.Estimate, Gamma(e.Estimate))),
            RationalInterval.Exact(Objective(e.Estimate, e.ExactCompetitor))),
        Show = e => e.Describe(),
        Why = _ => "The competitor factors give a smaller expected squared distance than eq. (5.8).",
    };

    private static Inequality<EstimateInput> ClosedForms() => new()
    {
        Name = "closed-forms",
        Description = "For all discrete p̂ and every i with pᵢ ≠ 0: E[p̂ᵢ]²/E[p̂ᵢ²] = pᵢ²/(pᵢ² + σᵢ²) = 1/(1 + σᵢ²/pᵢ²) (summed absolute differences = 0).",
        Tolerance = "Double sides are rounded exact rationals (tolerance 1e-12 relative); exact rationals decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = EstimateInput.Generator,
        Move = (e, r) => e.Perturb(r),
        Hypotheses = e => Defined(e) ?? (e.Estimate.Mean().Any(m => m.IsZero) ? "pᵢ = 0: 1/(1 + σᵢ²/pᵢ²) is undefined" : null),
        Sides = e => new Sides(D(Gap(e.Estimate)), 0, 1),
        ExactSides = (e, _) => new ExactSides(RationalInterval.Exact(Gap(e.Estimate)), RationalInterval.Zero),
        Show = e => e.Describe(),
        Why = _ => "The three forms of eq. (5.8) differ.",
    };

    private static Fraction Gap(DiscreteDistribution p)
    {
        var mean = p.Mean();
        var variance = p.Variance();
        var gamma = Gamma(p);
        Fraction gap = Fraction.Zero;
        for (int i = 0; i < mean.Length; i++)
        {
            var second = mean[i] * mean[i] / (mean[i] * mean[i] + variance[i]);
            var third = Fraction.One / (Fraction.One + variance[i] / (mean[i] * mean[i]));
            gap += Fraction.Abs(gamma[i] - second) + Fraction.Abs(second - third);
        }
        return gap;
    }
}
