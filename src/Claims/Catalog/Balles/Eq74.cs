using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (7.4) / (D.3): E[∇log p ∇log pᵀ] = E[−∇² log p] under y ~ p_θ.</summary>
internal static class Eq74
{
    internal static Claim Claim() => new(
        "balles/eq-7.4",
        FisherSources.Of("eq. (7.4), proof in App. D.1.1 (D.3)–(D.6)", "(7.4)", "7.3.1"),
        "F(θ) = E_{p_θ(z)}[∇_θ log p_θ(z)∇_θ log p_θ(z)ᵀ] = E_{p_θ(z)}[−∇²_θ log p_θ(z)].",
        "For the conditional models of eq. (7.1), z = y|x_n summed over n: Σ_n E_y[s_n s_nᵀ] against Σ_n E_y[−∇²_θ log p(y|f(x_n, θ))], "
        + "every likelihood (the four natural ones and both non-natural controls; the identity needs only a regular density, not an exponential family) "
        + "and every model. Derivatives by forward mode on the model and the log-density; ∇²_θ log p by the chain rule "
        + "J_nᵀ∇²_f log p J_n + Σ_m ∂_m log p·∇²f_n^(m). Expectations are exact: finite sums, or quadrature rules exact for the "
        + "polynomial degree in y the integrands have (two-point for N(f, 1) and Poisson, three-point Gauss–Hermite for N(μ, v)).",
        [new TwoForms()]);

    /// <summary>Σ_n J_nᵀE[∇_f log p ∇_f log pᵀ]J_n = Σ_n E[−∇²_θ log p(y|f_n)].</summary>
    private sealed class TwoForms : CurvatureIdentity
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public TwoForms()
        {
            Name = "two-forms";
            Tolerance = ToleranceText;
            Description = "For all models, likelihoods, data (N ≤ 4) and θ: Σ_n J_nᵀE[∇_f log p ∇_f log pᵀ]J_n = Σ_n E[−∇²_θ log p(y|f_n)] (the latter with the model's second derivatives).";
            Domain = CurvatureCase.Domain(CurvatureCase.Pairs(CurvatureCase.AllLikelihoods, CurvatureCase.AllModels));
        }

        protected override (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem) =>
            (problem.Fisher(), problem.ExpectedNegativeHessian());

        public override string Explain(CurvatureCase input) => "The expected outer product of scores differs from the expected negative Hessian.";
    }
}
