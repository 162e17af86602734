namespace Verification.Claims.Catalog.Balles;

/// <summary>The formalized claims of chapter 7 and appendix D of papers/balles-thesis.md, in claims.md order.</summary>
public static class BallesFisherClaims
{
    /// <summary>Every chapter-7 / appendix-D claim of the catalog.</summary>
    public static IEnumerable<Claim> All =>
    [
        Eq74.Claim(),
        .. Prop71.Claims(),
        .. Prop72.Claims(),
        Eq78.Claim(),
        Eq79.Claim(),
        Eq712.Claim(),
        Eq718.Claim(),
        Fn73.Claim(),
        Eq722.Claim(),
        EqD14.AsWritten(),
        EqD14.SquaredExponential(),
        EqD15.Claim(),
        EqD16.Claim(),
        EqD18.Claim(),
        Eq721.Claim(),
    ];
}
