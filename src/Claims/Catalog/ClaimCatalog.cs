using Verification.Claims.Catalog.Balles.Chapter3to5;
using Verification.Claims.Catalog.Balles.Chapter6;
using Verification.Claims.Catalog.Balles.Chapter7;
using Verification.Claims.Catalog.Elmo;
using Verification.Claims.Catalog.Lodo;
using Verification.Claims.Model;

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
        return all;
    });

    /// <summary>All claims, grouped by document, in registration order.</summary>
    public static IReadOnlyList<Claim> All => Claims.Value;

    /// <summary>
    /// The claims whose ID matches <paramref name="pattern"/>: a glob where <c>*</c> matches any run of characters
    /// (so <c>elmo/*</c> is the whole ELMO paper and <c>*/lemma-*</c> every lemma). Null or empty matches all.
    /// </summary>
    public static IReadOnlyList<Claim> Filter(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            return All;
        var regex = new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(pattern.Trim()).Replace("\\*", ".*") + "$");
        return All.Where(c => regex.IsMatch(c.Id)).ToList();
    }
}
