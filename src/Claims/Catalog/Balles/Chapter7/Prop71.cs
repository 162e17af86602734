using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter7;

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
            [Identity(CurvatureInput.Natural, "natural")]);
        yield return new Claim(
            "balles/prop-7.1/non-natural-control",
            FisherSources.Of("Proposition 7.1 (hypothesis dropped)", "(7.14)", "7.3.4"),
            "The same equality F(θ) = G(θ) for likelihoods whose parameter f is NOT natural: Bernoulli parameterized by the probability q, and a Gaussian with learned variance f = (μ, σ²).",
            "A control that tests the hypothesis from the other side: the proof's last step needs ∇²_f log p to be independent of y, which fails here, "
            + "so a refutation is what makes the natural-parameter assumption necessary rather than decorative. Certified exactly for the linear model (all quantities rational; the Gaussian Fisher in closed form diag(1/v, 1/(2v²))).",
            [Identity(CurvatureInput.Controls, "non-natural")]);
    }

    private static MatrixIdentity<CurvatureInput> Identity(LikelihoodKind[] likelihoods, string name)
    {
        var models = CurvatureIdentity.AllModels.Where(m => m != ModelKind.CurvedLinear || likelihoods == CurvatureInput.Natural).ToArray();
        return CurvatureIdentity.Build(
            "fisher-equals-ggn-" + name,
            $"For all {name} likelihoods, models, data (N ≤ 4) and θ: Σ_n E_y[s_n(y)s_n(y)ᵀ] = −Σ_n J_nᵀ∇²_f log p(y_n|f_n)J_n.",
            CurvatureInput.Over(likelihoods, models),
            CurvatureIdentity.Edges(likelihoods, [ModelKind.Linear, .. models.Where(m => m != ModelKind.Linear)]),
            c =>
            {
                var p = c.Problem();
                var t = c.ThetaVector;
                return new MatrixSides(p.Fisher(t), p.GeneralizedGaussNewton(t), CurvatureInput.TermScale(p, t) + p.FisherTailBound(t) / CurvatureIdentity.RelativeTolerance);
            },
            ExactControl,
            c => c.Likelihood == LikelihoodKind.BernoulliProbability
                ? "With f = q the probability, −∇²_f log p(y|q) is y/q² + (1−y)/(1−q)², which depends on the label, so the GGN at the training labels differs from its expectation 1/(q(1−q)), the Fisher: step (D.23)→(D.24) of the proof needs natural parameters."
                : c.Likelihood == LikelihoodKind.GaussianMeanVariance
                    ? "With f = (μ, σ²), −∇²_f log p depends on the residual y − μ, so the GGN at the training labels differs from the Fisher diag(1/v, 1/(2v²)): step (D.23)→(D.24) needs natural parameters."
                    : "F and G differ for this natural-parameter likelihood.");
    }

    /// <summary>Exact F and G for the linear model under the two controls (rational in rational inputs); null otherwise.</summary>
    private static (RationalInterval[,], RationalInterval[,])? ExactControl(CurvatureInput c)
    {
        if (c.Model != ModelKind.Linear || !CurvatureInput.Controls.Contains(c.Likelihood))
            return null;
        int d = c.Theta.Length;
        var fisher = new Fraction[d, d];
        var ggn = new Fraction[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                fisher[i, j] = ggn[i, j] = Fraction.Zero;
        int width = c.X[0].Length + 1;
        for (int n = 0; n < c.Y.Length; n++)
        {
            var xt = c.X[n].Select(ExactDouble.ToFraction).Append(Fraction.One).ToArray();
            int outputs = c.Likelihood == LikelihoodKind.BernoulliProbability ? 1 : 2;
            var f = new Fraction[outputs];
            for (int m = 0; m < outputs; m++)
            {
                f[m] = Fraction.Zero;
                for (int k = 0; k < width; k++)
                    f[m] += ExactDouble.ToFraction(c.Theta[m * width + k]) * xt[k];
            }
            // Output-space Fisher and −∇²_f log p(y_n|f).
            Fraction[,] fo, go;
            var y = ExactDouble.ToFraction(c.Y[n]);
            if (c.Likelihood == LikelihoodKind.BernoulliProbability)
            {
                var q = f[0];
                fo = new[,] { { Fraction.One / (q * (Fraction.One - q)) } };
                go = new[,] { { y / (q * q) + (Fraction.One - y) / ((Fraction.One - q) * (Fraction.One - q)) } };
            }
            else
            {
                var v = f[1];
                var r = y - f[0];
                fo = new[,] { { Fraction.One / v, Fraction.Zero }, { Fraction.Zero, Fraction.One / (2 * v * v) } };
                go = new[,] { { Fraction.One / v, r / (v * v) }, { r / (v * v), r * r / (v * v * v) - Fraction.One / (2 * v * v) } };
            }
            // J = I_M ⊗ x̃ᵀ: entry (m, m·width + k) = x̃_k.
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                {
                    int ma = a / width, ka = a % width, mb = b / width, kb = b % width;
                    fisher[a, b] += xt[ka] * fo[ma, mb] * xt[kb];
                    ggn[a, b] += xt[ka] * go[ma, mb] * xt[kb];
                }
        }
        var l = new RationalInterval[d, d];
        var rr = new RationalInterval[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                l[i, j] = RationalInterval.Exact(fisher[i, j]);
                rr[i, j] = RationalInterval.Exact(ggn[i, j]);
            }
        return (l, rr);
    }
}
