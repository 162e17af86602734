using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Sign;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Sign;

/// <summary>
/// Hand-picked range cases of the sign-descent numerics (issue 15, item 1), each one a former failure;
/// expected values are closed forms of the inputs.
/// </summary>
public class SignRangeExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>½θᵀAθ at A = [[1]], θ = 1.5e154 is 1.125e308 exactly (c = 0): θ² overflowed first (+∞).</summary>
    [Fact]
    public void LogPerturbedQuadratic_ValueNearTheTopOfTheRange_IsFinite()
    {
        var f = new LogPerturbedQuadratic(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0 } }), V(0.0));
        Assert.Equal(1.125e308, f.Value(V(1.5e154)), 1e-15 * 1.125e308);
    }

    /// <summary>Aθ at A = [[1e308, −1e308], [−1e308, 1e308]], θ = (2, 1) is (1e308, −1e308) exactly (c = 0): 2e308 overflowed first.</summary>
    [Fact]
    public void LogPerturbedQuadratic_GradientWithCancellingProducts_IsFinite()
    {
        var f = new LogPerturbedQuadratic(Matrix<double>.Build.DenseOfArray(new[,] { { 1e308, -1e308 }, { -1e308, 1e308 } }), V(0, 0));
        Assert.Equal([1e308, -1e308], f.Gradient(V(2, 1)).ToArray());
    }

    /// <summary>
    /// ψ''(1 − sδ), δ = 2^-27 and 2^-30, s = ±1: (1 − t²)/(1 + t²)² = (2sδ − δ²)/(2 − 2sδ + δ²)², evaluated in decimal
    /// (28 digits; every quantity is a short binary fraction, so the relative error is below 1e-18), to 1e-14 relative;
    /// the former 1 − fl(t²) was about 4e-9 relative off at δ = 2^-27 (1.7e7 ulp), the former s-form 2e-8 at t = 1 + 2^-27.
    /// </summary>
    [Theory]
    [InlineData(-27)]
    [InlineData(-30)]
    public void PsiSecond_NearOne_KeepsItsDigits(int k)
    {
        foreach (double side in new[] { 1.0, -1.0 })
        {
            double delta = Math.ScaleB(1.0, k), t = 1 - side * delta;
            decimal d = (decimal)delta, s = (decimal)side;
            decimal w = 2 - 2 * s * d + d * d;
            double expected = (double)((2 * s * d - d * d) / (w * w));
            Assert.Equal(expected, LogPerturbedQuadratic.PsiSecond(t), Math.Abs(expected) * 1e-14);
        }
    }

    /// <summary>g = (1e308, 1e308, 0), L∞ = 4: r = 2e308/4 = 5e307; ‖g‖₁ overflowed to ∞ and ∞·0 gave NaN in the zero entry.</summary>
    [Fact]
    public void NormScaledStep_WhereTheNormOverflows_IsTheExactRadius()
    {
        var step = new NormScaledSignGradientDescent(4).StepFor(V(1e308, 1e308, 0)).ToArray();
        Assert.Equal([-5e307, -5e307, 0], step);
    }

    /// <summary>g = (1e308, −1e308), L∞ = 0.5: r = 4e308 is beyond the range, rejected naming gradient (it was (−∞, +∞)).</summary>
    [Fact]
    public void NormScaledStep_BeyondTheRange_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new NormScaledSignGradientDescent(0.5).StepFor(V(1e308, -1e308)));
        Assert.Equal("gradient", ex.ParamName);
    }

    /// <summary>L∞ = 2^-1074: α = 1/L∞ of Lemma 6.2 is beyond the range; rejected naming lInfinity (it named the guarantee's stepSize).</summary>
    [Fact]
    public void NormScaledConstructor_WithAlphaBeyondTheRange_NamesLInfinity() =>
        Assert.Equal("lInfinity", Assert.Throws<ArgumentException>(() => new NormScaledSignGradientDescent(double.Epsilon)).ParamName);
}
