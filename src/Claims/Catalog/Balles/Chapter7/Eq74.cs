using Verification.Claims.Engine;
using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>balles eq. (7.4) / (D.3): E[∇log p ∇log pᵀ] = E[−∇² log p] under y ~ p_θ.</summary>
internal static class Eq74
{
    internal static Claim Claim() => new(
        "balles/eq-7.4",
        FisherSources.Of("eq. (7.4), proof in App. D.1.1 (D.3)–(D.6)", "(7.4)", "7.3.1"),
        "F(θ) = E_{p_θ(z)}[∇_θ log p_θ(z)∇_θ log p_θ(z)ᵀ] = E_{p_θ(z)}[−∇²_θ log p_θ(z)].",
        "For the conditional models of eq. (7.1), z = y|x_n summed over n: Σ_n E_y[s_n s_nᵀ] against Σ_n E_y[−∇²_θ log p(y|f(x_n, θ))], "
        + "every likelihood (the four natural ones and both non-natural controls; the identity needs only a regular density, not an exponential family) "
        + "and every model. Expectations are exact sums (finite support), exact 3-node Gauss–Hermite (Gaussian integrands are polynomials of degree ≤ 4 in y) "
        + "or a truncated Poisson sum with a rigorous tail bound far below the tolerance.",
        [CurvatureIdentity.Build(
            "two-forms",
            "For all models, likelihoods, data (N ≤ 4) and θ: Σ_n J_nᵀE[∇_f log p ∇_f log pᵀ]J_n = Σ_n E[−∇²_θ log p(y|f_n)] (the latter with the model's second derivatives).",
            CurvatureInput.Over(CurvatureIdentity.AllLikelihoods, CurvatureIdentity.AllModels),
            CurvatureIdentity.Edges(CurvatureIdentity.AllLikelihoods, CurvatureIdentity.AllModels),
            c =>
            {
                var p = c.Problem();
                var t = c.ThetaVector;
                return new MatrixSides(p.Fisher(t), p.ExpectedNegativeHessian(t), CurvatureInput.TermScale(p, t) + p.FisherTailBound(t) / CurvatureIdentity.RelativeTolerance);
            })]);
}
