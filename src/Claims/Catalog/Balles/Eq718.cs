using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (7.18): the EF of least squares is Σ_n r_n²∇f∇fᵀ, and it → 0 as the residuals → 0 while F does not.</summary>
internal static class Eq718
{
    private static readonly (LikelihoodFamily, ModelFamily)[] Gaussian = CurvatureCase.Pairs([LikelihoodFamily.GaussianIdentity], CurvatureCase.AllModels);

    internal static Claim Claim() => new(
        "balles/eq-7.18",
        FisherSources.Of("eq. (7.18) and the sentence after it", "(7.18)", "7.4.1"),
        "For least squares F̃(θ) = Σ_n r_n²∇_θf(x_n, θ)∇_θf(x_n, θ)ᵀ, which approaches zero as the residuals r_n = f(x_n, θ) − y_n become small (while F = Σ_n ∇f∇fᵀ does not).",
        "Two parts: the identity (all scalar models; F̃ from the scores by forward mode on log p, the right side from the model's gradient), and the limit " +
        "as a sequence: labels y_n = f(x_n, θ) − ε·δ_n with residual directions δ_n ≠ 0 (the input's labels) and ε = 10^−2k, k = 0…4, so every residual " +
        "is ε·δ_n. Since F̃ = ε²Σ_n δ_n²∇f∇fᵀ by the identity, \"approaches zero\" is checked in its sharp form ‖F̃‖²_F/‖F‖²_F = Θ(ε⁴) with F ≠ 0 fixed.",
        [new Identity(), new Vanishes()]);

    /// <summary>F̃ = Σ_n r_n²∇f_n∇f_nᵀ.</summary>
    private sealed class Identity : CurvatureIdentity
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Identity()
        {
            Name = "ef-of-least-squares";
            Tolerance = ToleranceText;
            Description = "For all scalar models, data (N ≤ 4) and θ: F̃ = Σ_n r_n²∇f_n∇f_nᵀ.";
            Domain = CurvatureCase.Domain(Gaussian);
        }

        protected override (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem)
        {
            var rhs = CurvatureProblem<T>.Zero(problem.Dimension);
            for (int n = 0; n < problem.Count; n++)
            {
                var model = problem.Model(n);
                var grad = model.Jacobian.Row(0);
                var r = model.Value[0] - problem.Labels[n][0];
                rhs += (r * r) * CurvatureProblem<T>.Outer(grad, grad);
            }
            return (problem.EmpiricalFisher(), rhs);
        }

        public override string Explain(CurvatureCase input) => "The empirical Fisher of least squares differs from Σ r_n²∇f∇fᵀ.";
    }

    /// <summary>r(ε) = (‖F̃(ε)‖²_F/‖F‖²_F)/ε⁴ is Θ(1) along ε = 10^−2k.</summary>
    private sealed class Vanishes : TrendStatement<CurvatureCase>
    {
        private static readonly double[] Epsilons = [1, 1e-2, 1e-4, 1e-6, 1e-8];

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Vanishes()
        {
            Name = "ef-vanishes-with-residuals";
            Description = "For all scalar models, x_n, θ and residual directions δ ≠ 0: with y_n = f(x_n, θ) − ε·δ_n, ‖F̃‖²_F/‖F‖²_F = Θ(ε⁴) " +
                          "along ε = 1, 1e-2, …, 1e-8 (so F̃ → 0 while F ≠ 0 stays fixed).";
            Tolerance = "Trend rule of the engine: refuted when the ratio (‖F̃‖²_F/‖F‖²_F)/ε⁴ is 0 at every term or drifts by a factor 10⁶ between " +
                        "the first and the last ε; holds when its last three values agree within 1e-3 (relative). The exact ratio is constant in ε; " +
                        "in doubles the labels f − εδ round at 1e-16·|f|, i.e. a relative 1e-8 of the residual at ε = 1e-8.";
            Domain = new Domain<CurvatureCase>
            {
                Generator = CurvatureCase.Over(Gaussian).Select(c => c with { Y = c.Y.Select(y => y == 0 ? 1.0 : y).ToArray() }),
                Edges = () => CurvatureCase.Edges(Gaussian),
                Perturb = (c, r) => c.Move(r),
                Shrink = c => c.Shrink(),
                Describe = c => c.Describe(),
            };
            MarginUnit = "relative to the larger of the two ratios compared";
        }

        protected override IReadOnlyList<double> Sequence(CurvatureCase input) => Epsilons;

        protected override T Ratio<T>(CurvatureCase input, T t)
        {
            var problem = input.Problem<T>();
            var delta = new T[problem.Count];
            for (int n = 0; n < problem.Count; n++)
                delta[n] = Assume.NonZero(problem.Labels[n][0], "a residual direction δ_n is 0");
            var labels = Enumerable.Range(0, problem.Count).Select(n => new[] { problem.Output(n)[0] - t * delta[n] }).ToArray();
            var shifted = new CurvatureProblem<T>(problem.Shape, problem.Kappa, problem.Inputs, labels, problem.Theta);
            var fisher = Assume.Positive(SquaredFrobenius(shifted.Fisher()), "F = 0 at θ (every ∇f_n = 0): the ratio is undefined");
            var t2 = t * t;
            return SquaredFrobenius(shifted.EmpiricalFisher()) / fisher / (t2 * t2);
        }

        private static T SquaredFrobenius<T>(RealMatrix<T> a) where T : IReal<T>
        {
            T s = T.Of(0);
            for (int i = 0; i < a.Rows; i++)
                for (int j = 0; j < a.Columns; j++)
                    s += T.Abs(a[i, j]) * T.Abs(a[i, j]);
            return s;
        }

        public override string Explain(CurvatureCase input) => "‖F̃‖ does not shrink like ε² as the residuals ε·δ_n shrink.";
    }
}
