using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>Thesis Proposition 4.2 (eqs. 4.13–4.14): m* = 2γη²/(2 − γ) maximizes G(γ, m)/m over m, with value (2 − γ)²/(4η²).</summary>
internal static class Prop42
{
    private const string Statement =
        "For a given step size γ, the batch size that maximizes G(γ, m)/m is m* = 2γη²/(2 − γ), and G(γ, m*)/m* = (2 − γ)²/(4η²).";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/prop-4.2",
            VarianceSources.Of("Proposition 4.2", "(4.13), (4.14)", "4.2.2"),
            Statement,
            "As written: every γ ∈ [0, 1] (eq. 4.5) and η² ≥ 0 (eq. 4.9 allows tr Σ = 0). A maximizing batch size must be a batch size, m* > 0; where η² = 0 or γ = 0 the formula gives m* = 0, at which G/m is undefined (and for η² = 0 < γ, G/m = γ(2 − γ)/m has no maximizer at all).",
            [PositiveBatch(allowDegenerate: true), Maximizer(), Value()]);
        yield return new Claim(
            "balles/prop-4.2/noisy",
            VarianceSources.Of("Proposition 4.2", "(4.13), (4.14)", "4.2.2"),
            Statement,
            "Restricted to η² > 0 and γ ∈ (0, 1]: the cases the proof (A.3–A.5, which divides by η² and γ) covers. Differs from the literal reading only at η² = 0 or γ = 0.",
            [PositiveBatch(allowDegenerate: false), Maximizer(), Value()]);
    }

    private static Fraction MStar(StepBatchInput s) => new Fraction(2) * s.ExactGamma * s.ExactEta2 / (new Fraction(2) - s.ExactGamma);

    private static string? Proper(StepBatchInput s)
    {
        if (!(s.Eta2 > 0 && s.Gamma > 0 && s.Gamma <= 1)) return "η² = 0 or γ ∉ (0, 1]";
        double mStar = 2 * s.Gamma * s.Eta2 / (2 - s.Gamma);
        return mStar > 0 && double.IsFinite(StepBatchInput.GainPerCost(s.Gamma, mStar, s.Eta2)) && double.IsFinite(StepBatchInput.GainPerCost(s.Gamma, s.Competitor, s.Eta2))
            ? null : "G/m leaves the double range at m* or at the competitor";
    }

    private static Inequality<StepBatchInput> PositiveBatch(bool allowDegenerate) => new()
    {
        Name = "m-star-is-a-batch-size",
        Description = allowDegenerate
            ? "For all γ ∈ [0, 1], η² ≥ 0: 0 < m* (a maximizing batch size is a batch size)."
            : "For all γ ∈ (0, 1], η² > 0: 0 < m*.",
        Tolerance = "Strict inequality; exact rationals decide (m* = 0 is a violation with certified margin 0).",
        Relation = Relation.Less,
        Generator = StepBatchInput.Generator(1e6),
        Edges = () => [new(1, 0, 0.5, 1), new(1, 1, 0, 1), new(1, 1, 1, 1)],
        Move = (s, r) => s.Perturb(r),
        Hypotheses = s => allowDegenerate ? (s.Gamma is >= 0 and <= 1 ? null : "γ ∉ [0, 1]") : Proper(s),
        Sides = s => new Sides(0, 2 * s.Gamma * s.Eta2 / (2 - s.Gamma), 1),
        ExactSides = (s, _) => new ExactSides(RationalInterval.Zero, RationalInterval.Exact(MStar(s))),
        Show = s => s.Describe(),
        Why = s => s.Eta2 == 0
            ? "With η² = 0 (noise-free gradients) m* = 0 is not a batch size, and G(γ, m)/m = γ(2 − γ)/m grows without bound as m → 0⁺, so no maximizer exists; (4.14) divides by η² = 0."
            : "With γ = 0, m* = 0 is not a batch size (G ≡ 0, so every m > 0 maximizes).",
    };

    private static Inequality<StepBatchInput> Maximizer() => new()
    {
        Name = "maximizer",
        Description = "For all γ ∈ (0, 1], η² > 0 and m > 0: G(γ, m)/m ≤ G(γ, m*)/m*.",
        Tolerance = "None in double precision; exact rationals decide.",
        Generator = StepBatchInput.Generator(1e6),
        Edges = () => [new(1, 1, 1, 2), new(1, 4, 0.5, 1), new(1, 1e-6, 1, 1e-6)],
        Move = (s, r) => s.Perturb(r),
        Hypotheses = Proper,
        Sides = s =>
        {
            double mStar = 2 * s.Gamma * s.Eta2 / (2 - s.Gamma);
            double best = StepBatchInput.GainPerCost(s.Gamma, mStar, s.Eta2);
            return new Sides(StepBatchInput.GainPerCost(s.Gamma, s.Competitor, s.Eta2), best, System.Math.Max(System.Math.Abs(best), double.Epsilon));
        },
        ExactSides = (s, _) => new ExactSides(
            RationalInterval.Exact(StepBatchInput.GainPerCost(s.ExactGamma, s.ExactCompetitor, s.ExactEta2)),
            RationalInterval.Exact(StepBatchInput.GainPerCost(s.ExactGamma, MStar(s), s.ExactEta2))),
        Show = s => s.Describe(),
        Why = _ => "Another batch size gives a larger G(γ, m)/m than m*.",
    };

    private static Inequality<StepBatchInput> Value() => new()
    {
        Name = "value",
        Description = "For all γ ∈ (0, 1], η² > 0: G(γ, m*)/m* = (2 − γ)²/(4η²).",
        Tolerance = "Relative 1e-12 in double precision; exact rationals decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = StepBatchInput.Generator(2),
        Edges = () => [new(1, 1, 1, 1), new(1, 1e-6, 1e-6, 1)],
        Move = (s, r) => s.Perturb(r),
        Hypotheses = Proper,
        Sides = s =>
        {
            double mStar = 2 * s.Gamma * s.Eta2 / (2 - s.Gamma);
            double rhs = (2 - s.Gamma) * (2 - s.Gamma) / (4 * s.Eta2);
            return new Sides(StepBatchInput.GainPerCost(s.Gamma, mStar, s.Eta2), rhs, rhs);
        },
        ExactSides = (s, _) => new ExactSides(
            RationalInterval.Exact(StepBatchInput.GainPerCost(s.ExactGamma, MStar(s), s.ExactEta2)),
            RationalInterval.Exact((new Fraction(2) - s.ExactGamma) * (new Fraction(2) - s.ExactGamma) / (new Fraction(4) * s.ExactEta2))),
        Show = s => s.Describe(),
        Why = _ => "G(γ, m*)/m* differs from (2 − γ)²/(4η²).",
    };
}
