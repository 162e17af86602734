namespace Verification.Claims.Catalog.Lodo;

/// <summary>The formalized claims of papers/lodo.md, in claims.md order.</summary>
public static class LodoClaims
{
    /// <summary>Every LODO claim of the catalog.</summary>
    public static IEnumerable<Claim> All =>
    [
        Eq2Init.Claim(),
        .. Eq2Psd.Claims(),
        Eq2Cost.Claim(),
        .. Eq56.Claims(),
        .. Eq1113.Claims(),
        .. LemmaB1.Claims(),
        .. AppF1Newton.Claims(),
        Alg1.Claim(),
        Thm42.Claim(),
    ];
}
