using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>Thesis Proposition 4.1 (eqs. 4.11–4.12): γ* = (1 + η²/m)⁻¹ maximizes G(γ, m)/m, with value 1/(m + η²).</summary>
internal static class Prop41
{
    internal static Claim Claim() => new(
        "balles/prop-4.1",
        VarianceSources.Of("Proposition 4.1", "(4.11), (4.12)", "4.2.1"),
        "For a given batch size m, γ* = (1 + η²/m)⁻¹ maximizes G(γ, m)/m and G(γ*, m)/m = 1/(m + η²).",
        "For every m > 0 and η² ≥ 0 (η² = 0 is the noise-free case), γ* is compared with every real competitor γ (G/m is a concave parabola in γ, so [0, 1] and ℝ give the same maximizer); both the maximizer and the value.",
        [new Maximizer(), new Value()]);

    private const string Unit = "relative to the size of the terms 2|γ|/m + γ²/m + η²γ²/m² of both sides";

    /// <summary>G(γ, m)/m ≤ G(γ*, m)/m for every γ.</summary>
    private sealed class Maximizer : Statement<StepBatchInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Maximizer()
        {
            Name = "maximizer";
            Description = "For all m > 0, η² ≥ 0 and γ ∈ ℝ: G(γ, m)/m ≤ G(γ*, m)/m.";
            Tolerance = "None: every double-precision violation is decided in exact rationals.";
            Domain = StepBatchInput.Domain(
                StepBatchInput.Generator(2).SelectMany(s => FsCheck.Fluent.Gen.Elements(s, s with { Competitor = -s.Competitor })),
                () => [new(1, 0, 1, 1), new(1, 1, 0.5, 0.5), new(3, 7, 1, 0.3), new(1e-6, 1e6, 1, 1e-12)]);
            MarginUnit = Unit;
        }

        public override Relation<T> Evaluate<T>(StepBatchInput input)
        {
            var (m, eta2, _, competitor) = input.Read<T>();
            Assume.Positive(m, "m ≤ 0");
            Assume.NonNegative(eta2, "η² < 0");
            return GainPerCost.NoMoreThanOptimum((competitor, m), (BatchSizeFormulas.OptimalStepFactor(m, eta2), m), eta2);
        }

        public override string Explain(StepBatchInput input) => "Another step factor gives a larger G(γ, m)/m than γ*.";
    }

    /// <summary>G(γ*, m)/m = 1/(m + η²).</summary>
    private sealed class Value : Statement<StepBatchInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Value()
        {
            Name = "value";
            Description = "For all m > 0, η² ≥ 0: G(γ*, m)/m = 1/(m + η²).";
            Tolerance = "Double-only allowance 1e-12 of the terms' size (a few roundings); exact rationals decide.";
            Domain = StepBatchInput.Domain(StepBatchInput.Generator(2), () => [new(1, 0, 1, 1), new(1, 1, 0.5, 0.5), new(1e-6, 1e6, 1, 1)]);
            Kind = StatementKind.Identity;
            MarginUnit = Unit;
            // Exact identity on the box, extended to the stated domain m > 0, η² ≥ 0 where the code's branches (the
            // hypotheses, |·| in the scale) and divisors (m, m², 1 + η²/m) are checked to be the box's.
            Proofs = [new ProofDomain<StepBatchInput>
            {
                Box = [new ProofCoordinate("m", 1, 2), new ProofCoordinate("η²", 1, 2)],
                At = v => new StepBatchInput(v[0], v[1], 0.5, 0.5),
                CoversStatedDomain = true,
                Identity = new ExactIdentity { Region = [RegionInterval.Positive, RegionInterval.NonNegative] },
            }];
        }

        public override Relation<T> Evaluate<T>(StepBatchInput input)
        {
            var (m, eta2, _, _) = input.Read<T>();
            Assume.Positive(m, "m ≤ 0");
            Assume.NonNegative(eta2, "η² < 0");
            var best = BatchSizeFormulas.OptimalStepFactor(m, eta2);
            return Relation.Equal(BatchSizeFormulas.GainPerCost(best, m, eta2), 1 / (m + eta2), BatchSizeFormulas.GainPerCostTermScale(best, m, eta2), 1e-12);
        }

        public override string Explain(StepBatchInput input) => "G(γ*, m)/m differs from 1/(m + η²).";
    }
}
