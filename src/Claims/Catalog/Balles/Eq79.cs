using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (7.9): ∇²R = Σ_n J_bᵀ∇²_b a_n J_b + Σ_{n,m}[∇_b a_n]_m∇²b_n^(m) for any split R = Σ_n a_n(b_n(θ)).</summary>
internal static class Eq79
{
    internal static Claim Claim() => new(
        "balles/eq-7.9",
        FisherSources.Of("eq. (7.9)", "(7.9)", "7.3.3"),
        "For R(θ) = Σ_n a_n(b_n(θ)): ∇²R = Σ_n J_θb_nᵀ∇²_b a_n J_θb_n + Σ_{n,m}[∇_b a_n]_m∇²_θb_n^(m).",
        "For every split the chapter uses: canonical (7.13), identity (7.12) and empirical-Fisher (7.17), each a formalization, over all " +
        "likelihoods and models with consistent dimensions. The pieces of each split (J_θb_n, ∇²_θb_n^(m), ∇_b a_n, ∇²_b a_n) and ∇²R " +
        "itself are each computed by forward mode on their own function.",
        [new Split(SplitKind.Canonical, "canonical"), new Split(SplitKind.Identity, "identity"), new Split(SplitKind.EmpiricalFisher, "empirical-fisher")]);

    /// <summary>∇²R = G + Σ_{n,m}[∇_b a_n]_m∇²b_n^(m) for one split.</summary>
    private sealed class Split : CurvatureIdentity
    {
        private readonly SplitKind _kind;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Split(SplitKind kind, string name)
        {
            _kind = kind;
            Name = name + "-split";
            Tolerance = ToleranceText;
            Description = $"For all likelihoods, models, data (N ≤ 4) and θ, with the {name} split: ∇²R = G + Σ_{{n,m}}[∇_b a_n]_m∇²b_n^(m).";
            Domain = CurvatureCase.Domain(CurvatureCase.Pairs(CurvatureCase.AllLikelihoods, CurvatureCase.AllModels));
        }

        protected override (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem)
        {
            var (ggn, residual) = problem.Split(_kind);
            return (problem.RiskHessian(), ggn + residual);
        }

        public override string Explain(CurvatureCase input) => "The chain-rule decomposition (7.9) of the Hessian fails for this split.";
    }
}
