using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>balles eq. (7.22): N·F̃(θ) = Σ(θ) + ∇R(θ)∇R(θ)ᵀ with Σ = Cov[g], g = −N∇log p(y_n|x_n), n uniform.</summary>
internal static class Eq722
{
    internal static Claim Claim() => new(
        "balles/eq-7.22",
        FisherSources.Of("eq. (7.22)", "(7.22)", "7.5"),
        "N·F̃(θ) = Σ(θ) + ∇R(θ)∇R(θ)ᵀ, Σ(θ) := Cov[g(θ)] for the stochastic gradient g(θ) = −N∇_θ log p_θ(y_n|x_n), n uniform on [N].",
        "Σ is computed as the centered second moment (1/N)Σ_n (g_n − ∇R)(g_n − ∇R)ᵀ, not through the identity; all likelihoods and models.",
        [CurvatureIdentity.Build(
            "noncentral-moment",
            "For all likelihoods, models, data (N ≤ 4) and θ: N·F̃ = Σ + ∇R∇Rᵀ.",
            CurvatureInput.Over(CurvatureIdentity.AllLikelihoods, CurvatureIdentity.AllModels),
            CurvatureIdentity.Edges(CurvatureIdentity.AllLikelihoods, CurvatureIdentity.AllModels),
            c =>
            {
                var p = c.Problem();
                var t = c.ThetaVector;
                var g = p.RiskGradient(t);
                var lhs = p.Count * p.EmpiricalFisher(t);
                // Σ_n ‖g_n‖² is the size of the summed terms in both the centered and the non-central form.
                double scale = Enumerable.Range(0, p.Count).Sum(n => { var s = p.Score(n, t, p.Data.Labels[n]); return p.Count * p.Count * s.DotProduct(s); }) / p.Count;
                return new MatrixSides(lhs, p.GradientCovariance(t) + g.OuterProduct(g), scale + g.DotProduct(g));
            })]);
}
