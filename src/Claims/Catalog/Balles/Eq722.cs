using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (7.22): N·F̃(θ) = Σ(θ) + ∇R(θ)∇R(θ)ᵀ with Σ = Cov[g], g = −N∇log p(y_n|x_n), n uniform.</summary>
internal static class Eq722
{
    internal static Claim Claim() => new(
        "balles/eq-7.22",
        FisherSources.Of("eq. (7.22)", "(7.22)", "7.5"),
        "N·F̃(θ) = Σ(θ) + ∇R(θ)∇R(θ)ᵀ, Σ(θ) := Cov[g(θ)] for the stochastic gradient g(θ) = −N∇_θ log p_θ(y_n|x_n), n uniform on [N].",
        "Σ is computed as the centered second moment (1/N)Σ_n (g_n − ∇R)(g_n − ∇R)ᵀ (E[g] = ∇R), not through the identity; the scores s_n by " +
        "forward mode on each log p(y_n|f(x_n, θ)); all likelihoods and models.",
        [new NoncentralMoment()]);

    /// <summary>N·F̃ = Σ + ∇R∇Rᵀ.</summary>
    private sealed class NoncentralMoment : CurvatureIdentity
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public NoncentralMoment()
        {
            Name = "noncentral-moment";
            Tolerance = ToleranceText;
            Description = "For all likelihoods, models, data (N ≤ 4) and θ: N·F̃ = Σ + ∇R∇Rᵀ.";
            Domain = CurvatureCase.Domain(CurvatureCase.Pairs(CurvatureCase.AllLikelihoods, CurvatureCase.AllModels));
            MarginUnit = "relative to N·Σ_n‖s_n‖² + ‖∇R‖² (the size of the summed outer products, both forms)";
        }

        protected override (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem)
        {
            int count = problem.Count;
            var scores = Enumerable.Range(0, count).Select(problem.Score).ToArray();
            var gradient = new T[problem.Dimension];
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] = -scores[0][i];
                for (int n = 1; n < count; n++)
                    gradient[i] -= scores[n][i];
            }
            var lhs = CurvatureProblem<T>.Zero(problem.Dimension);
            var covariance = CurvatureProblem<T>.Zero(problem.Dimension);
            foreach (var s in scores)
            {
                lhs += CurvatureProblem<T>.Outer(s, s);
                var centered = s.Select((v, i) => -count * v - gradient[i]).ToArray();
                covariance += CurvatureProblem<T>.Outer(centered, centered);
            }
            return (T.Of(count) * lhs, T.Ratio(1, count) * covariance + CurvatureProblem<T>.Outer(gradient, gradient));
        }

        protected override T Scale<T>(CurvatureProblem<T> problem)
        {
            T total = T.Of(0);
            var gradient = new T[problem.Dimension];
            for (int i = 0; i < gradient.Length; i++)
                gradient[i] = T.Of(0);
            for (int n = 0; n < problem.Count; n++)
            {
                var s = problem.Score(n);
                total += problem.Count * RealVector.Dot(s, s);
                for (int i = 0; i < s.Length; i++)
                    gradient[i] -= s[i];
            }
            return T.Max(total + RealVector.Dot(gradient, gradient), T.Of(double.Epsilon));
        }

        public override string Explain(CurvatureCase input) => "N times the empirical Fisher differs from the gradient covariance plus ∇R∇Rᵀ.";
    }
}
