using Verification.Claims.Catalog.Balles;
using Verification.Claims.Catalog.Elmo;
using Verification.Claims.Catalog.Lodo;
using Verification.Engine;

namespace Verification.Claims.Catalog;

/// <summary>The built-in catalog: every formalized claim of the three papers, in a stable order.</summary>
public static class ClaimCatalog
{
    private static readonly Lazy<IReadOnlyList<Claim>> Claims = new(() =>
    {
        List<Claim> all =
        [
            .. ElmoClaims.All,
            .. ElmoAlgorithmClaims.All,
            .. LodoClaims.All,
            .. BallesVarianceClaims.All,
            .. BallesSignClaims.All,
            .. BallesFisherClaims.All,
        ];
        var duplicate = all.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Claim ID {duplicate.Key} is registered twice.");
        return all.Select(c => c with { SourceFile = CatalogFiles.PathOf(c.Id) }).ToList();
    });

    /// <summary>All claims, grouped by document, in registration order.</summary>
    public static IReadOnlyList<Claim> All => Claims.Value;

    /// <summary>
    /// Checks <paramref name="claims"/> (the catalog or a filter of it) in parallel: the report cites the papers, and each
    /// statistical test runs at the level the whole catalog's error rate allots it, so a filtered run agrees with a full one.
    /// </summary>
    public static CatalogReport Check(IReadOnlyList<Claim> claims, int budget, ulong seed,
        Action<int, Claim, ClaimResult>? progress = null, int? parallelism = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var report = CatalogRun.Execute(claims, budget, seed, progress, parallelism, CatalogRun.StatisticalCount(All));
        var documents = claims.Select(c => c.Source.Document).Distinct().ToHashSet();
        return report with { Documents = Papers.All.Where(p => documents.Contains(p.Key)).ToList() };
    }

    /// <summary>
    /// The claims whose ID matches <paramref name="pattern"/>: a glob where <c>*</c> matches any run of characters
    /// (so <c>elmo/*</c> is the whole ELMO paper and <c>*/lemma-*</c> every lemma). Null or empty matches all.
    /// </summary>
    public static IReadOnlyList<Claim> Filter(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            return All;
        var glob = Glob(pattern);
        return All.Where(c => glob.IsMatch(c.Id)).ToList();
    }

    /// <summary>Whether the claim ID <paramref name="id"/> matches the glob <paramref name="pattern"/> (see <see cref="Filter"/>).</summary>
    public static bool Matches(string pattern, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(id);
        return Glob(pattern).IsMatch(id);
    }

    /// <summary>The glob <paramref name="pattern"/> (<c>*</c>: any run of characters) as a whole-ID regular expression.</summary>
    private static System.Text.RegularExpressions.Regex Glob(string pattern) =>
        new("^" + System.Text.RegularExpressions.Regex.Escape(pattern.Trim()).Replace("\\*", ".*") + "$");
}
