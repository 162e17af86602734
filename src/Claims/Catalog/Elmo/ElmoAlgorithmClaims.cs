namespace Verification.Claims.Catalog.Elmo;

/// <summary>The algorithm claims of papers/elmo-amos.md (Alg. 1 ELMO, Alg. 2 AMOS, Alg. 3 EigenARC), in claims.md order.</summary>
public static class ElmoAlgorithmClaims
{
    /// <summary>elmo/alg-1, elmo/alg-2, elmo/alg-3 and their reading variants.</summary>
    public static IEnumerable<Claim> All =>
    [
        .. Alg1.Claims(),
        Alg2.Claim(),
        .. Alg3.Claims(),
    ];
}
