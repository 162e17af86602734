using Verification.Claims.Model;

namespace Verification.Claims.Engine;

/// <summary>The results of checking a set of claims with one budget and one seed.</summary>
/// <param name="Seed">The replay seed: the same seed, budget and catalog reproduce every verdict.</param>
/// <param name="Budget">Evaluations per formalization.</param>
/// <param name="Results">One result per claim, in catalog order.</param>
public sealed record CatalogReport(ulong Seed, int Budget, IReadOnlyList<ClaimResult> Results);

/// <summary>Checks claims one after another, reporting each result as it is computed.</summary>
public static class CatalogRun
{
    /// <summary>The budget used when none is given: enough to reach the edge cases and climb, fast enough for CI.</summary>
    public const int DefaultBudget = 2000;

    /// <summary>The seed used when none is given, so that a plain run is reproducible.</summary>
    public const ulong DefaultSeed = 20261123;

    /// <summary>Checks <paramref name="claims"/> in order; <paramref name="progress"/> sees each result when it is done.</summary>
    public static CatalogReport Execute(IReadOnlyList<Claim> claims, int budget, ulong seed, Action<int, Claim, ClaimResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (budget < 1)
            throw new ArgumentException($"budget must be ≥ 1, got {budget}.", nameof(budget));
        var results = new List<ClaimResult>(claims.Count);
        for (int i = 0; i < claims.Count; i++)
        {
            var result = VerdictEngine.Check(claims[i], budget, seed);
            results.Add(result);
            progress?.Invoke(i, claims[i], result);
        }
        return new CatalogReport(seed, budget, results);
    }
}
