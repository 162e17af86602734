using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// The text of a <see cref="Dual{T}"/> number is the text of its value (the gradient is not shown), so a dual number in
/// a message reads like the number it differentiates (mutation run 32: the text was never looked at).
/// </summary>
public sealed class DualRun33Examples
{
    /// <summary>1.5 with gradient (2, −3): its text is that of the double 1.5, the round-trip "1.5".</summary>
    [Fact]
    public void ToString_OfADualNumber_IsTheTextOfItsValue()
    {
        var x = new Dual<Float64>(Float64.Of(1.5), [Float64.Of(2), Float64.Of(-3)]);
        Assert.Equal("1.5", x.ToString());
        Assert.Equal(Float64.Of(1.5).ToString(), x.ToString());
    }

    /// <summary>A constant (no gradient) over rational intervals: the text of the point interval [1/4, 1/4].</summary>
    [Fact]
    public void ToString_OfAConstantOverIntervals_IsTheTextOfItsInterval()
    {
        var x = Dual<Verification.Numerics.Exact.RationalInterval>.Ratio(1, 4);
        Assert.Equal("[0.25, 0.25]", x.ToString());
    }
}
