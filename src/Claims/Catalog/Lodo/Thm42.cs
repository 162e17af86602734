using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Lodo;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md Theorem 4.2 / App. C, first part only (eq. 82) and only at ñ = 4: the probability over random P_i that G̃(θ)
/// with 2×2 blocks can represent every permutation, against the bound 1 − ñ!·√(½ε(Nñ/2, ñ)) with ε of Definition 4.1
/// computed exactly by enumeration. Evidence that cannot decide the theorem, so every evaluation is undecided.
/// </summary>
internal static class Thm42
{
    private const int Width = 4, Factorial = 24, Samples = 60;

    private static readonly ConcurrentDictionary<int, (double Epsilon, double Bound, double SwapReachable)> Cache = new();

    /// <summary>The three perfect matchings of {0, 1, 2, 3}.</summary>
    private static readonly int[][][] Matchings = [[[0, 1], [2, 3]], [[0, 2], [1, 3]], [[0, 3], [1, 2]]];

    /// <summary>
    /// Definition 4.1 at ñ = 4 with N blocks: each block of ñ/2 = 2 commuting transpositions is a uniformly random perfect
    /// matching (the proof's Q_i-conjugated pairing), each transposition kept with probability ½; ε = log 4! − E[H(σ | sequence)].
    /// </summary>
    internal static double Epsilon(int depth)
    {
        double expected = 0;
        int sequences = (int)System.Math.Pow(3, depth);
        for (int s = 0; s < sequences; s++)
        {
            var seq = new int[depth];
            for (int i = 0, x = s; i < depth; i++, x /= 3) seq[i] = x % 3;
            var counts = new Dictionary<int, int>();
            int choices = 1 << (2 * depth);
            for (int c = 0; c < choices; c++)
            {
                int[] p = [0, 1, 2, 3];
                for (int i = 0; i < depth; i++)
                    for (int t = 0; t < 2; t++)
                        if ((c >> (2 * i + t) & 1) == 1)
                        {
                            var pair = Matchings[seq[i]][t];
                            (p[pair[0]], p[pair[1]]) = (p[pair[1]], p[pair[0]]);
                        }
                int key = p[0] * 64 + p[1] * 16 + p[2] * 4 + p[3];
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
            double h = counts.Values.Sum(n => { double q = (double)n / choices; return -q * System.Math.Log(q); });
            expected += h / sequences;
        }
        return System.Math.Log(Factorial) - expected;
    }

    /// <summary>
    /// Fraction of <see cref="Samples"/> seeded draws of P_1..P_N for which G̃ with swap-or-identity 2×2 blocks reaches all
    /// 24 permutations: a lower bound on the theorem's probability (general blocks can only reach more).
    /// </summary>
    internal static double SwapReachable(int depth)
    {
        int hits = 0;
        for (int sample = 0; sample < Samples; sample++)
        {
            var random = new System.Random(1000 * depth + sample);
            var perms = Enumerable.Range(0, depth).Select(_ => RandomOrthogonal.Permutation(Width, random)).ToArray();
            var reached = new HashSet<int>();
            for (int c = 0; c < 1 << (2 * depth); c++)
            {
                int[] y = [0, 1, 2, 3]; // track where each input coordinate goes: y = G̃ applied to labels
                for (int i = depth - 1; i >= 0; i--)
                {
                    y = Enumerable.Range(0, Width).Select(j => y[perms[i][j]]).ToArray();
                    for (int b = 0; b < 2; b++)
                        if ((c >> (2 * i + b) & 1) == 1)
                            (y[2 * b], y[2 * b + 1]) = (y[2 * b + 1], y[2 * b]);
                }
                reached.Add(y[0] * 64 + y[1] * 16 + y[2] * 4 + y[3]);
            }
            if (reached.Count == Factorial) hits++;
        }
        return (double)hits / Samples;
    }

    private static (double Epsilon, double Bound, double SwapReachable) Numbers(int depth) => Cache.GetOrAdd(depth, n =>
    {
        double e = Epsilon(n);
        return (e, 1 - Factorial * System.Math.Sqrt(0.5 * System.Math.Max(e, 0)), SwapReachable(n));
    });

    private sealed class PermutationPart : Formalization<int>
    {
        public override string Name { get; init; } = "permutation-part-at-width-4";

        public override string Description { get; init; } = "ñ = 4, 2×2 blocks, N ∈ 1..5: eq. (82)'s bound 1 − ñ!√(½ε(Nñ/2, ñ)) against the fraction of 60 seeded P-sequences whose swap/identity settings reach all 24 permutations.";

        public override string Tolerance { get; init; } = "ε by exact enumeration of Definition 4.1 (3^N pairings × 4^N keep patterns); reachability exact per sample; the sampled fraction is a Monte Carlo estimate of a lower bound.";

        public override Gen<int> Generator { get; init; } = Gen.Choose(1, 5);

        public override IEnumerable<int> EdgeCases => [1, 3, 5];

        public override Outcome Evaluate(int depth)
        {
            var (e, bound, swap) = Numbers(depth);
            string numbers = $"N = {depth}: ε = {e:G6}, bound = {bound:G6}, swap-reachable fraction = {swap:G4}";
            return bound <= 0
                ? Outcome.Undecided(numbers + "; the bound is ≤ 0 here, so eq. (82) says nothing at this size; the full theorem (networks F̃ of depth d, fan-in k) is not checked")
                : Outcome.Undecided(numbers + (swap >= bound
                    ? "; the sampled lower bound exceeds the theorem's bound (consistent); the full theorem is not checked"
                    : "; the swap-only fraction is below the bound, but general 2×2 blocks may reach more: undecided"));
        }

        public override Certificate Certify(int depth) => Certificate.Unknown("enumeration and sampling", "no exact decision is attempted");

        public override IReadOnlyList<NamedValue> Describe(int depth)
        {
            var (e, bound, swap) = Numbers(depth);
            return [NamedValue.Text("N", depth.ToString(System.Globalization.CultureInfo.InvariantCulture)), NamedValue.Of("epsilon", e), NamedValue.Of("bound", bound), NamedValue.Of("swapReachable", swap)];
        }
    }

    internal static Claim Claim() => new(
        "lodo/thm-4.2",
        LodoSources.Of("Theorem 4.2", "(15), (82)", "4.3, C"),
        "With random P_i and 2×2 blocks, G̃(θ) of depth N and width ñ can represent any linear network F̃ (width ≤ ñ, fan-in/out ≤ k, depth d) with probability at least 1 − ñ!N√(½ε(ñN/(4d(⌈log₂k⌉+1)), ñ)).",
        "Partial: only the first part of the proof (eq. 82: every permutation reachable) at ñ = 4, with ε of Definition 4.1 computed exactly and reachability tested with swap/identity blocks. Inconclusive by design: the bound is vacuous (≤ 0) at every size checked, and the composition with fan-in/fan-out trees is not exercised.",
        [new PermutationPart()]);
}
