using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Sign;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Sign;

/// <summary>Sign gradient descent (eq. 6.1) and its norm-scaled version (eq. 6.10) on quadratics.</summary>
public class SignGradientDescentExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void SignStep_UsesSignZeroIsZero()
    {
        var f = Quadratic.Diagonal(V(1, 2, 3), V(0, 0, 0));
        var step = new SignGradientDescent(0.5).Update(f, V(2, 0, -1));
        Assert.Equal([-0.5, 0, 0.5], step.ToArray());
    }

    [Fact]
    public void NormScaledStep_IsL1OverLInfTimesSign()
    {
        var step = new NormScaledSignGradientDescent(4).StepFor(V(1, -2, 0, 1));
        Assert.Equal([-1.0, 1.0, 0, -1.0], step.ToArray());
    }

    [Fact]
    public void NormScaledStep_DecreasesByAtLeastTheLemma62Amount()
    {
        // Lemma 6.2 with L∞ = ‖H‖∞,1: f(θ⁺) ≤ f(θ) − ‖g‖₁²/(2L∞), checked on a seeded dense quadratic.
        var random = new System.Random(62);
        var b = Matrix<double>.Build.Dense(6, 6, (_, _) => random.NextDouble() - 0.5);
        var h = b.TransposeThisAndMultiply(b);
        h = (h + h.Transpose()) / 2;
        var f = new Quadratic(h, V(new double[6]));
        double lInf = InfToOneNorm.Compute(h).Value;
        var opt = new NormScaledSignGradientDescent(lInf);
        var theta = Vector<double>.Build.Dense(6, i => random.NextDouble() * 4 - 2);
        for (int t = 0; t < 20; t++)
        {
            var g = f.Gradient(theta);
            var next = theta + opt.Update(f, theta);
            double bound = f.Value(theta) - g.L1Norm() * g.L1Norm() / (2 * lInf);
            // Rounding of f at |f| ≲ 10: 1e-12 absolute.
            Assert.True(f.Value(next) <= bound + 1e-12, $"step {t}: f(θ⁺) = {f.Value(next):R} > {bound:R}");
            theta = next;
        }
    }

    [Fact]
    public void Constructors_RejectNonPositiveConstants()
    {
        Assert.Equal("stepSize", Assert.Throws<ArgumentException>(() => new SignGradientDescent(0)).ParamName);
        Assert.Equal("lInfinity", Assert.Throws<ArgumentException>(() => new NormScaledSignGradientDescent(double.NaN)).ParamName);
    }

    [Fact]
    public void Names_CarryTheHyperparameter()
    {
        Assert.Equal("sign-gd(α=0.1)", new SignGradientDescent(0.1).Name);
        Assert.Equal("norm-scaled-sign-gd(L∞=7)", new NormScaledSignGradientDescent(7).Name);
    }
}
