using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles Prop. 7.1 (eq. 7.14): F(θ) = G(θ) for exponential families in natural parameters; and the non-natural control.</summary>
internal static class Prop71
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/prop-7.1",
            FisherSources.Of("Proposition 7.1, proof in App. D.2.1", "(7.14)", "7.3.4"),
            "If p(y|f) is an exponential family with natural parameters f, then F(θ) = G(θ) = −Σ_n J_θf(x_n, θ)ᵀ∇²_f log p(y_n|f(x_n, θ))J_θf(x_n, θ) for the split (7.13).",
            "As written: F is the exact expectation over the model's y (eq. 7.2), G uses the training labels y_n (eq. 7.14); Gaussian with identity link, "
            + "Bernoulli with logit, categorical with softmax logits and Poisson with log rate, over linear, curved-linear and tanh-MLP models.",
            [new FisherEqualsGgn(CurvatureCase.Natural, "natural")]);
        yield return new Claim(
            "balles/prop-7.1/non-natural-control",
            FisherSources.Of("Proposition 7.1 (hypothesis dropped)", "(7.14)", "7.3.4"),
            "The same equality F(θ) = G(θ) for likelihoods whose parameter f is NOT natural: Bernoulli parameterized by the probability q, and a Gaussian with learned variance f = (μ, σ²).",
            "A control, not a claim of the thesis: it tests the hypothesis from the other side. The proof's last step needs ∇²_f log p to be independent of y, "
            + "which fails here, so a refutation is what makes the natural-parameter assumption necessary rather than decorative.",
            [new FisherEqualsGgn(CurvatureCase.Controls, "non-natural")]) { Reading = Reading.Control };
    }

    /// <summary>Σ_n E_y[s_n(y)s_n(y)ᵀ] = −Σ_n J_nᵀ∇²_f log p(y_n|f_n)J_n.</summary>
    private sealed class FisherEqualsGgn : CurvatureIdentity
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public FisherEqualsGgn(LikelihoodFamily[] likelihoods, string name)
        {
            Name = "fisher-equals-ggn-" + name;
            Tolerance = ToleranceText;
            Description = $"For all {name} likelihoods, models, data (N ≤ 4) and θ: Σ_n E_y[s_n(y)s_n(y)ᵀ] = −Σ_n J_nᵀ∇²_f log p(y_n|f_n)J_n.";
            var pairs = CurvatureCase.Pairs(likelihoods, CurvatureCase.AllModels);
            // Edge cases with the linear model first: there every quantity is rational (or a single √), the cheapest exact check.
            Domain = CurvatureCase.Domain([.. pairs.OrderBy(p => p.Item2 == ModelFamily.Linear ? 0 : 1)]);
        }

        protected override (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem) =>
            (problem.Fisher(), problem.GeneralizedGaussNewton());

        public override string Explain(CurvatureCase input) => input.Likelihood switch
        {
            LikelihoodFamily.BernoulliProbability =>
                "With f = q the probability, −∇²_f log p(y|q) is y/q² + (1−y)/(1−q)², which depends on the label, so the GGN at the training labels differs from its expectation 1/(q(1−q)), the Fisher: step (D.23)→(D.24) of the proof needs natural parameters.",
            LikelihoodFamily.GaussianMeanVariance =>
                "With f = (μ, σ²), −∇²_f log p depends on the residual y − μ, so the GGN at the training labels differs from the Fisher diag(1/v, 1/(2v²)): step (D.23)→(D.24) needs natural parameters.",
            _ => "F and G differ for this natural-parameter likelihood.",
        };
    }
}
