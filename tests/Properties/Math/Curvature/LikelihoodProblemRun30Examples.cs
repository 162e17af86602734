using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Two behaviours of <see cref="LikelihoodProblem"/> that survivors of mutation runs 28 and 29 changed without a test
/// noticing. <see cref="LikelihoodProblem.HessianForward"/> validates every f(x_n, θ) against the likelihood's domain, as
/// <see cref="LikelihoodProblem.Output"/> does (q = θx = 2 is not a probability; at q = ½, R = −log q has ∇²R = 1/q² = 4).
/// <see cref="LikelihoodProblem.FisherTailBound"/> is Σ_n TailBound_n·(‖J_n‖_F² + Σ_m ‖∇²f_n^(m)‖_F), summed over every
/// output m: checked with a two-output model f(θ) = (3θ²/2, 2θ²) (∇²f = 3 and 4, J = (3θ, 4θ)) under a likelihood whose
/// rule leaves out a tail bounded by ½, by hand: ½·(0 + 3 + 4) = 7/2 at θ = 0 and ½·(25 + 7) = 16 at θ = 1.
/// </summary>
public class LikelihoodProblemRun30Examples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void HessianForward_RejectsAnOutputOutsideTheLikelihoodsDomain()
    {
        var p = new LikelihoodProblem(new LinearModel(1, bias: false), new BernoulliProbability(), new Dataset([V(1)], [1.0]));
        ArgumentAssert.Rejects(() => p.HessianForward(V(2)), "f(x_0, θ)", "f(x_0, θ)[0] (a probability) must be in (0, 1), got 2");
        // Exact: 1/q² at q = ½ involves only powers of two.
        Assert.Equal(4.0, p.HessianForward(V(0.5))[0, 0]);
    }

    [Theory]
    [InlineData(0.0, 3.5)]
    [InlineData(1.0, 16.0)]
    public void FisherTailBound_SumsTheModelHessianNormsOverEveryOutput(double theta, double expected)
    {
        var p = new LikelihoodProblem(new TwoOutputQuadratic(), new TruncatedTwoOutputLikelihood(), new Dataset([V(0)], [0.0]));
        // Exact: every norm (5, 3, 4) and product here is a small integer or half of one.
        Assert.Equal(expected, p.FisherTailBound(V(theta)));
    }

    /// <summary>f(x, θ) = (3θ²/2, 2θ²) for one input and one parameter: J = (3θ, 4θ)ᵀ, ∇²f⁽⁰⁾ = 3, ∇²f⁽¹⁾ = 4.</summary>
    private sealed class TwoOutputQuadratic : IModel
    {
        private static readonly double[] Curvatures = [3, 4];

        public string Name => "two-output quadratic (test)";

        public int InputDimension => 1;

        public int ParameterDimension => 1;

        public int OutputDimension => 2;

        public Vector<double> Output(Vector<double> x, Vector<double> theta) =>
            V(Curvatures[0] * theta[0] * theta[0] / 2, Curvatures[1] * theta[0] * theta[0] / 2);

        public Matrix<double> Jacobian(Vector<double> x, Vector<double> theta) =>
            Matrix<double>.Build.Dense(2, 1, (m, _) => Curvatures[m] * theta[0]);

        public Matrix<double> OutputHessian(Vector<double> x, Vector<double> theta, int m) =>
            Matrix<double>.Build.Dense(1, 1, Curvatures[m]);

        public T[] Output<T>(Vector<double> x, T[] theta) where T : IDualScalar<T> =>
            [T.Constant(Curvatures[0] / 2) * theta[0] * theta[0], T.Constant(Curvatures[1] / 2) * theta[0] * theta[0]];
    }

    /// <summary>A two-output likelihood whose expectation rule is one node at y = 0 and states a left-out tail of at most ½.</summary>
    private sealed class TruncatedTwoOutputLikelihood : ILikelihood
    {
        public string Name => "truncated two-output (test)";

        public int OutputDimension => 2;

        public bool IsNaturalParameterization => false;

        public void ValidateOutput(Vector<double> f, string name) => Assert.Equal(2, f.Count);

        public void ValidateLabel(double y, string name) => Assert.Equal(0.0, y);

        public double LogDensity(double y, Vector<double> f) => -(f[0] * f[0] + f[1] * f[1]) / 2;

        public Vector<double> Gradient(double y, Vector<double> f) => -f;

        public Matrix<double> Hessian(double y, Vector<double> f) => -Matrix<double>.Build.DenseIdentity(2);

        public T LogDensity<T>(double y, T[] f) where T : IDualScalar<T> => -(f[0] * f[0] + f[1] * f[1]) / T.Constant(2);

        public ExpectationRule Expectation(Vector<double> f) => new([0.0], [1.0], 0.5, "one node, tail ≤ ½ (test)");
    }
}
