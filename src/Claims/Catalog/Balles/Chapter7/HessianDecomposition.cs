using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Model;
using Verification.Math.Curvature;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>
/// The chain-rule decompositions of the Hessian: eq. (7.8) (least squares), eq. (7.9) (any split), eq. (7.12) (the identity
/// split) and eq. (D.18) (a linear inner function). The reference Hessian is hyper-dual forward mode on the composed R,
/// which never sees the split.
/// </summary>
internal static class HessianDecomposition
{
    private static readonly LikelihoodKind[] Gaussian = [LikelihoodKind.GaussianIdentity];

    internal static Claim Eq78() => new(
        "balles/eq-7.8",
        FisherSources.Of("eq. (7.8)", "(7.8)", "7.3.3"),
        "For R(θ) = ½Σ_n (f(x_n, θ) − y_n)²: ∇²R(θ) = Σ_n ∇_θf∇_θfᵀ + Σ_n r_n∇²_θf with r_n = f(x_n, θ) − y_n.",
        "As written, scalar f (the Gaussian likelihood with unit variance is R up to a constant), over linear, curved-linear and tanh-MLP models.",
        [CurvatureIdentity.Build(
            "gauss-newton-plus-residual",
            "For all scalar models, data (N ≤ 4) and θ: ∇²R = Σ_n ∇f_n∇f_nᵀ + Σ_n (f_n − y_n)∇²f_n.",
            CurvatureInput.Over(Gaussian, CurvatureIdentity.AllModels),
            CurvatureIdentity.Edges(Gaussian, CurvatureIdentity.AllModels),
            c =>
            {
                var p = c.Problem();
                var t = c.ThetaVector;
                var rhs = Matrix<double>.Build.Dense(p.Dimension, p.Dimension);
                for (int n = 0; n < p.Count; n++)
                {
                    var grad = p.Jacobian(n, t).Row(0);
                    double r = p.Output(n, t)[0] - p.Data.Labels[n];
                    rhs += grad.OuterProduct(grad) + r * p.Model.OutputHessian(p.Data.Inputs[n], t, 0);
                }
                return new MatrixSides(p.HessianForward(t), rhs, CurvatureInput.TermScale(p, t));
            })]);

    internal static Claim Eq79() => new(
        "balles/eq-7.9",
        FisherSources.Of("eq. (7.9)", "(7.9)", "7.3.3"),
        "For R(θ) = Σ_n a_n(b_n(θ)): ∇²R = Σ_n J_θb_nᵀ∇²_b a_n J_θb_n + Σ_{n,m}[∇_b a_n]_m∇²_θb_n^(m).",
        "For every split the chapter uses: canonical (7.13), identity (7.12) and empirical-Fisher (7.17), each a formalization, over all likelihoods and models.",
        [Split("canonical", Splits.Canonical), Split("identity", Splits.Identity), Split("empirical-fisher", Splits.EmpiricalFisher)]);

    private static MatrixIdentity<CurvatureInput> Split(string name, Func<LikelihoodProblem, ISplit> split) => CurvatureIdentity.Build(
        name + "-split",
        $"For all likelihoods, models, data (N ≤ 4) and θ, with the {name} split: ∇²R = G + Σ_{{n,m}}[∇_b a_n]_m∇²b_n^(m).",
        CurvatureInput.Over(CurvatureIdentity.AllLikelihoods, CurvatureIdentity.AllModels),
        CurvatureIdentity.Edges(CurvatureIdentity.AllLikelihoods, CurvatureIdentity.AllModels),
        c =>
        {
            var p = c.Problem();
            var t = c.ThetaVector;
            var s = split(p);
            return new MatrixSides(p.HessianForward(t), Splits.GeneralizedGaussNewton(s, t) + Splits.ResidualTerm(s, t), SplitScale(p, s, t));
        });

    /// <summary>Term magnitude for a split: Σ_n ‖J_b‖_F²‖∇²a‖_F + ‖∇a‖₁ max_m‖∇²b^(m)‖_F, plus the model's term scale.</summary>
    private static double SplitScale(LikelihoodProblem p, ISplit s, Vector<double> t)
    {
        double total = CurvatureInput.TermScale(p, t);
        for (int n = 0; n < p.Count; n++)
        {
            double j = s.InnerJacobian(n, t).FrobeniusNorm();
            total += j * j * s.OuterHessian(n, t).FrobeniusNorm()
                + s.OuterGradient(n, t).L1Norm() * s.InnerHessians(n, t).Select(h => h.FrobeniusNorm()).DefaultIfEmpty(0).Max();
        }
        return total;
    }

    internal static Claim Eq712() => new(
        "balles/eq-7.12",
        FisherSources.Of("eq. (7.12)", "(7.12)", "7.3.3"),
        "With the split a_n(b) = ℓ_n(b), b_n(θ) = θ, the GGN equals the Hessian.",
        "The statement for any loss, not only least squares: G of the identity split (Σ_n ∇²ℓ_n, per-sample Hessians by the chain rule) against ∇²R by forward mode, all likelihoods and models.",
        [CurvatureIdentity.Build(
            "identity-split",
            "For all likelihoods, models, data (N ≤ 4) and θ: G_identity(θ) = ∇²R(θ).",
            CurvatureInput.Over(CurvatureIdentity.AllLikelihoods, CurvatureIdentity.AllModels),
            CurvatureIdentity.Edges(CurvatureIdentity.AllLikelihoods, CurvatureIdentity.AllModels),
            c =>
            {
                var p = c.Problem();
                var t = c.ThetaVector;
                return new MatrixSides(Splits.GeneralizedGaussNewton(Splits.Identity(p), t), p.HessianForward(t), CurvatureInput.TermScale(p, t));
            })]);

    internal static Claim EqD18() => new(
        "balles/eq-D.18",
        FisherSources.Of("eq. (D.18)", "(D.18)", "D.1.3"),
        "If b_n is linear, ∇²R(θ) equals the GGN Σ_n J_θb_nᵀ∇²_b a_n J_θb_n (the residual term vanishes since ∇²_θb_n^(m) = 0).",
        "The canonical split with the linear model f = Wx̃ (b_n linear in θ), every likelihood including the controls.",
        [CurvatureIdentity.Build(
            "linear-inner",
            "For the linear model, all likelihoods, data (N ≤ 4) and θ: ∇²R(θ) = G(θ) of the canonical split.",
            CurvatureInput.Over(CurvatureIdentity.AllLikelihoods, [ModelKind.Linear]),
            CurvatureIdentity.Edges(CurvatureIdentity.AllLikelihoods, [ModelKind.Linear]),
            c =>
            {
                var p = c.Problem();
                var t = c.ThetaVector;
                return new MatrixSides(p.HessianForward(t), Splits.GeneralizedGaussNewton(Splits.Canonical(p), t), CurvatureInput.TermScale(p, t));
            })]);
}
