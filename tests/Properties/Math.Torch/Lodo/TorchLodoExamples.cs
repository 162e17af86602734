using Verification.Numerics.Lodo;
using Verification.Numerics.Torch.Lodo;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Lodo;

/// <summary>
/// Input validation of the tensor G(θ) of lodo.md eq. (2) (its agreement with the reference, the hypergradient and
/// Algorithm 1 are in <see cref="AgreementTable"/>, "lodo/…").
/// </summary>
public class TorchLodoExamples
{
    [Fact]
    public void InvalidTensors_NameTheParameter()
    {
        using var scope = NewDisposeScope();
        var g = new TorchBlockPermutationPreconditioner(BlockPermutationPreconditioner.Random(3, 2, 2, 1.0, 1));
        var theta = zeros(g.Structure.ParameterCount, ScalarType.Float64);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => g.Apply(zeros(5, ScalarType.Float64), zeros(3, ScalarType.Float64))).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => g.Apply(theta, zeros(3, ScalarType.Float32))).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => g.Apply(theta, tensor(new[] { 1.0, double.NaN, 0 }))).ParamName);
    }
}
