using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>balles Prop. 7.2: ‖∇²R(θ) − G(θ)‖₂² ≤ r(θ)β (eq. 7.15 as written) and the unsquared reading the proof gives.</summary>
internal static class Prop72
{
    private static readonly LikelihoodKind[] Scalar = [LikelihoodKind.GaussianIdentity, LikelihoodKind.BernoulliLogit, LikelihoodKind.PoissonLog];

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/prop-7.2",
            FisherSources.Of("Proposition 7.2, proof in App. D.2.2", "(7.15)", "7.3.4"),
            "If each f_n^(m) is β-smooth, then ‖∇²R(θ) − G(θ)‖₂² ≤ r(θ)β with r(θ) = Σ_n ‖∇_f log p(y_n|f(x_n, θ))‖₁.",
            "As written (squared norm). β must be a valid global smoothness constant, so the check uses models whose β is known exactly: "
            + "f(x, θ) = xᵀθ + (κ/2)‖θ‖² (∇²f = κI, β = |κ|) and the linear model (β = 0). The two sides scale differently "
            + "(lhs quadratically, rhs linearly in the residuals), so no constant can make the squared form hold.",
            [Squared()]);
        yield return new Claim(
            "balles/prop-7.2/unsquared",
            FisherSources.Of("Proposition 7.2, proof in App. D.2.2", "(7.15)", "7.3.4"),
            "‖∇²R(θ) − G(θ)‖₂ ≤ r(θ)β (the spectral norm not squared).",
            "What the proof (D.25)–(D.28) actually derives: ∇²R − G = Σ_{n,m} r_n^(m)∇²f_n^(m), each term bounded by |r_n^(m)|β. "
            + "Checked with the smallest β valid at θ, β = max_{n,m}‖∇²f_n^(m)(θ)‖₂ (any β-smooth model has at least this β, so this is the strongest instance), "
            + "over linear, curved-linear and tanh-MLP models and all four natural likelihoods. Note on the proof: the intermediate (D.27), bounded by |Σ_{n,m} r_n^(m)|β, "
            + "does not hold in general (r₁ = 1, r₂ = −1 with ∇²f₁ = I, ∇²f₂ = −I give ∇²R − G = 2I but |Σr|β = 0); (D.28)'s Σ|r_n^(m)| is what the bound needs.",
            [Unsquared()]);
    }

    /// <summary>‖∇²R − G‖₂ with ∇²R by hyper-dual forward mode and G of the canonical split (7.13).</summary>
    private static double Gap(CurvatureInput c)
    {
        var p = c.Problem();
        var t = c.ThetaVector;
        return (p.HessianForward(t) - p.GeneralizedGaussNewton(t)).L2Norm();
    }

    private static double Residual(CurvatureInput c)
    {
        var p = c.Problem();
        var t = c.ThetaVector;
        return Enumerable.Range(0, p.Count).Sum(n => p.Likelihood.Gradient(p.Data.Labels[n], p.Output(n, t)).L1Norm());
    }

    private static double Beta(CurvatureInput c)
    {
        if (c.Model == ModelKind.CurvedLinear)
            return System.Math.Abs(c.Curvature);
        var p = c.Problem();
        var t = c.ThetaVector;
        double beta = 0;
        for (int n = 0; n < p.Count; n++)
            for (int m = 0; m < p.Model.OutputDimension; m++)
                beta = System.Math.Max(beta, p.Model.OutputHessian(p.Data.Inputs[n], t, m).L2Norm());
        return beta;
    }

    /// <summary>Exact sides for the curved-linear model with a Gaussian: ∇²R − G = (Σ_n (f_n − y_n))κI, r = Σ_n |f_n − y_n|, β = |κ|.</summary>
    private static (RationalInterval Gap, RationalInterval Rhs) ExactGaussianCurved(CurvatureInput c)
    {
        if (c.Model != ModelKind.CurvedLinear || c.Likelihood != LikelihoodKind.GaussianIdentity)
            throw new ArgumentException("exact sides exist only for the curved-linear model with the Gaussian likelihood.", nameof(c));
        var kappa = ExactDouble.ToFraction(c.Curvature);
        var theta = c.Theta.Select(ExactDouble.ToFraction).ToArray();
        var sq = theta.Aggregate(Fraction.Zero, (s, t) => s + t * t);
        Fraction sum = Fraction.Zero, abs = Fraction.Zero;
        for (int n = 0; n < c.Y.Length; n++)
        {
            var f = c.X[n].Select(ExactDouble.ToFraction).Zip(theta, (x, t) => x * t).Aggregate(Fraction.Zero, (s, v) => s + v) + kappa / 2 * sq;
            var r = f - ExactDouble.ToFraction(c.Y[n]);
            sum += r;
            abs += Fraction.Abs(r);
        }
        return (RationalInterval.Exact(Fraction.Abs(sum * kappa)), RationalInterval.Exact(abs * Fraction.Abs(kappa)));
    }

    private static Inequality<CurvatureInput> Squared() => new()
    {
        Name = "squared",
        Description = "For f = xᵀθ + (κ/2)‖θ‖² (β = |κ|) or linear (β = 0), Gaussian/Bernoulli/Poisson likelihoods, N ≤ 4: ‖∇²R − G‖₂² ≤ r(θ)β.",
        Tolerance = "None in double precision; exact rational arithmetic decides (Gaussian likelihood; other likelihoods involve exp and stay uncertified).",
        Generator = CurvatureInput.Over(Scalar, [ModelKind.CurvedLinear, ModelKind.Linear]),
        Edges = () =>
        [
            new CurvatureInput(ModelKind.CurvedLinear, LikelihoodKind.GaussianIdentity, 1, 2, [[0.0]], [-2.0], [0.0]),
            new CurvatureInput(ModelKind.CurvedLinear, LikelihoodKind.GaussianIdentity, 1, 0.5, [[1.0], [-1.0]], [0.25, 0.5], [0.5]),
            .. CurvatureIdentity.Edges(Scalar, [ModelKind.CurvedLinear, ModelKind.Linear]),
        ],
        Hypotheses = c => c.Domain(),
        Sides = c =>
        {
            double gap = Gap(c);
            double rhs = Residual(c) * Beta(c);
            return new Sides(gap * gap, rhs, System.Math.Max(1, rhs));
        },
        ExactSides = (c, _) =>
        {
            var (gap, rhs) = ExactGaussianCurved(c);
            return new ExactSides(gap * gap, rhs);
        },
        Move = (c, r) => c.Perturb(r),
        Show = c => c.Describe(),
        Why = c => "∇²R − G = (Σ_n r_n)κI here, so the lhs is (Σ_n r_n)²κ² while the rhs is (Σ_n |r_n|)|κ|: once the residual-weighted curvature exceeds 1 the square overtakes the product; (D.27)–(D.28) bound the norm itself, not its square.",
    };

    /// <summary>Relative slack of the unsquared comparison in double (both sides are short sums of exactly computed terms).</summary>
    private const double Slack = 1e-10;

    private static Inequality<CurvatureInput> Unsquared() => new()
    {
        Name = "unsquared",
        Description = "For linear, curved-linear and tanh-MLP models, all natural likelihoods, N ≤ 4: ‖∇²R − G‖₂ ≤ r(θ)·max_{n,m}‖∇²f_n^(m)(θ)‖₂.",
        Tolerance = "In double the rhs gets a relative slack of 1e-10 of max(lhs, rhs, the magnitude of the summed Hessian terms), since with one sample and one output the bound is attained with equality; exact arithmetic decides where available (curved-linear with a Gaussian).",
        Generator = CurvatureInput.Over(CurvatureInput.Natural, CurvatureIdentity.AllModels),
        Edges = () =>
        [
            new CurvatureInput(ModelKind.CurvedLinear, LikelihoodKind.GaussianIdentity, 1, 2, [[0.0]], [-2.0], [0.0]),
            .. CurvatureIdentity.Edges(CurvatureInput.Natural, CurvatureIdentity.AllModels),
        ],
        Hypotheses = c => c.Domain(),
        Sides = c =>
        {
            double gap = Gap(c);
            double rhs = Residual(c) * Beta(c);
            double scale = System.Math.Max(System.Math.Max(gap, rhs), CurvatureInput.TermScale(c.Problem(), c.ThetaVector));
            return new Sides(gap, rhs + Slack * scale, scale);
        },
        ExactSides = (c, _) =>
        {
            var (gap, rhs) = ExactGaussianCurved(c);
            return new ExactSides(gap, rhs);
        },
        Move = (c, r) => c.Perturb(r),
        Show = c => c.Describe(),
        Why = _ => "The spectral norm of ∇²R − G exceeds r(θ)β.",
    };
}
