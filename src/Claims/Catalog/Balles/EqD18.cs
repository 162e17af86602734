using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (D.18): if b_n is linear, ∇²R equals the GGN.</summary>
internal static class EqD18
{
    internal static Claim Claim() => new(
        "balles/eq-D.18",
        FisherSources.Of("eq. (D.18)", "(D.18)", "D.1.3"),
        "If b_n is linear, ∇²R(θ) equals the GGN Σ_n J_θb_nᵀ∇²_b a_n J_θb_n (the residual term vanishes since ∇²_θb_n^(m) = 0).",
        "The canonical split with the linear model f = W(x, 1) (b_n linear in θ), every likelihood including the controls.",
        [new LinearInner()]);

    /// <summary>∇²R(θ) = G(θ) for the linear model.</summary>
    private sealed class LinearInner : CurvatureIdentity
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public LinearInner()
        {
            Name = "linear-inner";
            Tolerance = ToleranceText;
            Description = "For the linear model, all likelihoods, data (N ≤ 4) and θ: ∇²R(θ) = G(θ) of the canonical split.";
            Domain = CurvatureCase.Domain(CurvatureCase.Pairs(CurvatureCase.AllLikelihoods, [ModelFamily.Linear]));
        }

        protected override (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem) =>
            (problem.RiskHessian(), problem.GeneralizedGaussNewton());

        public override string Explain(CurvatureCase input) => "The Hessian differs from the GGN although the inner function is linear.";
    }
}
