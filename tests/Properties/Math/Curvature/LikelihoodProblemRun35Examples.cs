using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="LikelihoodProblem.ExpectedNegativeHessian"/> (the second form of eq. 7.4) near the top of the double range
/// (mutation run 34: the overflow branch of the final symmetrization was never reached): a linear model f = θᵀx with
/// x = (10⁴, 10⁴) under a Gaussian of variance σ² = 10⁻³⁰⁰ has E[−∇²_θ log p] = xxᵀ/σ², every entry 10⁸/10⁻³⁰⁰ ≈ 10³⁰⁸, finite,
/// while the sum of two such entries, formed to average A and Aᵀ, overflows; the result must still be 10³⁰⁸, not +∞ or 0.
/// And <see cref="LikelihoodProblem.ResidualTerm"/> (eq. 7.9's −Σ_n Σ_m g_nm ∇²f_n^(m), g = ∇_f log p) takes the scaled sum
/// where a model Hessian is outside [2^-100, 2^100] even though J is inside, and where only one output's Hessian is
/// (mutation run 34: "J or the Hessians" and "some Hessian" survived): with ∇²f = κ = 2^-600 and ten scores ∓2^-475, each
/// product g·κ is 2^-1075, which the plain formula rounds to 0 (a tie, to even), while the exact residual term
/// ∓10·2^-1075 = ∓5·2^-1074 is a double, which the documented bound (plus 2^-1074 where subnormal) does not let become 0.
/// </summary>
public sealed class LikelihoodProblemRun35Examples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void ExpectedNegativeHessian_WithEntriesNearTheTopOfTheRange_IsFinite()
    {
        const double variance = 1e-300;
        var p = new LikelihoodProblem(new LinearModel(2, bias: false), new GaussianIdentity(variance),
            new Dataset([V(1e4, 1e4)], [0.0]));
        var e = p.ExpectedNegativeHessian(V(0, 0));
        double expected = 1e4 * 1e4 / variance;
        Assert.True(double.IsInfinity(expected + expected)); // the symmetrization's plain sum overflows here
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                // 1e-14 relative: a dozen roundings (three weighted Gauss–Hermite nodes, the congruence, the reference's
                // quotient) of at most u = 1.1e-16 each.
                Assert.True(Math.Abs(e[i, j] - expected) <= 1e-14 * expected, $"entry ({i}, {j}) is {e[i, j]:R}");
    }

    [Fact]
    public void ResidualTerm_WithAModelHessianOutsideTheOrdinaryRange_IsTheExactSum()
    {
        // f = xθ + (κ/2)θ² at θ = 0: f = 0, J = x = 1 (ordinary), ∇²f = κ = 2^-600; Gaussian σ² = 1: g_n = y_n − f_n = 2^-475.
        var p = new LikelihoodProblem(new CurvedLinearModel(1, Math.ScaleB(1, -600)), new GaussianIdentity(),
            new Dataset(Enumerable.Repeat(V(1), 10).ToArray(), Enumerable.Repeat(Math.ScaleB(1, -475), 10).ToArray()));
        // −Σ_n g_n·κ = −10·2^-1075 = −5·2^-1074, exact.
        Assert.Equal(-5 * double.Epsilon, p.ResidualTerm(V(0))[0, 0]);
    }

    [Fact]
    public void ResidualTerm_WithOneOfTwoModelHessiansOutsideTheOrdinaryRange_IsTheExactSum()
    {
        // Gaussian mean–variance with f = (θ, x + κθ²/2): at θ = 0, μ = 0, v = x = 2^474, J = (1, 0)ᵀ (ordinary),
        // ∇²f⁽⁰⁾ = 0 (ordinary), ∇²f⁽¹⁾ = κ = 2^-600. At y = 0: g₀ = (y − μ)/v = 0, g₁ = y²/(2v²) − 1/(2v) = −2^-475, exact.
        var p = new LikelihoodProblem(new MeanAndCurvedVariance(), new GaussianMeanVariance(),
            new Dataset(Enumerable.Repeat(V(Math.ScaleB(1, 474)), 10).ToArray(), Enumerable.Repeat(0.0, 10).ToArray()));
        // −Σ_n g_n1·κ = +10·2^-1075 = 5·2^-1074, exact.
        Assert.Equal(5 * double.Epsilon, p.ResidualTerm(V(0))[0, 0]);
    }

    /// <summary>f(x, θ) = (θ, x + κθ²/2) with κ = 2^-600, one input and one parameter: J = (1, κθ)ᵀ, ∇²f = (0, κ).</summary>
    private sealed class MeanAndCurvedVariance : IModel
    {
        private static readonly double Kappa = Math.ScaleB(1, -600);

        public string Name => "mean and curved variance (test)";

        public int InputDimension => 1;

        public int ParameterDimension => 1;

        public int OutputDimension => 2;

        public Vector<double> Output(Vector<double> x, Vector<double> theta) => V(theta[0], x[0] + Kappa * theta[0] * theta[0] / 2);

        public Matrix<double> Jacobian(Vector<double> x, Vector<double> theta) => Matrix<double>.Build.DenseOfArray(new[,] { { 1 }, { Kappa * theta[0] } });

        public Matrix<double> OutputHessian(Vector<double> x, Vector<double> theta, int m) =>
            Matrix<double>.Build.Dense(1, 1, m == 0 ? 0 : Kappa);

        public T[] Output<T>(Vector<double> x, T[] theta) where T : IDualScalar<T> =>
            [theta[0], T.Constant(x[0]) + T.Constant(Kappa / 2) * theta[0] * theta[0]];
    }
}
