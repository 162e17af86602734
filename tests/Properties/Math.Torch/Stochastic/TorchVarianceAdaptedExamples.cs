using TorchSharp;
using Verification.Numerics.Torch.Stochastic;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Stochastic;

/// <summary>
/// The tensor Adam / SVAG / M-SVAG state at the scale it exists for, and misuse (agreement with the reference optimizers and
/// the Fig. 5.2 factors on every device is in <see cref="AgreementTable"/>, "stochastic/variance-…").
/// </summary>
public class TorchVarianceAdaptedExamples
{
    [Fact]
    public void LargeBatchedState_StaysFinite_AndRejectsMisuse()
    {
        // d = 200000 in one tensor: the reason the tensor form exists.
        using var state = new TorchVarianceAdaptedStep(VarianceAdaptedMethod.MSvag, 0.01, 0.9, 0.9, 0, [200_000], ScalarType.Float32, CPU);
        var generator = new Generator(seed: 3);
        for (int t = 0; t < 5; t++)
        {
            using var g = randn([200_000], ScalarType.Float32, CPU, generator: generator);
            using var delta = state.Step(g);
            Assert.True(isfinite(delta).all().item<bool>());
            Assert.True((delta.abs().max().item<float>()) <= 0.01f * 10);
        }
        using var wrong = zeros([3], ScalarType.Float32);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => state.Step(wrong)).ParamName);
        using var nanValue = double.NaN.ToScalar();
        using var nan = full([200_000], nanValue, ScalarType.Float32);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => state.Step(nan)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentException>(() =>
            new TorchVarianceAdaptedStep(VarianceAdaptedMethod.Svag, 0.01, 0, 0, 0, [1], ScalarType.Float64, CPU)).ParamName);
    }

    [Fact]
    public void Factors_RejectNegativeEta()
    {
        using var negative = tensor(new[] { -1.0 });
        Assert.Equal("eta", Assert.Throws<ArgumentException>(() => TorchVarianceAdaptationFactors.Adam(negative)).ParamName);
    }
}
