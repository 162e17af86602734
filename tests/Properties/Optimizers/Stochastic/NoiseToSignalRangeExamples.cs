using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>η² = tr(s)/‖g‖² where ‖g‖² alone leaves the double range (issue 15, item 1); expected values by hand.</summary>
public class NoiseToSignalRangeExamples
{
    private static double Estimate(double[] g, double[] s) =>
        NoiseToSignal.Estimate(new GradientSample(Vector<double>.Build.DenseOfArray(g), 2, Vector<double>.Build.DenseOfArray(s)));

    /// <summary>g = 2^-700, s = 2^-1000: η² = 2^-1000/2^-1400 = 2^400 (‖g‖² = 2^-1400 underflowed to 0 and η² was +∞).</summary>
    [Fact]
    public void TinyGradient_GivesTheFiniteRatio() =>
        Assert.Equal(Math.ScaleB(1, 400), Estimate([Math.ScaleB(1, -700)], [Math.ScaleB(1, -1000)]));

    /// <summary>g = (2^600, 2^600), s = (2^1000, 2^1000): η² = 2^1001/2^1201 = 2^-200 (‖g‖² overflowed to ∞ and η² was 0).</summary>
    [Fact]
    public void HugeGradient_GivesTheFiniteRatio() =>
        Assert.Equal(Math.ScaleB(1, -200), Estimate([Math.ScaleB(1, 600), Math.ScaleB(1, 600)], [Math.ScaleB(1, 1000), Math.ScaleB(1, 1000)]));

    /// <summary>s = (MaxValue, MaxValue), g = (2, 0): tr(s) = 2·MaxValue overflowed, η² = MaxValue/2 is a double.</summary>
    [Fact]
    public void TraceBeyondTheRange_GivesTheFiniteRatio() =>
        Assert.Equal(double.MaxValue / 2, Estimate([2, 0], [double.MaxValue, double.MaxValue]));

    /// <summary>A NaN or ∞ entry is rejected by name (it gave NaN or a silent 0).</summary>
    [Fact]
    public void NonFiniteEntries_AreRejected()
    {
        Assert.Equal("sample", Assert.Throws<ArgumentException>(() => Estimate([double.NaN], [1])).ParamName);
        Assert.Equal("sample", Assert.Throws<ArgumentException>(() => Estimate([1], [double.PositiveInfinity])).ParamName);
    }
}
