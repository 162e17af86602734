using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>Seeded random problems for the curvature tests (System.Random(seed): every run sees the same cases).</summary>
internal static class FisherTestData
{
    public static ILikelihood[] Likelihoods { get; } =
        [new GaussianIdentity(), new GaussianIdentity(0.25), new BernoulliLogit(), new CategoricalSoftmax(3), new PoissonLog(),
         new BernoulliProbability(), new GaussianMeanVariance()];

    public static IModel[] Models(int outputs) =>
        [new LinearModel(2, outputs), new LinearModel(1, outputs, bias: false), new TanhMlp(2, 3, outputs), .. outputs == 1 ? new IModel[] { new CurvedLinearModel(2, -0.75) } : []];

    public static Vector<double> Uniform(System.Random r, int n, double scale) =>
        Vector<double>.Build.Dense(n, _ => scale * (2 * r.NextDouble() - 1));

    /// <summary>A point f in the likelihood's domain.</summary>
    public static Vector<double> Output(System.Random r, ILikelihood l) => l switch
    {
        BernoulliProbability => Vector<double>.Build.Dense(1, 0.05 + 0.9 * r.NextDouble()),
        GaussianMeanVariance => Vector<double>.Build.DenseOfArray([2 * r.NextDouble() - 1, 0.3 + 2 * r.NextDouble()]),
        PoissonLog => Vector<double>.Build.Dense(1, 4 * r.NextDouble() - 2),
        _ => Uniform(r, l.OutputDimension, 3),
    };

    /// <summary>A label in the likelihood's support.</summary>
    public static double Label(System.Random r, ILikelihood l) => l switch
    {
        GaussianIdentity or GaussianMeanVariance => 4 * r.NextDouble() - 2,
        BernoulliLogit or BernoulliProbability => r.Next(2),
        CategoricalSoftmax c => r.Next(c.Classes),
        _ => r.Next(8),
    };

    /// <summary>A problem with N samples whose outputs at θ lie in the domain (the controls get a bias that puts them there).</summary>
    public static (LikelihoodProblem Problem, Vector<double> Theta) Problem(System.Random r, IModel model, ILikelihood l, int count)
    {
        while (true)
        {
            var xs = Enumerable.Range(0, count).Select(_ => Uniform(r, model.InputDimension, 1.5)).ToArray();
            var ys = Enumerable.Range(0, count).Select(_ => Label(r, l)).ToArray();
            var p = new LikelihoodProblem(model, l, new Dataset(xs, ys));
            var theta = Uniform(r, model.ParameterDimension, l.IsNaturalParameterization ? 1 : 0.1);
            if (!l.IsNaturalParameterization && model is LinearModel { Bias: true } lin)
                for (int m = 0; m < l.OutputDimension; m++)
                    theta[m * lin.Width + lin.InputDimension] = 0.5;
            try
            {
                for (int n = 0; n < count; n++)
                    p.Likelihood.Expectation(p.Output(n, theta));
                return (p, theta);
            }
            catch (ArgumentException)
            {
                // Outside the domain (a control without a bias column, or a Poisson rate too large): draw again.
            }
        }
    }
}
