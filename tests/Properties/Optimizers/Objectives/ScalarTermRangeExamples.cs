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

    /// <summary>
    /// Values beyond ±double.MaxValue are ±∞ of their sign (issue 15's policy; they were an ArgumentException):
    /// 1e308·log cosh 1e10 ≈ 1e318, ±x²/2 at x = 1e200 (±5e399), s·atan x = −MaxValue·atan 1e10 ≈ −2.8e308, and
    /// φ″ = β + s/(1 + x²) = MaxValue + MaxValue at x = 0.
    /// </summary>
    [Fact]
    public void ValuesBeyondTheRange_AreInfinityOfTheirSign()
    {
        Assert.Equal(double.PositiveInfinity, new LogCoshTerm(1e308).Value(1e10));
        Assert.Equal(double.PositiveInfinity, new LorentzianTerm(1, 0).Value(1e200));
        Assert.Equal(double.NegativeInfinity, new LorentzianTerm(-1, 0).Value(1e200));
        Assert.Equal(double.NegativeInfinity, new LorentzianTerm(0, -double.MaxValue).First(1e10));
        Assert.Equal(double.PositiveInfinity, new LorentzianTerm(double.MaxValue, double.MaxValue).Second(0));
    }

    /// <summary>log1p below its domain (x ≤ −1) is still an ArgumentException: there is no value to give.</summary>
    [Fact]
    public void LogOnePlus_BelowItsDomain_IsRejected() =>
        Assert.Throws<ArgumentException>(() => Verification.Numerics.LogOnePlus.Of(-1));

    /// <summary>
    /// Lorentzian φ at β = 2^-174, s = −2^424, x = 2^600: βx²/2 = 2^1025 and s·(x·atan x − ½ln(1 + x²)) =
    /// −2^1024·π/2 + 2^424·(1 + 600 ln 2 + O(2^-1200)) are each beyond the range, their sum 2^1024·(2 − π/2) ≈ 7.7e307 is
    /// not (it was ∞ − ∞ = NaN, then an ArgumentException). Relative tolerance 1e-14: the parts carry a few u each and
    /// cancel by a factor 2/(2 − π/2) ≈ 4.7; π/2 as a double and the dropped 2^424·417 are 2^-53 and 2^-591 relative.
    /// </summary>
    [Fact]
    public void Lorentzian_ValueFromPartsBeyondTheRange_IsTheirFiniteSum()
    {
        double x = Math.ScaleB(1, 600);
        double value = new LorentzianTerm(Math.ScaleB(1, -174), -Math.ScaleB(1, 424)).Value(x);
        double expected = Math.ScaleB(2 - Math.PI / 2, 1024);
        Assert.InRange(value / expected - 1, -1e-14, 1e-14);
    }

    /// <summary>
    /// Lorentzian φ′ = βx + s·atan x at β = 2^425, s = −MaxValue, x = 2^600: βx = 2^1025 and s·atan x ≈ −MaxValue·π/2 are
    /// beyond the range, the sum 2^1025 − MaxValue·(π/2 − 2^-600) ≈ 2^1024·(2 − π/2) (to 2^-53 relative) is not (it was ∞,
    /// then an ArgumentException). Tolerance 1e-14 relative as above.
    /// </summary>
    [Fact]
    public void Lorentzian_SlopeFromPartsBeyondTheRange_IsTheirFiniteSum()
    {
        double first = new LorentzianTerm(Math.ScaleB(1, 425), -double.MaxValue).First(Math.ScaleB(1, 600));
        double expected = Math.ScaleB(2 - Math.PI / 2, 1024);
        Assert.InRange(first / expected - 1, -1e-14, 1e-14);
    }
}
