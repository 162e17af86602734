using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Models;

/// <summary>
/// <see cref="LinearModel"/>'s name, which every curvature message and report uses to say which model f(x, θ) = Wx̃ of
/// balles-thesis ch. 7 it concerns: "linear(D=…,M=…)" with the bias feature x̃ = (x, 1), and ",no-bias" appended exactly
/// when x̃ = x (mutation run 35: the bias case's empty suffix could be replaced without a test noticing).
/// </summary>
public sealed class LinearModelRun36Examples
{
    [Fact]
    public void Name_WithBias_HasNoSuffix()
    {
        var model = new LinearModel(2, 3, bias: true);
        Assert.Equal(3, model.Width); // x̃ = (x, 1): the bias is there
        Assert.Equal("linear(D=2,M=3)", model.Name);
    }

    [Fact]
    public void Name_WithoutBias_SaysSo()
    {
        var model = new LinearModel(4, 1, bias: false);
        Assert.Equal(4, model.Width);
        Assert.Equal("linear(D=4,M=1,no-bias)", model.Name);
    }
}
