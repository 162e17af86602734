using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>
/// NGD and EFGD (eqs. D.31, D.32) at the edges of the double range, on an objective whose Fisher, empirical Fisher and
/// gradient are given: diagonal B, so the exact step −γg_i/(b_i + λ) and Φ = γ/(b_i + λ) are rationals of the inputs.
/// </summary>
public class DampedPreconditionedDescentRangeExamples
{
    /// <summary>An objective that returns the given B (as Fisher and empirical Fisher) and gradient at every θ.</summary>
    private sealed class GivenCurvature(double[] diagonal, double[] gradient, double offDiagonal = 0) : IFisherObjective
    {
        public string Name => "given-curvature";

        public int Dimension => diagonal.Length;

        public double Value(Vector<double> theta) => 0;

        public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.DenseOfArray(gradient);

        public Matrix<double> Hessian(Vector<double> theta) => Fisher(theta);

        public Matrix<double> Fisher(Vector<double> theta) =>
            Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => i == j ? diagonal[i] : offDiagonal);

        public Matrix<double> EmpiricalFisher(Vector<double> theta) => Fisher(theta);
    }

    private static readonly Vector<double> Theta = Vector<double>.Build.Dense(2);

    /// <summary>
    /// Within 4 ulp of −γg_i/(b_i + λ): b + λ, √(b + λ), two divisions in the triangular solves and the product with γ,
    /// each half an ulp (≤ 3u relative in all, below 4 ulp).
    /// </summary>
    private static void AssertDiagonalStep(double gamma, double lambda, double[] b, double[] g, Vector<double> step)
    {
        for (int i = 0; i < b.Length; i++)
        {
            var exact = -ExactDouble.ToFraction(gamma) * ExactDouble.ToFraction(g[i]) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            double error = ExactDouble.UlpError(step[i], RationalInterval.Exact(exact));
            Assert.True(error <= 4, $"step[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}: {error:R} ulp");
        }
    }

    /// <summary>
    /// B = diag(1e308, 1), λ = 1, g = (0, 1e30), γ = 1: exact step (0, −1e30/2), which the plain form gave. B + λI was scaled
    /// by 2^-1022 (its largest entry 1e308) while the ordinary g was not, so the scaled solve was 2^1022·5e29 = ∞ and the
    /// step was rejected as beyond the range (entry 0 = NaN from 0·∞).
    /// </summary>
    [Fact]
    public void Update_WithAWideCurvatureSpreadAndAnOrdinaryGradient_IsTheExactStep()
    {
        double[] b = [1e308, 1], g = [0, 1e30];
        var objective = new GivenCurvature(b, g);
        AssertDiagonalStep(1, 1, b, g, new NaturalGradientDescent(1, 1).Update(objective, Theta));
        AssertDiagonalStep(1, 1, b, g, new EmpiricalFisherGradientDescent(1, 1).Update(objective, Theta));
    }

    /// <summary>
    /// B = diag(1e308, 0), λ = 1e-300, g = (0, 1e-300), γ = 1: exact step (0, −1), which the plain form gave. Scaling B + λI
    /// by 2^-1022 turned λ into 0, and the update was rejected as "not positive definite".
    /// </summary>
    [Fact]
    public void Update_WithADampingFarBelowTheCurvature_IsTheExactStep()
    {
        double[] b = [1e308, 0], g = [0, 1e-300];
        AssertDiagonalStep(1, 1e-300, b, g, new NaturalGradientDescent(1, 1e-300).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>
    /// Φ = γ(B + λI)⁻¹ for B = diag(1e308, 2^-60), λ = 2^-60, γ = 1: exact diag(1/(1e308 + 2^-60), 2^59), off-diagonal 0;
    /// the inverse of 2^-1022(B + λI), whose second diagonal entry underflowed, came out (NaN, ∞). 4 ulp as in
    /// <see cref="Preconditioner_WithCurvatureNearMaxValue_IsTheExactInverse"/>.
    /// </summary>
    [Fact]
    public void Preconditioner_WithADampingFarBelowTheCurvature_IsTheExactInverse()
    {
        double[] b = [1e308, Math.ScaleB(1, -60)];
        double lambda = Math.ScaleB(1, -60);
        var phi = new NaturalGradientDescent(1, lambda).Preconditioner(new GivenCurvature(b, [0, 0]), Theta);
        for (int i = 0; i < 2; i++)
        {
            var exact = Fraction.One / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            Assert.True(ExactDouble.UlpError(phi[i, i], RationalInterval.Exact(exact)) <= 4, $"Φ[{i},{i}] = {phi[i, i]:R}");
        }
        Assert.Equal(0, phi[0, 1]);
        Assert.Equal(0, phi[1, 0]);
    }

    /// <summary>B = diag(1e308, 1.5e308), λ = 1e308: B + λI overflowed to ∞ and the step was NaN; exact −g_i/(b_i + λ).</summary>
    [Fact]
    public void Update_WithCurvatureNearMaxValue_IsTheExactStep()
    {
        double[] b = [1e308, 1.5e308], g = [3e300, -7e307];
        var objective = new GivenCurvature(b, g);
        AssertDiagonalStep(0.5, 1e308, b, g, new NaturalGradientDescent(0.5, 1e308).Update(objective, Theta));
        AssertDiagonalStep(0.5, 1e308, b, g, new EmpiricalFisherGradientDescent(0.5, 1e308).Update(objective, Theta));
    }

    /// <summary>B = diag(2^-1000, 3·2^-1000), λ = 2^-1070 and g = 2^-1060: the step 2^-60/(b + λ)-scale is ordinary; the unscaled solve divided subnormals.</summary>
    [Fact]
    public void Update_WithTinyCurvatureAndGradient_IsTheExactStep()
    {
        double[] b = [Math.ScaleB(1, -1000), Math.ScaleB(3, -1000)], g = [Math.ScaleB(5, -1060), -Math.ScaleB(1, -1074)];
        double lambda = Math.ScaleB(1, -1070);
        AssertDiagonalStep(1, lambda, b, g, new NaturalGradientDescent(1, lambda).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>Φ = γ(B + λI)⁻¹ with B + λI beyond MaxValue: the former inverse of ∞ entries; exact γ/(b_i + λ), off-diagonal 0.</summary>
    [Fact]
    public void Preconditioner_WithCurvatureNearMaxValue_IsTheExactInverse()
    {
        double[] b = [1e308, 1.5e308];
        double gamma = Math.ScaleB(1, 60), lambda = 1e308;
        var phi = new NaturalGradientDescent(gamma, lambda).Preconditioner(new GivenCurvature(b, [0, 0]), Theta);
        for (int i = 0; i < 2; i++)
        {
            var exact = ExactDouble.ToFraction(gamma) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            Assert.True(ExactDouble.UlpError(phi[i, i], RationalInterval.Exact(exact)) <= 4, $"Φ[{i},{i}] = {phi[i, i]:R}");
        }
        Assert.Equal(0, phi[0, 1]);
        Assert.Equal(0, phi[1, 0]);
    }

    /// <summary>A NaN or ∞ in B(θ) or ∇R(θ) made a NaN step without a word; now an ArgumentException naming the objective.</summary>
    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(1.0, double.NegativeInfinity)]
    public void Update_WithNonFiniteCurvatureOrGradient_NamesTheObjective(double b, double g)
    {
        var objective = new GivenCurvature([b, 1], [g, 1]);
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() => new NaturalGradientDescent(1, 1).Update(objective, Theta)).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() => new EmpiricalFisherGradientDescent(1, 1).Update(objective, Theta)).ParamName);
    }

    /// <summary>A curvature with B + λI not positive definite (B = [[1, 3], [3, 1]], λ = 1) names the objective.</summary>
    [Fact]
    public void Update_WithIndefiniteCurvature_NamesTheObjective()
    {
        var objective = new GivenCurvature([1, 1], [1, 1], offDiagonal: 3);
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() => new NaturalGradientDescent(1, 1).Update(objective, Theta)).ParamName);
    }

    /// <summary>g = 1e300, B + λI = 1e-10·I: the exact step −1e310 exceeds MaxValue (it was ∞ silently); now an ArgumentException naming θ.</summary>
    [Fact]
    public void Update_BeyondTheDoubleRange_NamesTheta()
    {
        var objective = new GivenCurvature([0, 0], [1e300, 1]);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => new NaturalGradientDescent(1, 1e-10).Update(objective, Theta)).ParamName);
    }
}
