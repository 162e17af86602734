using Verification.Numerics.Torch.Stochastic;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Stochastic;

/// <summary>
/// Input validation of the tensor SGD steps (their agreement with the reference, special cases included, is in
/// <see cref="AgreementTable"/>, "stochastic/sgd-…").
/// </summary>
public class TorchSgdStepExamples
{
    [Fact]
    public void BadInput_IsRejectedWithTheParameterNamed()
    {
        using var one = tensor(new double[,] { { 1, 2 } }, ScalarType.Float64);
        Assert.Equal("perSampleGradients", Assert.Throws<ArgumentException>(() => TorchSgdStep.OptimalStepRule(one, 1)).ParamName);
        Assert.Equal("smoothness", Assert.Throws<ArgumentException>(() => TorchSgdStep.OptimalStepRule(one, -1)).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentException>(() => TorchSgdStep.Plain(one, double.NaN)).ParamName);
        using var nan = tensor(new double[,] { { 1, double.NaN }, { 0, 0 } }, ScalarType.Float64);
        Assert.Equal("perSampleGradients", Assert.Throws<ArgumentException>(() => TorchSgdStep.Plain(nan, 1)).ParamName);
        using var ints = tensor(new long[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal("perSampleGradients", Assert.Throws<ArgumentException>(() => TorchSgdStep.Plain(ints, 1)).ParamName);
    }
}
