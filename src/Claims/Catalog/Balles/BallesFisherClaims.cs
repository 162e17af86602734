using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>The formalized claims of chapter 7 and appendix D of papers/balles-thesis.md, in claims.md order.</summary>
public static class BallesFisherClaims
{
    /// <summary>Every chapter-7 / appendix-D claim of the catalog.</summary>
    public static IEnumerable<Claim> All =>
    [
        Eq74.Claim(),
        .. Prop71.Claims(),
        .. Prop72.Claims(),
        HessianDecomposition.Eq78(),
        HessianDecomposition.Eq79(),
        HessianDecomposition.Eq712(),
        Eq718.Claim(),
        Fn73.Claim(),
        Eq722.Claim(),
        .. SoftmaxHessian.Claims(),
        HessianDecomposition.EqD18(),
        Eq721.Claim(),
    ];
}
