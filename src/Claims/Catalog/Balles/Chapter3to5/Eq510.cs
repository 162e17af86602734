using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

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
            "As written: every ∇fᵢ (0 included, sign(0) = 0) and σᵢ > 0; the first equality is statistical (Monte Carlo, Hoeffding interval at level 1 − 1e-9, refuted only when the interval excludes the enclosed erf value; exact where ∇fᵢ = 0), the second is checked where ηᵢ = σᵢ/|∇fᵢ| is defined.",
            [FirstEquality(allowZeroGradient: true), SecondEquality()]);
        yield return new Claim(
            "balles/eq-5.10/nonzero-gradient",
            VarianceSources.Of("eq. (5.10)", null, "5.3.1"),
            Statement,
            "Restricted to ∇fᵢ ≠ 0, where ηᵢ is defined and Lemma B.1's proof applies.",
            [FirstEquality(allowZeroGradient: false), SecondEquality()]);
    }

    private static Inequality<(double Mu, double Sigma)> FirstEquality(bool allowZeroGradient) => new()
    {
        Name = "optimal-factor",
        Description = "For all " + (allowZeroGradient ? "∇fᵢ" : "∇fᵢ ≠ 0") + ", σᵢ > 0: the confidence interval for 2ρᵢ − 1 contains erf(|∇fᵢ|/(√2σᵢ)).",
        Tolerance = $"Statistical: {GaussianSignCheck.Samples} draws, Hoeffding interval for 2ρ − 1 (values in [−1, 1]) at level 1 − {GaussianSignCheck.Delta:G1}; erf enclosed rigorously.",
        Generator = GaussianSignCheck.Inputs,
        Edges = () => [(0, 1), (1, 1), (-0.5, 2)],
        Move = GaussianSignCheck.Perturb,
        Hypotheses = p => !(p.Sigma > 0) ? "σ ≤ 0" : !allowZeroGradient && p.Mu == 0 ? "∇fᵢ = 0" : null,
        Sides = p =>
        {
            var (agree, draws) = GaussianSignCheck.Agreements(p.Mu, p.Sigma);
            double factor = draws == 0 ? -1 : 2.0 * agree / draws - 1;
            double claimed = MathNet.Numerics.SpecialFunctions.Erf(System.Math.Abs(p.Mu) / (System.Math.Sqrt(2) * p.Sigma));
            return new Sides(System.Math.Abs(factor - claimed), GaussianSignCheck.HalfWidth(draws, 2), 1);
        },
        ExactSides = (p, bits) =>
        {
            var factor = Interval.Of(2) * RationalInterval.Exact(GaussianSignCheck.Estimate(p.Mu, p.Sigma)) - Interval.Of(1);
            var claimed = GaussianSignCheck.ErfOfRatio(p.Mu, p.Sigma, bits);
            return new ExactSides((factor - claimed).Abs(), GaussianSignCheck.HalfWidthUpper(GaussianSignCheck.Agreements(p.Mu, p.Sigma).Draws, 2));
        },
        Show = GaussianSignCheck.Describe,
        Why = p => p.Mu == 0
            ? "At ∇fᵢ = 0, ρᵢ = P[sign gᵢ = 0] = 0, so 2ρᵢ − 1 = −1, while erf(0) = 0 (and ηᵢ = σᵢ/0 is undefined)."
            : "The confidence interval for 2ρᵢ − 1 excludes erf(|∇fᵢ|/(√2σᵢ)).",
    };

    private static Inequality<(double Mu, double Sigma)> SecondEquality() => new()
    {
        Name = "in-terms-of-eta",
        Description = "For all ∇fᵢ ≠ 0, σᵢ > 0, with ηᵢ = σᵢ/|∇fᵢ|: erf(|∇fᵢ|/(√2σᵢ)) = erf(1/(√2ηᵢ)).",
        Tolerance = "Relative 1e-12 in double precision (ηᵢ is rounded once); exact enclosures decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = GaussianSignCheck.Inputs,
        Move = GaussianSignCheck.Perturb,
        Hypotheses = p => !(p.Sigma > 0) || p.Mu == 0 ? "ηᵢ undefined (∇fᵢ = 0) or σ ≤ 0" : null,
        Sides = p =>
        {
            double eta = p.Sigma / System.Math.Abs(p.Mu);
            double a = MathNet.Numerics.SpecialFunctions.Erf(System.Math.Abs(p.Mu) / (System.Math.Sqrt(2) * p.Sigma));
            double b = MathNet.Numerics.SpecialFunctions.Erf(1 / (System.Math.Sqrt(2) * eta));
            return new Sides(a, b, System.Math.Max(a, double.Epsilon));
        },
        ExactSides = (p, bits) =>
        {
            var eta = RationalInterval.Exact(p.Sigma) / RationalInterval.Exact(System.Math.Abs(p.Mu));
            var x = Interval.Of(1) / (Interval.Of(2).Sqrt(bits) * eta);
            return new ExactSides(GaussianSignCheck.ErfOfRatio(p.Mu, p.Sigma, bits), Verification.Math.Statistics.ErfEnclosure.Erf(x, bits));
        },
        Show = p => [NamedValue.Of("grad_i", p.Mu), NamedValue.Of("sigma_i", p.Sigma)],
        Why = _ => "The two erf forms differ.",
    };
}
