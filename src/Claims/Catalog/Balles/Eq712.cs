using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (7.12): with the split a_n = ℓ_n, b_n(θ) = θ, the GGN equals the Hessian.</summary>
internal static class Eq712
{
    internal static Claim Claim() => new(
        "balles/eq-7.12",
        FisherSources.Of("eq. (7.12)", "(7.12)", "7.3.3"),
        "With the split a_n(b) = ℓ_n(b), b_n(θ) = θ, the GGN equals the Hessian.",
        "The statement for any loss, not only least squares: G of the identity split, Σ_n Iᵀ∇²_bℓ_n I with each per-sample Hessian by forward " +
        "mode on ℓ_n, against ∇²R by forward mode on the whole R, all likelihoods and models.",
        [new IdentitySplit()]);

    /// <summary>G_identity(θ) = ∇²R(θ).</summary>
    private sealed class IdentitySplit : CurvatureIdentity
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public IdentitySplit()
        {
            Name = "identity-split";
            Tolerance = ToleranceText;
            Description = "For all likelihoods, models, data (N ≤ 4) and θ: G_identity(θ) = ∇²R(θ).";
            Domain = CurvatureCase.Domain(CurvatureCase.Pairs(CurvatureCase.AllLikelihoods, CurvatureCase.AllModels));
        }

        protected override (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem) =>
            (problem.Split(SplitKind.Identity).Ggn, problem.RiskHessian());

        public override string Explain(CurvatureCase input) => "The GGN of the identity split differs from the Hessian.";
    }
}
