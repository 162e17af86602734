using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Lodo;

/// <summary>
/// An exact census of Definition 4.1 of lodo.md in the form the proof of Theorem 4.2 uses it (App. C, first part): N
/// layers, each a uniformly random perfect matching of ñ elements (the pairing Q_iᵀB(θ⁽ⁱ⁾)Q_i conjugated by a uniform
/// permutation), each of its ñ/2 transpositions kept with probability ½. For every matching sequence the distribution
/// of the composed permutation is an integer count out of 2^{Nñ/2}; sequences with the same distribution are merged.
/// </summary>
/// <param name="Width">ñ.</param>
/// <param name="Depth">N.</param>
/// <param name="Sequences">The number of matching sequences, (ñ − 1)!!^N (each equally likely).</param>
/// <param name="Outcomes">Keep patterns per sequence, 2^{Nñ/2}.</param>
/// <param name="CountWeights">c ↦ the number of (sequence, permutation) pairs whose permutation arises from c keep patterns (c ≥ 1).</param>
/// <param name="UnreachableTotal">Σ over sequences of the number of permutations no keep pattern reaches.</param>
/// <param name="AllReachable">The number of sequences whose keep patterns reach every permutation.</param>
public sealed record TranspositionCensus(int Width, int Depth, long Sequences, long Outcomes,
    IReadOnlyDictionary<long, long> CountWeights, long UnreachableTotal, long AllReachable)
{
    /// <summary>ñ!.</summary>
    public long Permutations => Enumerable.Range(1, Width).Aggregate(1L, (p, i) => p * i);
}

/// <summary>
/// Definition 4.1's ε and the proof of Theorem 4.2's first part (eqs. 80–82) over <see cref="IReal{T}"/>, from an exact
/// <see cref="TranspositionCensus"/>: ε(Nñ/2, ñ) = log ñ! − E[H(σ | sequence)], the expected number of unreachable
/// permutations against eq. (81)'s ñ!√(½ε), and the probability that every permutation is reachable against eq. (82)'s
/// 1 − ñ!√(½ε).
/// </summary>
public static class TranspositionMixingFormulas
{
    /// <summary>Widths the census supports: ñ! and the number of distinct distributions stay small.</summary>
    public static readonly IReadOnlyList<int> SupportedWidths = [2, 4];

    /// <summary>The largest depth: at ñ = 4, 3^20·4! &lt; 2^53 and 2^40 &lt; 2^53, so every count is an exact double.</summary>
    public const int MaxDepth = 20;

    /// <summary>The census of Definition 4.1 at width ñ and depth N (exact integer arithmetic).</summary>
    /// <exception cref="ArgumentException">ñ not in {2, 4}, or N outside 1..20 (every count then stays below 2^53, so it is
    /// an exact double).</exception>
    public static TranspositionCensus Census(int width, int depth)
    {
        if (!SupportedWidths.Contains(width))
            throw new ArgumentException($"width must be 2 or 4, got {width}.", nameof(width));
        if (depth < 1 || depth > MaxDepth)
            throw new ArgumentException($"depth must be in 1..{MaxDepth}, got {depth}.", nameof(depth));
        var perms = AllPermutations(width);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < perms.Count; i++)
            index[Key(perms[i])] = i;
        var matchings = PerfectMatchings(width);
        int pairs = width / 2, patterns = 1 << pairs;
        // transitions[m][p][c]: the permutation p with the transpositions of matching m kept by pattern c applied.
        var transitions = matchings.Select(m => perms.Select(p => Enumerable.Range(0, patterns).Select(c =>
        {
            var q = (int[])p.Clone();
            for (int t = 0; t < pairs; t++)
                if ((c >> t & 1) == 1)
                    (q[m[t].A], q[m[t].B]) = (q[m[t].B], q[m[t].A]);
            return index[Key(q)];
        }).ToArray()).ToArray()).ToArray();

        var start = new long[perms.Count];
        start[0] = 1; // the identity (AllPermutations lists it first)
        var distributions = new Dictionary<string, (long[] Counts, long Multiplicity)>(StringComparer.Ordinal) { [Key(start)] = (start, 1) };
        for (int layer = 0; layer < depth; layer++)
        {
            var next = new Dictionary<string, (long[] Counts, long Multiplicity)>(StringComparer.Ordinal);
            foreach (var (counts, multiplicity) in distributions.Values)
                foreach (var t in transitions)
                {
                    var moved = new long[perms.Count];
                    for (int p = 0; p < counts.Length; p++)
                        if (counts[p] != 0)
                            foreach (int q in t[p])
                                moved[q] += counts[p];
                    string key = Key(moved);
                    next[key] = next.TryGetValue(key, out var e) ? (e.Counts, e.Multiplicity + multiplicity) : (moved, multiplicity);
                }
            distributions = next;
        }

