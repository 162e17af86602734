namespace Verification.Claims.Catalog.Balles;

/// <summary>The formalized claims of papers/balles-thesis.md chapters 3–5 and appendix B, in claims.md order.</summary>
public static class BallesVarianceClaims
{
    /// <summary>Every claim of thesis chapters 3–5 and appendix B in the catalog.</summary>
    public static IEnumerable<Claim> All =>
    [
        Lemma31.Claim(),
        Lemma32.Claim(),
        Eq47.Claim(),
        Prop41.Claim(),
        .. Prop42.Claims(),
        .. Eq55.Claims(),
        Lemma51.Claim(),
        .. Lemma52.Claims(),
        .. LemmaB1.Claims(),
        .. Eq510.Claims(),
        .. Fig52.Claims(),
        Thm51.Claim(),
        LemmaB2.Claim(),
        EqB26.Claim(),
        .. Sec544.Claims(),
        .. Lemma54.Claims(),
    ];
}
