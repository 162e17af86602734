namespace Verification.Claims.Catalog.Balles;

/// <summary>The formalized claims of chapter 6 and appendix C of papers/balles-thesis.md (sign descent geometry), in claims.md order.</summary>
public static class BallesSignClaims
{
    /// <summary>Every chapter-6 / appendix-C claim of the catalog.</summary>
    public static IEnumerable<Claim> All =>
    [
        Lemma61.Claim(),
        Lemma62.Claim(),
        Prop61.AsWritten(),
        Prop61.OneSided(),
        Prop62.Claim(),
        Prop63.Claim(),
        Eq618.Claim(),
        Prop64.Claim(),
        Prop65.Claim(),
        Eq621.Claim(),
        Eq622.Claim(),
        Prop66.Claim(),
        Eq630.Claim(),
        AppC2.Claim(),
        Sec644.Claim(),
        PropC2.Claim(),
    ];
}
