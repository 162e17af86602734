using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>The formalized claims of papers/lodo.md, in claims.md order.</summary>
public static class LodoClaims
{
    /// <summary>Every LODO claim of the catalog.</summary>
    public static IEnumerable<Claim> All =>
    [
        Eq2.Init(),
        .. Eq2.Psd(),
        Eq2Cost.Claim(),
        .. Eq5And6.Claims(),
        .. Eq11To13.Claims(),
        .. LemmaB1.Claims(),
        .. AppF1Newton.Claims(),
        Alg1.Claim(),
        Thm42.Claim(),
    ];
}
