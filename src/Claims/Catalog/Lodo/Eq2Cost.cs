using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md §3: "matrix-vector multiplication with G(θ) costs O(n log n)" (N = O(log n)), i.e. a product costs O(ñ·N).
/// Decided from sequences of counted operations (<see cref="OperationCounter"/>) of the matrix-free product.
/// </summary>
internal static class Eq2Cost
{
    /// <summary>Block size k and depth factor c (N = c·⌈log₂ n⌉).</summary>
    internal sealed record CostInput(int K, int DepthFactor);

    /// <summary>n = 2^4 … 2^10.</summary>
    internal static readonly int[] Sizes = Enumerable.Range(4, 7).Select(j => 1 << j).ToArray();

    private static readonly ConcurrentDictionary<CostInput, long[]> Cache = new();

    /// <summary>The counted operations of one G(θ)v at each n of <see cref="Sizes"/> (θ = 0, v all ones).</summary>
    internal static long[] Counts(CostInput c) => Cache.GetOrAdd(c, key => Sizes.Select(n =>
    {
        var model = BlockPermutationPreconditioner.Random(n, key.K, Depth(n, key), 1.0, n);
        var counter = new OperationCounter();
        // The count does not depend on θ's values: zeros avoid drawing thousands of orthogonal blocks.
        model.Apply(Vector<double>.Build.Dense(model.ParameterCount), Vector<double>.Build.Dense(n, 1.0), counter);
        return counter.Total;
    }).ToArray());

    internal static int Depth(int n, CostInput c) => c.DepthFactor * (int)System.Math.Ceiling(System.Math.Log2(n));

    private static Fraction Ratio(CostInput c, int i, bool perWidthDepth)
    {
        int n = Sizes[i];
        var model = BlockPermutationPreconditioner.PaperWidth(n, c.K);
        long denominator = perWidthDepth ? (long)model * Depth(n, c) : (long)n * (int)System.Math.Ceiling(System.Math.Log2(n));
        return new Fraction(Counts(c)[i], denominator);
    }

    /// <summary>max(r_last/r_first, r_first/r_last) for the ratio r = count/scale: ≤ 5/4 means no growth or decay trend over 6 doublings.</summary>
    private static Fraction Trend(CostInput c, bool perWidthDepth)
    {
        var first = Ratio(c, 0, perWidthDepth);
        var last = Ratio(c, Sizes.Length - 1, perWidthDepth);
        var q = last / first;
        return q >= Fraction.One ? q : Fraction.One / q;
    }

    private static Inequality<CostInput> Sequence(bool perWidthDepth) => new()
    {
        Name = perWidthDepth ? "ops-over-width-times-depth" : "ops-over-n-log-n",
        Description = perWidthDepth
            ? "For k ∈ {1, 2, 4, 8}, N = c⌈log₂ n⌉ (c ∈ {1, 2}), n = 2^4…2^10: the ratio (counted operations of Gv)/(ñN) neither grows nor decays (last/first within [4/5, 5/4])."
            : "Same sequences: (counted operations)/(n⌈log₂ n⌉) within [4/5, 5/4] from first to last, i.e. O(n log n) and not o(n log n).",
        Tolerance = "None in the counts (integers, exact ratios). The band 5/4 over 6 doublings of n separates Θ(1) ratios from a missing log factor (which would change the ratio by 10/4 = 2.5).",
        Generator = from k in Gen.Elements(1, 2, 4, 8) from c in Gen.Elements(1, 2) select new CostInput(k, c),
        Edges = () => [new CostInput(4, 1), new CostInput(2, 1)],
        Sides = c => new Sides(ExactDouble.ToDouble(Trend(c, perWidthDepth)), 1.25, 1.25),
        ExactSides = (c, _) => new ExactSides(RationalInterval.Exact(Trend(c, perWidthDepth)), RationalInterval.Exact(new Fraction(5, 4))),
        Show = c =>
        [
            NamedValue.Text("k", c.K.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            NamedValue.Text("N", $"{c.DepthFactor}·⌈log₂ n⌉"),
            NamedValue.Of("n", Sizes.Select(n => (double)n)),
            NamedValue.Of("operations", Counts(c).Select(x => (double)x)),
            NamedValue.Of("ratio", Enumerable.Range(0, Sizes.Length).Select(i => ExactDouble.ToDouble(Ratio(c, i, perWidthDepth)))),
        ],
        Why = _ => perWidthDepth ? "The counted cost of Gv grows faster than ñN." : "The counted cost of Gv is not Θ(n log n) for N = Θ(log n).",
    };

    internal static Claim Claim() => new(
        "lodo/eq-2-cost",
        LodoSources.Of("§3 (cost of eq. 2)", "(2)", "3"),
        "Applying permutations and block diagonal matrices both require O(n) time and memory, so matrix-vector multiplication with G(θ) costs O(n log n) (N not much larger than O(log n)).",
        "Counted, not timed: every multiply–add and every moved coordinate of the matrix-free product α₀SᵀG̃ᵀG̃Sv. The constant is 2(k+1) per width×layer, so the bound is O(ñNk): O(n log n) for fixed k, as the paper's k = 4 has it.",
        [Sequence(true), Sequence(false)]);
}
