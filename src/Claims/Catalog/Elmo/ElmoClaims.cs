
namespace Verification.Claims.Catalog.Elmo;

/// <summary>The formalized claims of papers/elmo-amos.md, in claims.md order.</summary>
public static class ElmoClaims
{
    /// <summary>Every ELMO/AMOS claim of the catalog.</summary>
    public static IEnumerable<Claim> All =>
    [
        .. Eq7.Claims(),
        Eq14.Claim(),
        .. Lemma31.Claims(),
        Lemma31Proof1.Claim(),
        LemmaM2.Claim(),
        Lemma32.Claim(),
        Eq8.Claim(),
        .. Sec32Concave.Claims(),
        Thm33.Claim(),
        LemmaM5Relative.Claim(),
        ThmC1.Claim(),
        LemmaC2.Claim(),
        LemmaM1.Claim(),
        CorM11.Claim(),
        LemmaM3.Claim(),
        .. ThmM4.Claims(),
        LemmaM5.Claim(),
        .. ThmH1.Claims(),
        .. ThmH2.Claims(),
        .. ThmH3.Claims(),
        .. Eq13.Claims(),
        AppF1.Claim(),
        .. Eq12.Claims(),
    ];
}
