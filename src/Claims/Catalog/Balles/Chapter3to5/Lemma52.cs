using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Statistics;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>Thesis Lemma 5.2 (eq. 5.9): E‖γ⊙sign(p̂) − sign(p)‖² is minimized by γᵢ = 2ρᵢ − 1, ρᵢ = P[sign p̂ᵢ = sign pᵢ].</summary>
internal static class Lemma52
{
    private const string Statement =
        "Let p̂ ∈ ℝ^d be random with E[p̂] = p and var[p̂ᵢ] = σᵢ². Then E[‖γ⊙sign(p̂) − sign(p)‖²] is minimized by γᵢ = 2ρᵢ − 1, ρᵢ := P[sign(p̂ᵢ) = sign(pᵢ)].";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/lemma-5.2",
            VarianceSources.Of("Lemma 5.2", "(5.9)", "5.3"),
            Statement,
            "As written, for every p̂ with a finite mean, sign(0) = 0: discrete p̂ with atoms at zero and pᵢ = 0 included, against every competitor γ', exactly.",
            [Minimizer(continuousReading: false)]);
        yield return new Claim(
            "balles/lemma-5.2/no-atom-at-zero",
            VarianceSources.Of("Lemma 5.2", "(5.9)", "5.3"),
            Statement,
            "Restricted to pᵢ ≠ 0 and P[p̂ᵢ = 0] = 0, the cases the proof (B.7) covers: it uses sign(p̂ᵢ)² = 1, which fails on an atom of p̂ᵢ at zero, and E[sign p̂ᵢ] = (2ρᵢ − 1)sign(pᵢ), which fails at pᵢ = 0.",
            [Minimizer(continuousReading: true)]);
    }

    internal static Fraction[] Gamma(DiscreteDistribution p)
    {
        var mean = p.Mean();
        return Enumerable.Range(0, p.Dimension)
            .Select(i => new Fraction(2) * p.ProbabilityOf(x => x[i].Sign() == mean[i].Sign()) - Fraction.One).ToArray();
    }

    internal static Fraction Objective(DiscreteDistribution p, Fraction[] gamma)
    {
        var mean = p.Mean();
        return p.Expectation(x =>
        {
            Fraction s = Fraction.Zero;
            for (int i = 0; i < x.Length; i++)
            {
                var r = gamma[i] * new Fraction(x[i].Sign()) - new Fraction(mean[i].Sign());
                s += r * r;
            }
            return s;
        });
    }

    private static double D(Fraction f) => ExactDouble.ToDouble(f);

    private static Inequality<EstimateInput> Minimizer(bool continuousReading) => new()
    {
        Name = "minimizer",
        Description = continuousReading
            ? "For all discrete p̂ with pᵢ ≠ 0 and no atom of p̂ᵢ at 0, and all γ': E‖γ*⊙sign p̂ − sign p‖² ≤ E‖γ'⊙sign p̂ − sign p‖²."
            : "For all discrete p̂ and all γ': E‖γ*⊙sign p̂ − sign p‖² ≤ E‖γ'⊙sign p̂ − sign p‖², γ*ᵢ = 2ρᵢ − 1.",
        Tolerance = "Double sides are rounded exact rationals; exact rationals decide.",
        Generator = EstimateInput.Generator,
        Edges = () =>
        [
            new(DiscreteDistribution.FromDoubles([[0.0], [2.0]], [1, 1]), [1.0]),
            new(DiscreteDistribution.FromDoubles([[-1.0], [1.0]], [1, 1]), [0.5]),
            new(DiscreteDistribution.FromDoubles([[3.0], [-1.0]], [1, 2]), [0.5]),
        ],
        Move = (e, r) => e.Perturb(r),
        Hypotheses = e =>
        {
            if (!continuousReading) return null;
            var mean = e.Estimate.Mean();
            for (int i = 0; i < e.Dimension; i++)
            {
                if (mean[i].IsZero) return "pᵢ = 0";
                if (e.Estimate.ProbabilityOf(x => x[i].IsZero) > Fraction.Zero) return "P[p̂ᵢ = 0] > 0";
            }
            return null;
        },
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
        Why = e =>
        {
            var mean = e.Estimate.Mean();
            bool zeroMean = mean.Any(m => m.IsZero);
            return zeroMean
                ? "Where pᵢ = 0, sign(pᵢ) = 0 and the objective is γᵢ²P[p̂ᵢ ≠ 0], minimized by γᵢ = 0, not 2ρᵢ − 1 = 2P[p̂ᵢ = 0] − 1: the proof's E[sign p̂ᵢ] = (2ρᵢ − 1)sign(pᵢ) fails."
                : "An atom of p̂ᵢ at 0 makes sign(p̂ᵢ)² = 1 false (step B.7): the optimum is (ρᵢ − ρᵢ⁻)/P[p̂ᵢ ≠ 0], not 2ρᵢ − 1.";
        },
    };
}
