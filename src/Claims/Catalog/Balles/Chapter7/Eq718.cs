using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Curvature;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>balles eq. (7.18): the EF of least squares is Σ_n r_n²∇f∇fᵀ, and it → 0 as the residuals → 0 while F does not.</summary>
internal static class Eq718
{
    private static readonly LikelihoodKind[] Gaussian = [LikelihoodKind.GaussianIdentity];

    internal static Claim Claim() => new(
        "balles/eq-7.18",
        FisherSources.Of("eq. (7.18) and the sentence after it", "(7.18)", "7.4.1"),
        "For least squares F̃(θ) = Σ_n r_n²∇_θf(x_n, θ)∇_θf(x_n, θ)ᵀ, which approaches zero as the residuals r_n = f(x_n, θ) − y_n become small (while F = Σ_n ∇f∇fᵀ does not).",
        "Two parts: the identity (all scalar models), and the limit as a sequence: labels y_n = f(x_n, θ) − ε·δ_n with ε = 10^−k, k = 0…8, so every residual is ε·δ_n.",
        [Identity(), new Limit()]);

    private static MatrixIdentity<CurvatureInput> Identity() => CurvatureIdentity.Build(
        "ef-of-least-squares",
        "For all scalar models, data (N ≤ 4) and θ: F̃ = Σ_n r_n²∇f_n∇f_nᵀ.",
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
                rhs += r * r * grad.OuterProduct(grad);
            }
            return new MatrixSides(p.EmpiricalFisher(t), rhs, CurvatureInput.TermScale(p, t));
        });

    /// <summary>
    /// ‖F̃‖_F/‖F‖_F along ε_k = 10^−k with residuals ε_k·δ_n (δ_n ≠ 0 from the input's labels): holds when the ratio falls by a
    /// factor ≥ 50 per step (it is exactly ∝ ε², a factor 100) and ends below 1e-12 while ‖F‖ stays fixed.
    /// </summary>
    private sealed class Limit : Formalization<CurvatureInput>
    {
        private const int Terms = 9;

        public override string Name { get; init; } = "ef-vanishes-with-residuals";

        public override string Description { get; init; } =
            "For all scalar models, x_n, θ and residual directions δ ≠ 0: with y_n = f(x_n, θ) − 10^−k·δ_n, k = 0…8, ‖F̃‖_F/‖F‖_F falls ≥ 50× per step and ends < 1e-12.";

        public override string Tolerance { get; init; } = "Ratio trend: the exact factor per step is 100 (F̃ ∝ ε²); 50 leaves room for rounding in the labels y_n = f_n − ε·δ_n.";

        public override Gen<CurvatureInput> Generator { get; init; } = CurvatureInput.Over(Gaussian, CurvatureIdentity.AllModels);

        public override IEnumerable<CurvatureInput> EdgeCases => CurvatureIdentity.Edges(Gaussian, CurvatureIdentity.AllModels);

        public override CurvatureInput Perturb(CurvatureInput input, System.Random random) => input.Perturb(random);

        private static double[] Ratios(CurvatureInput c)
        {
            var p = c.Problem();
            var t = c.ThetaVector;
            var f = Enumerable.Range(0, p.Count).Select(n => p.Output(n, t)[0]).ToArray();
            var delta = c.Y.Select(y => y == 0 ? 1.0 : y).ToArray();
            var ratios = new double[Terms];
            for (int k = 0; k < Terms; k++)
            {
                double eps = System.Math.Pow(10, -k);
                var labels = f.Select((fn, n) => fn - eps * delta[n]).ToArray();
                var q = new LikelihoodProblem(p.Model, p.Likelihood, new Dataset(p.Data.Inputs, labels));
                ratios[k] = q.EmpiricalFisher(t).FrobeniusNorm() / q.Fisher(t).FrobeniusNorm();
            }
            return ratios;
        }

        public override Outcome Evaluate(CurvatureInput c)
        {
            if (c.Domain() is { } reason)
                return Outcome.Reject(reason);
            var p = c.Problem();
            if (p.Fisher(c.ThetaVector).FrobeniusNorm() == 0)
                return Outcome.Reject("F = 0 at θ (every ∇f_n = 0): the ratio is undefined");
            var r = Ratios(c);
            double worstStep = r.Zip(r.Skip(1), (a, b) => b / a).Max();
            if (worstStep > 1.0 / 50)
                return new Outcome(OutcomeKind.Violated, worstStep * 50 - 1, worstStep, 1.0 / 50, "a step shrank ‖F̃‖/‖F‖ by less than 50×");
            return Outcome.LessOrEqual(r[^1], 1e-12, 1e-12);
        }

        public override Certificate Certify(CurvatureInput input) =>
            Certificate.Unknown("none", "a failed trend is not certified exactly (the ratios involve the model's transcendental functions)");

        public override IReadOnlyList<NamedValue> Describe(CurvatureInput input) => [.. input.Describe(), NamedValue.Of("ratio_k", Ratios(input))];
    }
}
