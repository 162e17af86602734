using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The points where the likelihoods' written forms went wrong before issue 15, item 1 (each value derived by hand), and
/// their rejections beyond the double range.
/// </summary>
public class LikelihoodRangeExamples
{
    private const double Unit = 1.1102230246251565e-16;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>f = (1e20, 1e20): π = (½, ½), so log p(0|f) = −log 2 and ∇ = (½, −½); f_0 − log Σ e^{f_i} gave 0 and 1 − π_0 gave 0.</summary>
    [Fact]
    public void Categorical_EqualLargeLogits_ShareTheMass()
    {
        var categorical = new CategoricalSoftmax(2);
        Assert.InRange(categorical.LogDensity(0, V(1e20, 1e20)) + Math.Log(2), -2 * Unit, 2 * Unit);
        Assert.Equal([0.5, -0.5], categorical.Gradient(0, V(1e20, 1e20)).ToArray());
    }

    /// <summary>log p(1|40) = −log(1 + e^-40) = −4.248354255291589e-18 (e^-40 to 16 digits; log(1 + x) = x to 2e-18 relative); it was 0.</summary>
    [Fact]
    public void Logistic_ConfidentLabel_KeepsItsTinyLogDensity()
    {
        double value = new BernoulliLogit().LogDensity(1, V(40));
        Assert.InRange(value / -4.248354255291589e-18 - 1, -8 * Unit, 8 * Unit);
        Assert.InRange(new BernoulliLogit().Gradient(1, V(40))[0] / 4.248354255291589e-18 - 1, -8 * Unit, 8 * Unit);
    }

    /// <summary>q = 1e-20: log(1 − q) = −1e-20 to 1e-40 relative (it was 0).</summary>
    [Fact]
    public void BernoulliProbability_SmallProbability_KeepsLogOneMinusQ() =>
        Assert.InRange(new BernoulliProbability().LogDensity(0, V(1e-20)) / -1e-20 - 1, -8 * Unit, 8 * Unit);

    /// <summary>σ² = 1e308: ½log(2π·1e308) = ½(log 2π + 308·log 10) ≈ 355.5, finite (2πσ² overflowed to ∞).</summary>
    [Fact]
    public void Gaussian_HugeVariance_HasAFiniteNormalisingConstant() =>
        Assert.InRange(new GaussianIdentity(1e308).LogDensity(0, V(0)), -355.6, -355.4);

    /// <summary>σ² = 1e308: √(3σ²) = √3·1e154 (3σ² overflowed to ∞).</summary>
    [Fact]
    public void GaussHermite_HugeVariance_HasFiniteNodes() =>
        Assert.Equal(Math.Sqrt(3.0) * 1e154, ExpectationRule.Gaussian(0, 1e308).Labels[2], 1e140);

    /// <summary>Results beyond ±double.MaxValue are rejected, naming f and the range, never returned as ∞ or NaN.</summary>
    [Fact]
    public void ResultsBeyondTheRange_AreRejected()
    {
        ArgumentAssert.Rejects(() => new GaussianIdentity(1).LogDensity(1e200, V(-1e200)), "f",
            "log p(y|f) of gaussian-identity is beyond the double range at f = [-1E+200], y = 1E+200; the documented range needs every result within ±double.MaxValue");
        ArgumentAssert.Rejects(() => new GaussianIdentity(1e-309).Hessian(0, V(0)), "f", "∇²_f log p(y|f) of gaussian-identity(σ²=1E-309) is beyond the double range");
        ArgumentAssert.Rejects(() => new CategoricalSoftmax(2).LogDensity(0, V(-1e308, 1e308)), "f", "log p(y|f) of categorical-softmax");
        ArgumentAssert.Rejects(() => new PoissonLog().Gradient(0, V(710)), "f", "∇_f log p(y|f) of poisson-log is beyond the double range");
        ArgumentAssert.Rejects(() => new BernoulliProbability().Gradient(1, V(double.Epsilon)), "f", "∇_f log p(y|f) of bernoulli-probability is beyond the double range");
    }
}
