using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The flag <see cref="ILikelihood.IsNaturalParameterization"/> (the hypothesis of balles-thesis Prop. 7.1, under which the
/// Fisher equals the GGN) against the fact it reports: in a natural parameterization log p(y|f) = y·f − A(f) + c(y), so
/// ∇²_f log p = −∇²A(f) is the same for every label y; otherwise it is not. Each built-in likelihood's Hessians at two
/// labels decide the flag independently of how it is set (PoissonLog's flag survived mutation run 39: no test read it).
/// </summary>
public sealed class NaturalParameterizationExamples
{
    public static TheoryData<string> Names => new() { "GaussianIdentity", "BernoulliLogit", "CategoricalSoftmax", "PoissonLog", "BernoulliProbability", "GaussianMeanVariance" };

    /// <summary>Each likelihood, an output f in its domain, and two labels.</summary>
    private static (ILikelihood Likelihood, Vector<double> F, double First, double Second) Case(string name) => name switch
    {
        "GaussianIdentity" => (new GaussianIdentity(2), V(0.5), -1.5, 3),
        "BernoulliLogit" => (new BernoulliLogit(), V(0.7), 0, 1),
        "CategoricalSoftmax" => (new CategoricalSoftmax(3), V(0.5, -1, 2), 0, 2),
        "PoissonLog" => (new PoissonLog(), V(0.3), 0, 5),
        "BernoulliProbability" => (new BernoulliProbability(), V(0.3), 0, 1),
        "GaussianMeanVariance" => (new GaussianMeanVariance(), V(0.5, 2), -1.5, 3),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Theory]
    [MemberData(nameof(Names))]
    public void TheFlag_SaysWhetherTheHessianIgnoresTheLabel(string name)
    {
        var (likelihood, f, first, second) = Case(name);
        bool ignoresTheLabel = likelihood.Hessian(first, f).Equals(likelihood.Hessian(second, f));
        Assert.Equal(ignoresTheLabel, likelihood.IsNaturalParameterization);
    }

    /// <summary>A null output is an <see cref="ArgumentNullException"/>, not a NullReferenceException deeper in.</summary>
    [Fact]
    public void PoissonLogDensity_OfANullOutput_IsRejected() =>
        Assert.Throws<ArgumentNullException>(() => new PoissonLog().LogDensity<Verification.Numerics.Curvature.AutoDiff.Real>(1, null!));
}
