using Fractions;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>Thesis Proposition 4.2 (eqs. 4.13–4.14): m* = 2γη²/(2 − γ) maximizes G(γ, m)/m over m, with value (2 − γ)²/(4η²).</summary>
internal static class Prop42
{
    private const string Statement =
        "For a given step size γ, the batch size that maximizes G(γ, m)/m is m* = 2γη²/(2 − γ), and G(γ, m*)/m* = (2 − γ)²/(4η²).";

    private const string Unit = "relative to the size of the terms 2γ/m + γ²/m + η²γ²/m² of both sides";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/prop-4.2",
            VarianceSources.Of("Proposition 4.2", "(4.13), (4.14)", "4.2.2"),
            Statement,
            "As written: every γ ∈ [0, 1] (eq. 4.5) and η² ≥ 0 (eq. 4.9 allows tr Σ = 0). A maximizing batch size must be a batch size, m* > 0; where η² = 0 or γ = 0 the formula gives m* = 0, at which G/m is undefined (and for η² = 0 < γ, G/m = γ(2 − γ)/m has no maximizer at all).",
            [new PositiveBatch(allowDegenerate: true), new Maximizer(), new Value()]);
        yield return new Claim(
            "balles/prop-4.2/noisy",
            VarianceSources.Of("Proposition 4.2", "(4.13), (4.14)", "4.2.2"),
            Statement,
            "Restricted to η² > 0 and γ ∈ (0, 1]: the cases the proof (A.3–A.5, which divides by η² and γ) covers. Differs from the literal reading only at η² = 0 or γ = 0.",
            [new PositiveBatch(allowDegenerate: false), new Maximizer(), new Value()]);
    }

    /// <summary>The proof's hypotheses: η² &gt; 0 and γ ∈ (0, 1].</summary>
    private static void AssumeProper<T>(T eta2, T gamma) where T : IReal<T>
    {
        Assume.Positive(eta2, "η² = 0 (the proof divides by η²)");
        Assume.That(gamma > 0 && gamma <= 1, "γ ∉ (0, 1] (the proof divides by γ)");
    }

    /// <summary>0 &lt; m*.</summary>
    private sealed class PositiveBatch : Statement<StepBatchInput>
    {
        private readonly bool _allowDegenerate;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public PositiveBatch(bool allowDegenerate)
        {
            _allowDegenerate = allowDegenerate;
            Name = "m-star-is-a-batch-size";
            Description = allowDegenerate
                ? "For all γ ∈ [0, 1], η² ≥ 0: 0 < m* (a maximizing batch size is a batch size)."
                : "For all γ ∈ (0, 1], η² > 0: 0 < m*.";
            Tolerance = "None: a strict inequality decided in exact rationals; m* = 0 exactly violates it (with margin 0, which the strict inequality makes a violation).";
            Domain = StepBatchInput.Domain(StepBatchInput.Generator(1e6), () => [new(1, 0, 0.5, 1), new(1, 1, 0, 1), new(1, 1, 1, 1)]);
            MarginUnit = "in batch-size units (−m*)";
            if (!allowDegenerate)
            {
                // m* = 2γη²/(2 − γ) is of degree 1 in η² (0 fits any degree), so η² ↦ μη² maps every η² > 0 to η² = 1;
                // γ = 0 is the face where the hypothesis γ > 0 fails. m and the competitor are not read by this relation.
                Proofs =
                [
                    new ProofDomain<StepBatchInput>
                    {
                        Box = [new ProofCoordinate("η²", 1, 1), new ProofCoordinate("γ", 0, 1) { TightAt = [0] }, new ProofCoordinate("m (unused)", 2, 2), new ProofCoordinate("competitor (unused)", 3, 3)],
                        At = x => new StepBatchInput(x[2], x[0], x[1], x[3]),
                        Reduction = "η² ↦ μη² with μ > 0 maps every η² > 0 to η² = 1 (m and the competitor do not enter the relation)",
                        Scaling = [[1], [0], [1], [1]],
                        CoversStatedDomain = true,
                    },
                ];
            }
        }

        public override Relation<T> Evaluate<T>(StepBatchInput input)
        {
            var (_, eta2, gamma, _) = input.Read<T>();
            if (_allowDegenerate)
            {
                Assume.NonNegative(eta2, "η² < 0");
                Assume.That(gamma >= 0 && gamma <= 1, "γ ∉ [0, 1] (eq. 4.5)");
            }
            else
                AssumeProper(eta2, gamma);
            return Relation.Less(T.Of(0), BatchSizeFormulas.OptimalBatchSize(gamma, eta2), T.Of(1));
        }

        public override string Explain(StepBatchInput input) => input.Eta2 == 0
            ? "With η² = 0 (noise-free gradients) m* = 0 is not a batch size, and G(γ, m)/m = γ(2 − γ)/m grows without bound as m → 0⁺, so no maximizer exists; (4.14) divides by η² = 0."
            : "With γ = 0, m* = 0 is not a batch size (G ≡ 0, so every m > 0 maximizes).";
    }

    /// <summary>G(γ, m)/m ≤ G(γ, m*)/m* for every batch size m &gt; 0.</summary>
    private sealed class Maximizer : Statement<StepBatchInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Maximizer()
        {
            Name = "maximizer";
            Description = "For all γ ∈ (0, 1], η² > 0 and m > 0: G(γ, m)/m ≤ G(γ, m*)/m*.";
            Tolerance = "None: every double-precision violation is decided in exact rationals.";
            Domain = StepBatchInput.Domain(StepBatchInput.Generator(1e6), () => [new(1, 1, 1, 2), new(1, 4, 0.5, 1), new(1, 1e-6, 1, 1e-6)]);
            MarginUnit = Unit;
        }

        public override Relation<T> Evaluate<T>(StepBatchInput input)
        {
            var (_, eta2, gamma, competitor) = input.Read<T>();
            AssumeProper(eta2, gamma);
            Assume.Positive(competitor, "the competing batch size must be > 0");
            return GainPerCost.NoMoreThanOptimum((gamma, competitor), (gamma, BatchSizeFormulas.OptimalBatchSize(gamma, eta2)), eta2);
        }

        public override string Explain(StepBatchInput input) => "Another batch size gives a larger G(γ, m)/m than m*.";
    }

    /// <summary>G(γ, m*)/m* = (2 − γ)²/(4η²).</summary>
    private sealed class Value : Statement<StepBatchInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Value()
        {
            Name = "value";
            Description = "For all γ ∈ (0, 1], η² > 0: G(γ, m*)/m* = (2 − γ)²/(4η²).";
            Tolerance = "Double-only allowance 1e-12 of the terms' size (a few roundings); exact rationals decide.";
            Domain = StepBatchInput.Domain(StepBatchInput.Generator(2), () => [new(1, 1, 1, 1), new(1, 1e-6, 1e-6, 1)]);
            Kind = StatementKind.Identity;
            MarginUnit = Unit;
            // Exact identity on the box, extended to the stated domain η² > 0, γ ∈ (0, 1] where the code's branches (the
            // hypotheses, |·| in the scale) and divisors (2 − γ, m*, m*², 4η²) are checked to be the box's.
            Proofs = [new ProofDomain<StepBatchInput>
            {
                Box = [new ProofCoordinate("η²", 1, 2), new ProofCoordinate("γ", 0.5, 1)],
                At = v => new StepBatchInput(0.5, v[0], v[1], 0.5),
                CoversStatedDomain = true,
                Identity = new ExactIdentity { Region = [RegionInterval.Positive, RegionInterval.Of(Fraction.Zero, true, Fraction.One, false)] },
            }];
        }

        public override Relation<T> Evaluate<T>(StepBatchInput input)
        {
            var (_, eta2, gamma, _) = input.Read<T>();
            AssumeProper(eta2, gamma);
            var best = BatchSizeFormulas.OptimalBatchSize(gamma, eta2);
            return Relation.Equal(BatchSizeFormulas.GainPerCost(gamma, best, eta2), (2 - gamma) * (2 - gamma) / (4 * eta2),
                BatchSizeFormulas.GainPerCostTermScale(gamma, best, eta2), 1e-12);
        }

        public override string Explain(StepBatchInput input) => "G(γ, m*)/m* differs from (2 − γ)²/(4η²).";
    }
}
