using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles Prop. 7.2: ‖∇²R(θ) − G(θ)‖₂² ≤ r(θ)β (eq. 7.15 as written) and the unsquared reading the proof gives.</summary>
internal static class Prop72
{
    private const string NormBounds =
        "‖·‖₂ of a symmetric matrix is bounded from a fixed witness (the eigenvectors of a double estimate): the left side by the largest " +
        "|Rayleigh quotient| (never above ‖∇²R − G‖₂), β by (max|λ̃| + ‖VᵀAV − Λ̃‖)/(1 − ‖VᵀV − I‖) (never below ‖∇²f‖₂), so a certified " +
        "violation is one of the statement itself. ";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/prop-7.2",
            FisherSources.Of("Proposition 7.2, proof in App. D.2.2", "(7.15)", "7.3.4"),
            "If each f_n^(m) is β-smooth, then ‖∇²R(θ) − G(θ)‖₂² ≤ r(θ)β with r(θ) = Σ_n ‖∇_f log p(y_n|f(x_n, θ))‖₁.",
            "As written (squared norm). β must be a valid global smoothness constant, so the check uses models whose β is known exactly: "
            + "f(x, θ) = xᵀθ + (κ/2)‖θ‖² (∇²f = κI, β = |κ|) and the linear model (β = 0), with the scalar natural likelihoods. The two sides scale "
            + "differently (lhs quadratically, rhs linearly in the residuals), so no constant can make the squared form hold.",
            [new Squared()]);
        yield return new Claim(
            "balles/prop-7.2/unsquared",
            FisherSources.Of("Proposition 7.2, proof in App. D.2.2", "(7.15)", "7.3.4"),
            "‖∇²R(θ) − G(θ)‖₂ ≤ r(θ)β (the spectral norm not squared).",
            "What the proof (D.25)–(D.28) actually derives: ∇²R − G = Σ_{n,m} r_n^(m)∇²f_n^(m), each term bounded by |r_n^(m)|β. "
            + "Checked with the smallest β valid at θ, β = max_{n,m}‖∇²f_n^(m)(θ)‖₂ (any β-smooth model has at least this β, so this is the strongest instance), "
            + "over linear, curved-linear and tanh-MLP models and all four natural likelihoods. Note on the proof: the intermediate (D.27), bounded by |Σ_{n,m} r_n^(m)|β, "
            + "does not hold in general (r₁ = 1, r₂ = −1 with ∇²f₁ = I, ∇²f₂ = −I give ∇²R − G = 2I but |Σr|β = 0); (D.28)'s Σ|r_n^(m)| is what the bound needs.",
            [new Unsquared()]);
    }

    /// <summary>‖∇²R − G‖₂² ≤ r(θ)·β with β = |κ| (curved-linear) or 0 (linear).</summary>
    private sealed class Squared : Statement<CurvatureCase>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Squared()
        {
            Name = "squared";
            Description = "For f = xᵀθ + (κ/2)‖θ‖² (β = |κ|) or linear (β = 0), Gaussian/Bernoulli/Poisson likelihoods, N ≤ 4: ‖∇²R − G‖₂² ≤ r(θ)β.";
            Tolerance = NormBounds + "Double-precision allowance 1e-12 of the scale: ∇²R − G cancels terms of the size of the term scale S.";
            Domain = CurvatureCase.Domain(
                CurvatureCase.Pairs([LikelihoodFamily.GaussianIdentity, LikelihoodFamily.BernoulliLogit, LikelihoodFamily.PoissonLog], [ModelFamily.CurvedLinear, ModelFamily.Linear]),
                [
                    new CurvatureCase(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1, 2, [[0.0]], [-2.0], [0.0]),
                    new CurvatureCase(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1, 0.5, [[1.0], [-1.0]], [0.25, 0.5], [0.5]),
                ]);
            MarginUnit = "relative to ‖∇²R − G‖₂² + r(θ)β + S² (S the problem's term scale)";
        }

        public override Relation<T> Evaluate<T>(CurvatureCase input)
        {
            var problem = input.Problem<T>();
            Assume.That(problem.OutputsInDomain(), "an output f(x_n, θ) is outside the likelihood's domain");
            var gap = SpectralNormFormulas.LowerBound(problem.RiskHessian() - problem.GeneralizedGaussNewton());
            var beta = input.Model == ModelFamily.CurvedLinear ? T.Abs(problem.Kappa) : T.Of(0);
            var lhs = gap * gap;
            var rhs = problem.Residual() * beta;
            var s = problem.TermScale();
            return Relation.LessOrEqual(lhs, rhs, lhs + rhs + s * s, CurvatureIdentity.Allowance);
        }

        public override string Explain(CurvatureCase input) =>
            "∇²R − G = (Σ_n r_n)κI here, so the lhs is (Σ_n r_n)²κ² while the rhs is (Σ_n |r_n|)|κ|: once the residual-weighted curvature exceeds 1 " +
            "the square overtakes the product; (D.27)–(D.28) bound the norm itself, not its square.";
    }

    /// <summary>‖∇²R − G‖₂ ≤ r(θ)·max_{n,m}‖∇²f_n^(m)(θ)‖₂.</summary>
    private sealed class Unsquared : Statement<CurvatureCase>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Unsquared()
        {
            Name = "unsquared";
            Description = "For linear, curved-linear and tanh-MLP models, all natural likelihoods, N ≤ 4: ‖∇²R − G‖₂ ≤ r(θ)·max_{n,m}‖∇²f_n^(m)(θ)‖₂.";
            Tolerance = NormBounds + "Double-precision allowance 1e-12 of the scale: with one sample and one output the bound holds with equality, and " +
                        "∇²R − G cancels terms of the size of the term scale S.";
            Domain = CurvatureCase.Domain(CurvatureCase.Pairs(CurvatureCase.Natural, CurvatureCase.AllModels),
                [new CurvatureCase(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1, 2, [[0.0]], [-2.0], [0.0])]);
            MarginUnit = "relative to ‖∇²R − G‖₂ + r(θ)β + S (S the problem's term scale)";
        }

        public override Relation<T> Evaluate<T>(CurvatureCase input)
        {
            var problem = input.Problem<T>();
            Assume.That(problem.OutputsInDomain(), "an output f(x_n, θ) is outside the likelihood's domain");
            var lhs = SpectralNormFormulas.LowerBound(problem.RiskHessian() - problem.GeneralizedGaussNewton());
            T beta = T.Of(0);
            for (int n = 0; n < problem.Count; n++)
                foreach (var h in problem.Model(n).Hessians)
                    beta = T.Max(beta, SpectralNormFormulas.UpperBound(h));
            var rhs = problem.Residual() * beta;
            return Relation.LessOrEqual(lhs, rhs, lhs + rhs + problem.TermScale(), CurvatureIdentity.Allowance);
        }

        public override string Explain(CurvatureCase input) => "The spectral norm of ∇²R − G exceeds r(θ)β.";
    }
}
