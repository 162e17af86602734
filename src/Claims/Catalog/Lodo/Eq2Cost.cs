using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Engine;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md §3: "matrix-vector multiplication with G(θ) costs O(n log n)" (N = O(log n)), i.e. a product costs Θ(ñ·N).
/// Decided as trend statements over n = 2⁴ … 2¹⁰ from the counted operations (<see cref="OperationCounter"/>) of the
/// reference's matrix-free product.
/// </summary>
internal static class Eq2Cost
{
    internal static Claim Claim() => new(
        "lodo/eq-2-cost",
        LodoSources.Of("§3 (cost of eq. 2)", "(2)", "3"),
        "Applying permutations and block diagonal matrices both require O(n) time and memory, so matrix-vector multiplication with G(θ) costs O(n log n) (N not much larger than O(log n)).",
        "Counted, not timed: every multiply–add and every moved coordinate of the reference's matrix-free product α₀(I 0)G̃ᵀG̃(I 0)ᵀv. The constant is 2(k+1) per width×layer, so the bound is O(ñNk): O(n log n) for fixed k, as the paper's k = 4 has it.",
        [new CountTrend(perWidthDepth: true), new CountTrend(perWidthDepth: false)]);

    /// <summary>n = 2⁴ … 2¹⁰.</summary>
    internal static readonly int[] Sizes = [.. Enumerable.Range(4, 7).Select(j => 1 << j)];

    private static readonly ConcurrentDictionary<CostInput, long[]> Cache = new();

    /// <summary>The counted operations of one G(θ)v at each n of <see cref="Sizes"/> (θ = 0, v all ones: the count does not depend on values).</summary>
    internal static long[] Counts(CostInput c) => Cache.GetOrAdd(c, key => [.. Sizes.Select(n =>
    {
        var model = BlockPermutationPreconditioner.Random(n, key.K, Depth(n, key), 1.0, n);
        var counter = new OperationCounter();
        model.Apply(Vector<double>.Build.Dense(model.ParameterCount), Vector<double>.Build.Dense(n, 1.0), counter);
        return counter.Total;
    })]);

    /// <summary>N = c·⌈log₂ n⌉ for n a power of two.</summary>
    internal static int Depth(int n, CostInput c) => c.DepthFactor * System.Numerics.BitOperations.Log2((uint)n);

    /// <summary>The ratio (operations)/(ñN) or (operations)/(n⌈log₂ n⌉) along n, settled or drifting.</summary>
    internal sealed class CountTrend : TrendStatement<CostInput>
    {
        private readonly bool _perWidthDepth;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public CountTrend(bool perWidthDepth)
        {
            _perWidthDepth = perWidthDepth;
            Name = perWidthDepth ? "ops-over-width-times-depth" : "ops-over-n-log-n";
            Description = perWidthDepth
                ? "For k ∈ {1, 2, 4, 8}, N = c⌈log₂ n⌉ (c ∈ {1, 2}), n = 2⁴…2¹⁰: the ratio r(n) = (counted operations of Gv)/(ñN) is Θ(1): it neither drifts by 5/4 between the first and last n nor fails to settle (last three within 5%)."
                : "Same sequences: r(n) = (counted operations)/(n⌈log₂ n⌉) is Θ(1), i.e. the cost is Θ(n log n).";
            Tolerance = "None in the counts (integers, exact ratios). Drift 5/4 over 6 doublings of n separates a Θ(1) ratio from a missing or extra log factor (which changes it by 10/4); the tail has settled when the last three ratios agree within 5% (the lower-order 2n moves of the embedding shrink like 1/N).";
            Drift = 1.25;
            TailSpread = 0.05;
            MarginUnit = "r(t₀)/r(t_K) against the drift, relative to their sum";
            Domain = new Domain<CostInput>
            {
                Generator = from k in Gen.Elements(1, 2, 4, 8) from c in Gen.Elements(1, 2) select new CostInput(k, c),
                Edges = () => from k in new[] { 1, 2, 4, 8 } from c in new[] { 1, 2 } select new CostInput(k, c),
                EdgesAreExhaustive = true,
                Describe = c => [.. c.Describe(), NamedValue.Of("n", Sizes.Select(n => (double)n)), NamedValue.Of("operations", Counts(c).Select(x => (double)x))],
            };
        }

        protected override IReadOnlyList<double> Sequence(CostInput input) => [.. Sizes.Select(n => (double)n)];

        protected override T Ratio<T>(CostInput input, T t)
        {
            // t is one of the sequence's constants (an exact power of two), not a real input: recover its index.
            int n = (int)T.Estimate(t);
            int i = Array.IndexOf(Sizes, n);
            if (i < 0)
                throw new ArgumentException($"t = {n} is not one of the sizes {string.Join(", ", Sizes)}.", nameof(t));
            int depth = Depth(n, input);
            long denominator = _perWidthDepth
                ? (long)BlockPermutationPreconditioner.PaperWidth(n, input.K) * depth
                : (long)n * (depth / input.DepthFactor);
            return T.Of(Counts(input)[i]) / T.Of(denominator);
        }

        public override string Explain(CostInput input) => _perWidthDepth
            ? "The counted cost of Gv is not Θ(ñN)."
            : "The counted cost of Gv is not Θ(n log n) for N = Θ(log n).";
    }
}