        var weights = new SortedDictionary<long, long>();
        long unreachable = 0, allReachable = 0;
        foreach (var (counts, multiplicity) in distributions.Values)
        {
            int zeros = 0;
            foreach (long c in counts)
            {
                if (c == 0)
                    zeros++;
                else
                    weights[c] = weights.GetValueOrDefault(c) + multiplicity;
            }
            unreachable += zeros * multiplicity;
            if (zeros == 0)
                allReachable += multiplicity;
        }
        long sequences = 1;
        for (int i = 0; i < depth; i++)
            sequences *= matchings.Count;
        return new TranspositionCensus(width, depth, sequences, 1L << (pairs * depth), weights, unreachable, allReachable);
    }

    /// <summary>
    /// ε(Nñ/2, ñ) = log ñ! − E[H], with E[H] = log O − (1/(S·O))Σ_c W(c)·c·log c over the census (S sequences, O keep
    /// patterns each, W(c) pairs of probability c/O): exact up to the enclosures of the logarithms.
    /// </summary>
    public static T Epsilon<T>(TranspositionCensus census) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(census);
        T weighted = T.Of(0);
        foreach (var (c, w) in census.CountWeights)
            if (c > 1)
                weighted += T.Of(w) * T.Of(c) * T.Log(T.Of(c));
        var outcomes = T.Of(census.Outcomes);
        var expectedEntropy = T.Log(outcomes) - weighted / (T.Of(census.Sequences) * outcomes);
        return T.Log(T.Of(census.Permutations)) - expectedEntropy;
    }

    /// <summary>ñ!√(½ε), the right side of eq. (81) (ε enclosed below by 0: it is a KL divergence).</summary>
    public static T Eq81Bound<T>(TranspositionCensus census) where T : IReal<T>
    {
        var epsilon = T.Max(Epsilon<T>(census), T.Of(0));
        return T.Of(census.Permutations) * T.Sqrt(epsilon / 2);
    }

    /// <summary>1 − ñ!√(½ε), the bound of eq. (82).</summary>
    public static T Eq82Bound<T>(TranspositionCensus census) where T : IReal<T> => 1 - Eq81Bound<T>(census);

    /// <summary>E[number of permutations no keep pattern reaches], exactly (UnreachableTotal/S).</summary>
    public static T ExpectedUnreachable<T>(TranspositionCensus census) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(census);
        return T.Of(census.UnreachableTotal) / T.Of(census.Sequences);
    }

    /// <summary>P(every permutation is reachable by some keep pattern), exactly (AllReachable/S).</summary>
    public static T AllReachableProbability<T>(TranspositionCensus census) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(census);
        return T.Of(census.AllReachable) / T.Of(census.Sequences);
    }

    private static string Key<TValue>(TValue[] values) => string.Join(",", values);

    /// <summary>Every permutation of 0..n−1, the identity first (lexicographic order).</summary>
    private static List<int[]> AllPermutations(int n)
    {
        var result = new List<int[]>();
        void Extend(List<int> prefix, bool[] used)
        {
            if (prefix.Count == n)
            {
                result.Add([.. prefix]);
                return;
            }
            for (int i = 0; i < n; i++)
                if (!used[i])
                {
                    used[i] = true;
                    prefix.Add(i);
                    Extend(prefix, used);
                    prefix.RemoveAt(prefix.Count - 1);
                    used[i] = false;
                }
        }
        Extend([], new bool[n]);
        return result;
    }

    /// <summary>Every perfect matching of 0..n−1 (n even), each as n/2 pairs.</summary>
    private static List<(int A, int B)[]> PerfectMatchings(int n)
    {
        var result = new List<(int A, int B)[]>();
        void Extend(List<int> free, List<(int, int)> pairs)
        {
            if (free.Count == 0)
            {
                result.Add([.. pairs]);
                return;
            }
            int first = free[0];
            for (int j = 1; j < free.Count; j++)
            {
                int partner = free[j];
                var rest = free.Where(x => x != first && x != partner).ToList();
                pairs.Add((first, partner));
                Extend(rest, pairs);
                pairs.RemoveAt(pairs.Count - 1);
            }
        }
        Extend([.. Enumerable.Range(0, n)], []);
        return result;
    }
}
