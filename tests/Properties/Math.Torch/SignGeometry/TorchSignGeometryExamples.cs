using Verification.Numerics.Torch.SignGeometry;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.SignGeometry;

/// <summary>
/// Shapes and input validation of the tensor sign-geometry entry points (their agreement with the reference on every device
/// is in <see cref="AgreementTable"/>, "sign/…").
/// </summary>
public class TorchSignGeometryExamples
{
    [Fact]
    public void SingleMatrix_GivesScalarAndVector()
    {
        using var scope = NewDisposeScope();
        var (v, x) = TorchInfToOneNorm.Compute(tensor(new double[,] { { 2, -1 }, { -1, 3 } }));
        Assert.Empty(v.shape);
        Assert.Equal(7.0, v.item<double>());
        Assert.Equal([2L], x.shape);
    }

    [Fact]
    public void NonSymmetric_AndWrongRank_AreRejectedNamingTheParameter()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => TorchInfToOneNorm.Compute(tensor(new double[,] { { 1, 2 }, { 0, 1 } }))).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => TorchInfToOneNorm.Compute(tensor(new double[] { 1, 2 }))).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => TorchInfToOneNorm.Compute(tensor(new double[,] { { double.NaN } }))).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => TorchInfToOneNorm.Compute(tensor(new int[,] { { 1 } }))).ParamName);
    }

    [Fact]
    public void NormScaledStep_RejectsNonPositiveConstant()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => TorchSignDescent.NormScaledStep(tensor(new double[] { 1, 2 }), tensor(0.0)));
        Assert.Equal("lInfinity", e.ParamName);
    }
}
