using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>Thesis Proposition 4.1 (eqs. 4.11–4.12): γ* = (1 + η²/m)⁻¹ maximizes G(γ, m)/m, with value 1/(m + η²).</summary>
internal static class Prop41
{
    internal static Claim Claim() => new(
        "balles/prop-4.1",
        VarianceSources.Of("Proposition 4.1", "(4.11), (4.12)", "4.2.1"),
        "For a given batch size m, γ* = (1 + η²/m)⁻¹ maximizes G(γ, m)/m and G(γ*, m)/m = 1/(m + η²).",
        "For every m > 0 and η² ≥ 0 (η² = 0 is the noise-free case), γ* is compared with every real competitor γ (G/m is a concave parabola in γ, so [0, 1] and ℝ give the same maximizer); both the maximizer and the value, exactly in rationals.",
        [Maximizer(), Value()]);

    private static Fraction GammaStar(StepBatchInput s) => Fraction.One / (Fraction.One + s.ExactEta2 / s.ExactM);

    private static Inequality<StepBatchInput> Maximizer() => new()
    {
        Name = "maximizer",
        Description = "For all m > 0, η² ≥ 0 and γ ∈ ℝ: G(γ, m)/m ≤ G(γ*, m)/m.",
        Tolerance = "None in double precision; exact rationals decide.",
        Generator = StepBatchInput.Generator(2).SelectMany(s => FsCheck.Fluent.Gen.Elements(s, s with { Competitor = -s.Competitor })),
        Edges = () => [new(1, 0, 1, 1), new(1, 1, 0.5, 0.5), new(3, 7, 1, 0.3), new(1e-6, 1e6, 1, 1e-12)],
        Move = (s, r) => s.Perturb(r),
        Sides = s =>
        {
            double gammaStar = 1 / (1 + s.Eta2 / s.M);
            double best = StepBatchInput.GainPerCost(gammaStar, s.M, s.Eta2);
            return new Sides(StepBatchInput.GainPerCost(s.Competitor, s.M, s.Eta2), best, System.Math.Max(System.Math.Abs(best), double.Epsilon));
        },
        ExactSides = (s, _) => new ExactSides(
            RationalInterval.Exact(StepBatchInput.GainPerCost(s.ExactCompetitor, s.ExactM, s.ExactEta2)),
            RationalInterval.Exact(StepBatchInput.GainPerCost(GammaStar(s), s.ExactM, s.ExactEta2))),
        Show = s => s.Describe(),
        Why = _ => "Another step factor gives a larger G(γ, m)/m than γ*.",
    };

    private static Inequality<StepBatchInput> Value() => new()
    {
        Name = "value",
        Description = "For all m > 0, η² ≥ 0: G(γ*, m)/m = 1/(m + η²).",
        Tolerance = "Relative 1e-12 in double precision (a few roundings); exact rationals decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = StepBatchInput.Generator(2),
        Edges = () => [new(1, 0, 1, 1), new(1, 1, 0.5, 0.5), new(1e-6, 1e6, 1, 1)],
        Move = (s, r) => s.Perturb(r),
        Sides = s =>
        {
            double gammaStar = 1 / (1 + s.Eta2 / s.M);
            double rhs = 1 / (s.M + s.Eta2);
            return new Sides(StepBatchInput.GainPerCost(gammaStar, s.M, s.Eta2), rhs, rhs);
        },
        ExactSides = (s, _) => new ExactSides(
            RationalInterval.Exact(StepBatchInput.GainPerCost(GammaStar(s), s.ExactM, s.ExactEta2)),
            RationalInterval.Exact(Fraction.One / (s.ExactM + s.ExactEta2))),
        Show = s => s.Describe(),
        Why = _ => "G(γ*, m)/m differs from 1/(m + η²).",
    };
}
