using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md Theorem 4.2 / App. C, the part that can be decided exhaustively: the first part of the proof (eqs. 80–82) at
/// ñ ∈ {2, 4}, N ≤ 16, in the model the proof reduces the random P_i to (Definition 4.1 with the pairings of conjugated
/// 2×2 blocks, each transposition kept with probability ½). Everything is an exact census
/// (<see cref="TranspositionMixingFormulas"/>): ε, the expected number of unreachable permutations (eq. 81) and the
/// probability that all are reachable (eq. 82).
/// </summary>
internal static class Thm42
{
    internal static Claim Claim() => new(
        "lodo/thm-4.2",
        LodoSources.Of("Theorem 4.2", "(15), (80)–(82)", "4.3, C"),
        "With random P_i and 2×2 blocks, G̃(θ) of depth N and width ñ can represent any linear network F̃ (width ≤ ñ, fan-in/out ≤ k, depth d) with probability at least 1 − ñ!N√(½ε(ñN/(4d(⌈log₂k⌉+1)), ñ)).",
        "Partial, and decided exactly where it is checked: the first part of the proof, at ñ = 2 (N = 1…4) and ñ = 4 (N = 1…16), every case enumerated. (i) Eq. (81): the expected number of permutations that no swap/identity setting of the blocks reaches is at most ñ!√(½ε(Nñ/2, ñ)), with ε of Definition 4.1 computed exactly over the proof's model (each layer a uniform perfect matching of the ñ indices, each pair swapped with probability ½; the P_i make the pairings uniform and independent). (ii) Eq. (82): the probability that swap/identity blocks reach every permutation is at least 1 − ñ!√(½ε); it is a lower bound on the theorem's probability for permutations (general 2×2 blocks include swaps), so where it holds the theorem's first part holds at that size. Eq. (82) is ≤ 0, and so says nothing, for N ≤ 9 at ñ = 4; it is positive from N = 10. Not checked: the second part (eqs. 83–85: composing ñ-permutations with fan-in/fan-out trees into an arbitrary sparse network F̃) and the theorem at larger ñ.",
        [new ExpectedUnreachable(), new AllReachable()]);

    /// <summary>The inputs: ñ = 2, N = 1…4 and ñ = 4, N = 1…16.</summary>
    private static IReadOnlyList<MixingInput> Inputs { get; } =
        [.. Enumerable.Range(1, 4).Select(n => new MixingInput(2, n)), .. Enumerable.Range(1, 16).Select(n => new MixingInput(4, n))];

    private static readonly ConcurrentDictionary<MixingInput, TranspositionCensus> Censuses = new();

    internal static TranspositionCensus Census(MixingInput input) =>
        Censuses.GetOrAdd(input, i => TranspositionMixingFormulas.Census(i.Width, i.Depth));

    private static Domain<MixingInput> Domain { get; } = new()
    {
        Generator = Gen.Elements(Inputs.ToArray()),
        Edges = () => Inputs,
        EdgesAreExhaustive = true,
        Describe = i => i.Describe(),
    };

    /// <summary>Eq. (81): E[#unreachable] ≤ ñ!√(½ε).</summary>
    internal sealed class ExpectedUnreachable : Statement<MixingInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ExpectedUnreachable()
        {
            Name = "eq-81-expected-unreachable";
            Description = "ñ ∈ {2, 4}, 2×2 blocks, N as listed: E[number of permutations no swap/identity setting reaches] ≤ ñ!√(½ε(Nñ/2, ñ)) (Pinsker's inequality and TV ≥ #zero-probability/ñ!).";
            Tolerance = "Exact census: the expectation is an exact rational; ε = log ñ! − E[H] with E[H] = log O − (1/(S·O))Σ_c W(c)·c·log c over integer counts, the logarithms enclosed outward. No allowance.";
            MarginUnit = "permutations";
            Domain = Thm42.Domain;
        }

        public override Relation<T> Evaluate<T>(MixingInput input)
        {
            var census = Census(input);
            return Relation.LessOrEqual(TranspositionMixingFormulas.ExpectedUnreachable<T>(census), TranspositionMixingFormulas.Eq81Bound<T>(census))
                .Labelled("E[#unreachable] ≤ ñ!√(½ε)");
        }

        public override string Explain(MixingInput input) => "More permutations are unreachable on average than eq. (81) allows: the Pinsker step of the proof fails.";
    }

    /// <summary>Eq. (82): P(every permutation reachable) ≥ 1 − ñ!√(½ε); vacuous where the bound is ≤ 0 (decided per input).</summary>
    internal sealed class AllReachable : Statement<MixingInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public AllReachable()
        {
            Name = "eq-82-all-permutations-reachable";
            Description = "ñ ∈ {2, 4}, 2×2 blocks, N as listed: P(swap/identity settings reach all ñ! permutations) ≥ 1 − ñ!√(½ε(Nñ/2, ñ)); where the bound is ≤ 0 the input satisfies it trivially (the reason is computed from ε).";
            Tolerance = "Exact census (the probability is an exact rational), ε as in eq. (81). Where the swap-only probability were below the bound the input would be undecided, not a refutation: general 2×2 blocks may reach more permutations than swaps.";
            MarginUnit = "probability";
            Domain = Thm42.Domain;
        }

        public override Relation<T> Evaluate<T>(MixingInput input)
        {
            var census = Census(input);
            var bound = TranspositionMixingFormulas.Eq82Bound<T>(census);
            if (T.Sign(bound) <= 0)
                return Relation.Trivially<T>($"at ñ = {input.Width}, N = {input.Depth} the bound 1 − ñ!√(½ε) ≈ {T.Estimate(bound):G4} is ≤ 0: eq. (82) asserts nothing");
            var probability = TranspositionMixingFormulas.AllReachableProbability<T>(census);
            if (probability < bound)
                return Relation.Undecided<T>("the swap-only probability is below eq. (82)'s bound; general 2×2 blocks may reach more permutations");
            return Relation.LessOrEqual(bound, probability).Labelled("P(all reachable) ≥ 1 − ñ!√(½ε)");
        }

        public override string Explain(MixingInput input) => "Eq. (82) fails.";
    }
}
