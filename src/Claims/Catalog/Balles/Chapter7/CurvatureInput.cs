using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Curvature;
using Verification.Math.Curvature.Likelihoods;
using Verification.Math.Curvature.Models;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>The likelihoods of the chapter-7 checks: the four natural parameterizations and the two controls.</summary>
internal enum LikelihoodKind
{
    GaussianIdentity,
    BernoulliLogit,
    CategoricalSoftmax,
    PoissonLog,
    BernoulliProbability,
    GaussianMeanVariance,
}

/// <summary>The prediction functions: linear (with bias), x·θ + (κ/2)‖θ‖² (β = |κ|), and a one-hidden-layer tanh MLP.</summary>
internal enum ModelKind
{
    Linear,
    CurvedLinear,
    TanhMlp,
}

/// <summary>
/// One problem of eq. (7.1): a model, a likelihood, a small dataset (N ≤ 4, D ≤ 2) and a point θ. Small on purpose: every
/// matrix is formed densely and the hyper-dual Hessian costs d(d+1)/2 passes.
/// </summary>
internal sealed record CurvatureInput(ModelKind Model, LikelihoodKind Likelihood, int Hidden, double Curvature, double[][] X, double[] Y, double[] Theta)
{
    internal const int Classes = 3;

    internal static readonly LikelihoodKind[] Natural =
        [LikelihoodKind.GaussianIdentity, LikelihoodKind.BernoulliLogit, LikelihoodKind.CategoricalSoftmax, LikelihoodKind.PoissonLog];

    internal static readonly LikelihoodKind[] Controls = [LikelihoodKind.BernoulliProbability, LikelihoodKind.GaussianMeanVariance];

    internal static ILikelihood BuildLikelihood(LikelihoodKind kind) => kind switch
    {
        LikelihoodKind.GaussianIdentity => new GaussianIdentity(),
        LikelihoodKind.BernoulliLogit => new BernoulliLogit(),
        LikelihoodKind.CategoricalSoftmax => new CategoricalSoftmax(Classes),
        LikelihoodKind.PoissonLog => new PoissonLog(),
        LikelihoodKind.BernoulliProbability => new BernoulliProbability(),
        _ => new GaussianMeanVariance(),
    };

    internal static IModel BuildModel(ModelKind kind, int inputs, int outputs, int hidden, double curvature) => kind switch
    {
        ModelKind.Linear => new LinearModel(inputs, outputs),
        ModelKind.CurvedLinear => new CurvedLinearModel(inputs, curvature),
        _ => new TanhMlp(inputs, hidden, outputs),
    };

    internal ILikelihood BuildLikelihood() => BuildLikelihood(Likelihood);

    internal IModel BuildModel() => BuildModel(Model, X[0].Length, BuildLikelihood().OutputDimension, Hidden, Curvature);

    internal Vector<double> ThetaVector => Vector<double>.Build.DenseOfArray(Theta);

    /// <summary>The problem; throws <see cref="ArgumentException"/> when an output leaves the likelihood's domain.</summary>
    internal LikelihoodProblem Problem()
    {
        var p = new LikelihoodProblem(BuildModel(), BuildLikelihood(),
            new Dataset(X.Select(x => Vector<double>.Build.DenseOfArray(x)).ToArray(), Y));
        for (int n = 0; n < p.Count; n++)
            p.Output(n, ThetaVector);
        return p;
    }

