using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>Moves test data between double arrays / MathNet types and tensors of a chosen dtype and device.</summary>
internal static class TensorConvert
{
    /// <summary>A 1-D tensor of <paramref name="type"/> on <paramref name="device"/> (float32 rounds each value once).</summary>
    public static Tensor Vector(IEnumerable<double> values, ScalarType type, Device? device = null)
    {
        using var scope = NewDisposeScope();
        var t = tensor(values.ToArray(), ScalarType.Float64).to(type, device ?? CPU);
        return t.MoveToOuterDisposeScope();
    }

    /// <summary>A 2-D tensor of <paramref name="type"/> on <paramref name="device"/>.</summary>
    public static Tensor Matrix(Matrix<double> matrix, ScalarType type, Device? device = null)
    {
        using var scope = NewDisposeScope();
        var t = tensor(matrix.ToArray(), ScalarType.Float64).to(type, device ?? CPU);
        return t.MoveToOuterDisposeScope();
    }

    /// <summary>The entries of any tensor as doubles, row-major, copied to the CPU.</summary>
    public static double[] ToDoubles(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.detach().to(ScalarType.Float64, CPU).contiguous().reshape(-1).data<double>().ToArray();
    }
}
