using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (7.8): for least squares, ∇²R = Σ_n ∇f∇fᵀ + Σ_n r_n∇²f.</summary>
internal static class Eq78
{
    internal static Claim Claim() => new(
        "balles/eq-7.8",
        FisherSources.Of("eq. (7.8)", "(7.8)", "7.3.3"),
        "For R(θ) = ½Σ_n (f(x_n, θ) − y_n)²: ∇²R(θ) = Σ_n ∇_θf∇_θfᵀ + Σ_n r_n∇²_θf with r_n = f(x_n, θ) − y_n.",
        "As written, scalar f, over linear, curved-linear and tanh-MLP models: ∇²R by forward mode on the composed R (which never sees " +
        "the decomposition), the right side from the model's forward-mode gradient and Hessian and the residuals r_n.",
        [new GaussNewtonPlusResidual()]);

    /// <summary>∇²R = Σ_n ∇f_n∇f_nᵀ + Σ_n (f_n − y_n)∇²f_n.</summary>
    private sealed class GaussNewtonPlusResidual : CurvatureIdentity
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public GaussNewtonPlusResidual()
        {
            Name = "gauss-newton-plus-residual";
            Tolerance = ToleranceText;
            Description = "For all scalar models, data (N ≤ 4) and θ: ∇²R = Σ_n ∇f_n∇f_nᵀ + Σ_n (f_n − y_n)∇²f_n.";
            Domain = CurvatureCase.Domain(CurvatureCase.Pairs([LikelihoodFamily.GaussianIdentity], CurvatureCase.AllModels));
        }

        protected override (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem)
        {
            // R = −Σ log N(y_n; f_n, 1) without its constant is exactly ½Σ(f_n − y_n)².
            var rhs = CurvatureProblem<T>.Zero(problem.Dimension);
            for (int n = 0; n < problem.Count; n++)
            {
                var model = problem.Model(n);
                var grad = model.Jacobian.Row(0);
                var r = model.Value[0] - problem.Labels[n][0];
                rhs += CurvatureProblem<T>.Outer(grad, grad) + r * model.Hessians[0];
            }
            return (problem.RiskHessian(), rhs);
        }

        public override string Explain(CurvatureCase input) => "The Hessian of the least-squares objective differs from the Gauss-Newton matrix plus the residual term.";
    }
}