    /// <summary>Null when every f(x_n, θ) is in the likelihood's domain (and the Poisson rate is within the truncated sum's range).</summary>
    internal string? Domain()
    {
        try
        {
            var p = Problem();
            if (Likelihood == LikelihoodKind.PoissonLog)
                for (int n = 0; n < p.Count; n++)
                    p.Likelihood.Expectation(p.Output(n, ThetaVector));
            return null;
        }
        catch (ArgumentException e)
        {
            return "an output is outside the likelihood's domain: " + e.Message;
        }
    }

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Text("model", BuildModel().Name),
        NamedValue.Text("likelihood", BuildLikelihood().Name),
        .. X.Select((x, n) => NamedValue.Of($"x_{n}", x)),
        NamedValue.Of("y", Y),
        NamedValue.Of("theta", Theta),
    ];

    private static Gen<double> Coordinate { get; } = Gen.Frequency(
        (8, EdgeDoubles.Unit.Select(u => System.Math.Round(4 * u - 2, 3))),
        (1, Gen.Constant(0.0)),
        (1, Gen.Elements(1.0, -1.0, 0.5, -0.5, 2.0)));

    internal static Gen<double> Label(LikelihoodKind kind) => kind switch
    {
        LikelihoodKind.GaussianIdentity or LikelihoodKind.GaussianMeanVariance => Coordinate.Select(c => 2 * c),
        LikelihoodKind.BernoulliLogit or LikelihoodKind.BernoulliProbability => Gen.Elements(0.0, 1.0),
        LikelihoodKind.CategoricalSoftmax => Gen.Choose(0, Classes - 1).Select(c => (double)c),
        _ => Gen.Choose(0, 6).Select(c => (double)c),
    };

    /// <summary>Problems over the given likelihoods and models; for the controls, θ's output layer is scaled into the domain.</summary>
    internal static Gen<CurvatureInput> Over(LikelihoodKind[] likelihoods, ModelKind[] models, int maxCount = 4) =>
        from lk in Gen.Elements(likelihoods)
        from mk in Gen.Elements(models)
        from d in Gen.Choose(1, 2)
        from n in Gen.Choose(1, maxCount)
        from hidden in Gen.Choose(1, 2)
        from kappa in Gen.Elements(0.5, -1.0, 2.0, 0.25, -0.125)
        from x in Gen.ArrayOf(Gen.ArrayOf(Coordinate, d), n)
        from y in Gen.ArrayOf(Label(lk), n)
        let dim = BuildModel(mk, d, BuildLikelihood(lk).OutputDimension, hidden, kappa).ParameterDimension
        from theta in Gen.ArrayOf(Coordinate, dim)
        from offset in EdgeDoubles.Unit
        select IntoDomain(new CurvatureInput(mk, lk, hidden, kappa, x, y, theta), offset);

    /// <summary>
    /// For a control likelihood: shrink the output weights by 10 and set each output bias so f starts inside the domain
    /// (a probability in [0.2, 0.8], a variance in [0.5, 2]). Natural likelihoods are left as drawn.
    /// </summary>
    internal static CurvatureInput IntoDomain(CurvatureInput c, double offset)
    {
        if (!Controls.Contains(c.Likelihood) || c.Model == ModelKind.CurvedLinear)
            return c;
        var theta = (double[])c.Theta.Clone();
        int d = c.X[0].Length;
        int outputs = c.BuildLikelihood().OutputDimension;
        int width = c.Model == ModelKind.Linear ? d + 1 : c.Hidden + 1;
        int start = c.Model == ModelKind.Linear ? 0 : c.Hidden * (d + 1);
        for (int m = 0; m < outputs; m++)
        {
            for (int k = 0; k < width - 1; k++)
                theta[start + m * width + k] /= 10;
            bool variance = c.Likelihood == LikelihoodKind.GaussianMeanVariance && m == 1;
            theta[start + m * width + width - 1] = System.Math.Round(variance ? 0.5 + 1.5 * offset : 0.2 + 0.6 * offset, 3);
        }
        return c with { Theta = theta };
    }

    /// <summary>A nearby problem: one coordinate of θ or of an x moved.</summary>
    internal CurvatureInput Perturb(System.Random random)
    {
        var theta = (double[])Theta.Clone();
        var x = X.Select(r => (double[])r.Clone()).ToArray();
        if (random.Next(2) == 0)
        {
            int i = random.Next(theta.Length);
            theta[i] = EdgeDoubles.Perturb(theta[i], random, 0, 8);
        }
        else
        {
            int n = random.Next(x.Length), j = random.Next(x[n].Length);
            x[n][j] = EdgeDoubles.Perturb(x[n][j], random, 0, 8);
        }
        return this with { Theta = theta, X = x };
    }

    /// <summary>
    /// Magnitude of the terms summed in the curvature matrices (the scale their rounding is relative to):
    /// Σ_n ‖J_n‖_F²·(max_k ‖∇²_f log p(y_k)‖_F + Σ_k w_k‖∇_f log p(y_k)‖²) + Σ_n max_k‖∇_f log p(y_k)‖₁·Σ_m ‖∇²f_n^(m)‖_F,
    /// over the expectation nodes and the training label, plus ‖J_n‖_F²·(1 + max_k‖∇_f log p(y_k)‖₁²): forward mode forms
    /// σ − σ² and π_i − π_i² from terms of size ≤ 1 (probabilities) and products of scores, so where the logits saturate its
    /// absolute rounding stays at that size while the Hessian itself is exponentially small.
    /// </summary>
    internal static double TermScale(LikelihoodProblem p, Vector<double> theta)
    {
        double total = 0;
        for (int n = 0; n < p.Count; n++)
        {
            var f = p.Output(n, theta);
            var rule = p.Likelihood.Expectation(f);
            var labels = rule.Labels.Append(p.Data.Labels[n]).ToArray();
            var weights = rule.Weights.Append(1.0).ToArray();
            double jn = p.Jacobian(n, theta).FrobeniusNorm();
            double hf = Enumerable.Range(0, p.Model.OutputDimension).Sum(m => p.Model.OutputHessian(p.Data.Inputs[n], theta, m).FrobeniusNorm());
            double hl = 0, g2 = 0, g1 = 0;
            for (int k = 0; k < labels.Length; k++)
            {
                var g = p.Likelihood.Gradient(labels[k], f);
                hl = System.Math.Max(hl, p.Likelihood.Hessian(labels[k], f).FrobeniusNorm());
                g2 += weights[k] * g.DotProduct(g);
                g1 = System.Math.Max(g1, g.L1Norm());
            }
            total += jn * jn * (hl + g2 + 1 + g1 * g1) + g1 * hf;
        }
        return total;
    }
}
