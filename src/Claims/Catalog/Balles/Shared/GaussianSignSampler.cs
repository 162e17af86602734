using System.Collections.Concurrent;
using Verification.Engine;
using Verification.Numerics.Random;

namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>
/// Monte Carlo draws of X = μ + σZ, Z ~ N(0, 1) (Box–Muller, <see cref="StandardNormal"/>): how many of
/// <see cref="Samples"/> draws have sign(X) equal to a given sign. The stream is seeded by the bits of μ and σ (not by
/// the run's seed), so each input replays the same count, and the double, exact and box evaluations of one input share
/// one simulation.
/// </summary>
internal static class GaussianSignSampler
{
    /// <summary>
    /// Draws per input: with the catalog's per-test error probability δ ≈ 2e-10, Hoeffding's half-width for a
    /// probability is √(ln(2/δ)/(2n)) ≈ 0.08, enough to see the half-unit gap at μ = 0 and any error of the closed form
    /// above a few hundredths, for about 0.3 s of CPU per statistical formalization at the default budget.
    /// </summary>
    internal const int Samples = 2048;

    private static readonly ConcurrentDictionary<(long Mu, long Sigma, int Sign), long> Cache = new();

    /// <summary>The number of draws among <see cref="Samples"/> with sign(μ + σZ) = <paramref name="sign"/>.</summary>
    internal static long Agreements(double mu, double sigma, int sign)
    {
        var key = (BitConverter.DoubleToInt64Bits(mu), BitConverter.DoubleToInt64Bits(sigma), sign);
        if (Cache.TryGetValue(key, out long hits))
            return hits;
        if (Cache.Count > 100_000)
            Cache.Clear();
        var random = new System.Random(unchecked((int)StableHash.Of($"{key.Item1}:{key.Item2}")));
        hits = 0;
        for (int i = 0; i < Samples; i++)
            if (Math.Sign(mu + sigma * StandardNormal.Draw(random)) == sign)
                hits++;
        Cache[key] = hits;
        return hits;
    }
}
