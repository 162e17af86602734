using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The Definition 4.1 census behind lodo/thm-4.2 (<see cref="TranspositionMixingFormulas"/>) against a brute-force
/// enumeration of every (matching sequence, keep pattern) pair and against closed forms.
/// </summary>
public class TranspositionMixingExamples
{
    private static readonly (int, int)[][] Matchings4 = [[(0, 1), (2, 3)], [(0, 2), (1, 3)], [(0, 3), (1, 2)]];

    /// <summary>Every matching sequence × keep pattern, composed directly: (Σ unreachable, #all reachable, Σ over pairs of c·ln c).</summary>
    private static (long Unreachable, long AllReachable, double CLogC) BruteForce(int depth)
    {
        long unreachable = 0, all = 0;
        double cLogC = 0;
        int sequences = (int)Math.Pow(3, depth);
        for (int seq = 0; seq < sequences; seq++)
        {
            var counts = new Dictionary<string, int>();
            for (int pattern = 0; pattern < 1 << (2 * depth); pattern++)
            {
                int[] p = [0, 1, 2, 3];
                for (int layer = 0, code = seq; layer < depth; layer++, code /= 3)
                    for (int t = 0; t < 2; t++)
                        if ((pattern >> (2 * layer + t) & 1) == 1)
                        {
                            var (a, b) = Matchings4[code % 3][t];
                            (p[a], p[b]) = (p[b], p[a]);
                        }
                string key = string.Join(",", p);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
            unreachable += 24 - counts.Count;
            if (counts.Count == 24)
                all++;
            cLogC += counts.Values.Sum(c => c * Math.Log(c));
        }
        return (unreachable, all, cLogC);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Census_AtWidth4_IsTheBruteForceEnumeration(int depth)
    {
        var census = TranspositionMixingFormulas.Census(4, depth);
        var (unreachable, all, cLogC) = BruteForce(depth);
        Assert.Equal(unreachable, census.UnreachableTotal);
        Assert.Equal(all, census.AllReachable);
        Assert.Equal((long)Math.Pow(3, depth), census.Sequences);
        Assert.Equal(1L << (2 * depth), census.Outcomes);
        double fromCensus = census.CountWeights.Sum(p => p.Value * p.Key * Math.Log(p.Key));
        Assert.True(Math.Abs(fromCensus - cLogC) <= 1e-12 * Math.Max(1, cLogC), $"Σ c ln c: census {fromCensus:R}, brute force {cLogC:R}");
    }

    [Fact]
    public void Epsilon_AtOneLayerOfWidth4_IsLn6()
    {
        // One matching, two independent swaps: 4 equally likely permutations, H = ln 4, ε = ln 24 − ln 4 = ln 6.
        using var precision = EnclosureSettings.Use(128);
        var census = TranspositionMixingFormulas.Census(4, 1);
        var epsilon = TranspositionMixingFormulas.Epsilon<RationalInterval>(census);
        Assert.True(Math.Abs(epsilon.Midpoint - Math.Log(6)) <= 4e-16, $"ε = {epsilon}");
        Assert.Equal(Math.Log(6), TranspositionMixingFormulas.Epsilon<Float64>(census).Value, 15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AtWidth2_OneSwapMixesCompletely(int depth)
    {
        // ñ = 2: each layer swaps with probability ½, so σ is uniform: ε = 0, nothing unreachable, eq. (82)'s bound is 1.
        using var precision = EnclosureSettings.Use(128);
        var census = TranspositionMixingFormulas.Census(2, depth);
        var epsilon = TranspositionMixingFormulas.Epsilon<RationalInterval>(census);
        Assert.True(epsilon.Lower.Sign() <= 0 && epsilon.Upper.Sign() >= 0, $"ε = {epsilon} should enclose 0");
        Assert.Equal(0, census.UnreachableTotal);
        Assert.Equal(1.0, TranspositionMixingFormulas.AllReachableProbability<Float64>(census).Value);
    }

    [Fact]
    public void Eq82Bound_TurnsPositiveAtDepth10()
    {
        // From the census: 1 − 24√(ε/2) ≈ −0.124 at N = 9 and ≈ +0.217 at N = 10 (values of an independent enumeration).
        Assert.InRange(TranspositionMixingFormulas.Eq82Bound<Float64>(TranspositionMixingFormulas.Census(4, 9)).Value, -0.1243, -0.1241);
        Assert.InRange(TranspositionMixingFormulas.Eq82Bound<Float64>(TranspositionMixingFormulas.Census(4, 10)).Value, 0.2166, 0.2168);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        ArgumentAssert.Rejects(() => TranspositionMixingFormulas.Census(3, 2), "width", "width must be 2 or 4, got 3");
        ArgumentAssert.Rejects(() => TranspositionMixingFormulas.Census(4, 0), "depth", "depth must be in 1..20, got 0");
        ArgumentAssert.Rejects(() => TranspositionMixingFormulas.Census(4, TranspositionMixingFormulas.MaxDepth + 1), "depth", "depth must be in 1..20, got 21");
    }
}
