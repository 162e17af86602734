using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>The formalized claims of papers/elmo-amos.md, in claims.md order.</summary>
public static class ElmoClaims
{
    /// <summary>Every ELMO/AMOS claim of the catalog.</summary>
    public static IEnumerable<Claim> All =>
    [
        Eq14.Claim(),
        LemmaC2.Claim(),
    ];
}
