using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>Points where the scalar terms' written forms went wrong before issue 15, item 1, with hand-derived values.</summary>
public class ScalarTermRangeExamples
{
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>log cosh(1e-9) = 5e-19·(1 − 1e-18/6 + …): the former |x| + log(1 + e^{−2|x|}) − log 2 gave 0.</summary>
    [Fact]
    public void LogCosh_Tiny_IsHalfTheSquare() =>
        Assert.InRange(new LogCoshTerm(1).Value(1e-9) / 5e-19 - 1, -16 * Unit, 16 * Unit);

    /// <summary>sech²(360) = 4e^{−720}/(1 + e^{−720})² ≈ 4·2.032e-313 = 8.129e-313 (subnormal, not 0): 1/cosh² gave 0.</summary>
    [Fact]
    public void LogCosh_SecondDerivativeFarOut_IsNotFlushedToZero() =>
        Assert.InRange(new LogCoshTerm(1).Second(360), 8.12e-313, 8.14e-313);

    /// <summary>φ(1e200) for β = 0, s = 1 is 1e200·π/2 − ln 1e200 − … ≈ 1.5708e200 (1 + x² overflowed, giving −∞).</summary>
    [Fact]
    public void Lorentzian_HugeArgument_HasAFiniteValue() =>
        Assert.InRange(new LorentzianTerm(0, 1).Value(1e200) / (Math.PI / 2 * 1e200) - 1, -4 * Unit, 4 * Unit);

    /// <summary>φ″(1e160) for β = 0, s = 1 is 1/(1 + 1e320) ≈ 1e-320 (subnormal): s/(1 + x²) gave 0.</summary>
    [Fact]
    public void Lorentzian_CurvatureFarOut_IsNotFlushedToZero() =>
        Assert.InRange(new LorentzianTerm(0, 1).Second(1e160), 0.99e-320, 1.01e-320);

    /// <summary>
    /// Logistic regression with one sample x = 1, y = +1 at w = 40: ℓ = log(1 + e^{−40}) ≈ e^{−40} = 4.248354255291589e-18
    /// (relative gap e^{−40}/2), ℓ′ = −σ(−40) ≈ −e^{−40}; the written forms gave 0 for both.
    /// </summary>
    [Fact]
    public void LogisticRegression_LargeMargin_KeepsItsLossAndGradient()
    {
        var oneSample = new LogisticRegression(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new double[,] { { 1 } }), [1.0], 0);
        var w = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(1, 40);
        Assert.InRange(oneSample.Value(w) / 4.248354255291589e-18 - 1, -1e-15, 1e-15);
        Assert.InRange(oneSample.Gradient(w)[0] / -4.248354255291589e-18 - 1, -1e-15, 1e-15);
    }

    /// <summary>Values beyond ±double.MaxValue are rejected, naming x and the range.</summary>
    [Fact]
    public void ValuesBeyondTheRange_AreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LogCoshTerm(1e308).Value(1e10));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("double.MaxValue", ex.Message);
        Assert.Throws<ArgumentException>(() => new LorentzianTerm(1, 0).Value(1e200));
        Assert.Throws<ArgumentException>(() => Verification.Numerics.LogOnePlus.Of(-1));
    }
}
