using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch;

/// <summary>
/// Argument checks for the tensor entry points, run before any numerical native call so that misuse
/// surfaces as an <see cref="ArgumentException"/> naming the parameter and the offending value, never as
/// a libtorch error (which, raised on an autograd worker thread, could take the process down).
/// Mirrors <see cref="Require"/> of the double-precision reference; the one guard of the tensor layer, shared with
/// Verification.Optimizers.Torch (see AssemblyInfo.cs).
/// </summary>
internal static class TorchArguments
{
    /// <summary>Symmetry tolerance for float64 matrices, relative to the largest |entry| (as <see cref="Require.SymmetryTolerance"/>).</summary>
    internal const double SymmetryToleranceDouble = Require.SymmetryTolerance;

    /// <summary>
    /// Symmetry tolerance for float32 matrices, relative to the largest |entry|: about 80 float32 ulps,
    /// room for a Hessian assembled row by row in single precision.
    /// </summary>
    internal const double SymmetryToleranceSingle = 1e-5;

    /// <summary>Non-null, live, dense float32 or float64 tensor.</summary>
    internal static Tensor Floating(Tensor? tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.IsInvalid)
            throw new ArgumentException($"{name} is a disposed tensor.", name);
        if (tensor.dtype != ScalarType.Float64 && tensor.dtype != ScalarType.Float32)
            throw new ArgumentException($"{name} must have dtype Float64 or Float32, got {tensor.dtype}.", name);
        if (tensor.is_sparse)
            throw new ArgumentException($"{name} must be a dense tensor, got a sparse one.", name);
        return tensor;
    }

    /// <summary><paramref name="tensor"/> has the dtype and device of <paramref name="reference"/>.</summary>
    internal static Tensor SameKind(Tensor reference, string referenceName, Tensor? tensor, string name)
    {
        Floating(tensor, name);
        if (tensor!.dtype != reference.dtype)
            throw new ArgumentException($"{name} has dtype {tensor.dtype} but {referenceName} has {reference.dtype}.", name);
        if (tensor.device_type != reference.device_type || tensor.device_index != reference.device_index)
            throw new ArgumentException($"{name} is on {tensor.device} but {referenceName} is on {reference.device}.", name);
        return tensor;
    }

    /// <summary><paramref name="tensor"/> has the dtype, device and exact shape of <paramref name="reference"/> (no broadcasting).</summary>
    internal static Tensor SameLayout(Tensor reference, string referenceName, Tensor? tensor, string name)
    {
        SameKind(reference, referenceName, tensor, name);
        if (!tensor!.shape.SequenceEqual(reference.shape))
            throw new ArgumentException(
                $"{name} has shape {ShapeText(tensor.shape)} but {referenceName} has {ShapeText(reference.shape)}.", name);
        return tensor;
    }

    /// <summary>Non-empty 1-D tensor.</summary>
    internal static Tensor Vector(Tensor? tensor, string name)
    {
        Floating(tensor, name);
        if (tensor!.Dimensions != 1 || tensor.shape[0] == 0)
            throw new ArgumentException($"{name} must be a non-empty vector, got shape {ShapeText(tensor.shape)}.", name);
        return tensor;
    }

    /// <summary>A non-empty, finite float32/float64 vector (<see cref="Vector"/> and <see cref="Finite"/>).</summary>
    internal static Tensor FiniteVector(Tensor? tensor, string name) => Finite(Vector(tensor, name), name);

    /// <summary>Every entry finite (no NaN, no ±∞).</summary>
    internal static Tensor Finite(Tensor tensor, string name) =>
        RejectEntries(tensor, name, flat => isfinite(flat).logical_not(), "must be finite");

    /// <summary>Every entry finite and ≥ 0 (−0.0 counts as zero).</summary>
    internal static Tensor NonNegative(Tensor tensor, string name) =>
        RejectEntries(Finite(tensor, name), name, flat => flat.lt(TorchScalars.Zero), "must be ≥ 0");

    /// <summary>Every entry finite and &gt; 0.</summary>
    internal static Tensor Positive(Tensor tensor, string name) =>
        RejectEntries(Finite(tensor, name), name, flat => flat.le(TorchScalars.Zero), "must be > 0");

    /// <summary>
    /// The per-eigenspace triple of eqs. (7) and Lemma 3.2: same-shaped float tensors λ (finite), |g| (finite, ≥ 0)
    /// and L (finite, &gt; 0), named as the public parameters.
    /// </summary>
    internal static void Eigenspaces(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz)
    {
        Floating(lambda, nameof(lambda));
        SameLayout(lambda, nameof(lambda), gradMagnitude, nameof(gradMagnitude));
        SameLayout(lambda, nameof(lambda), lipschitz, nameof(lipschitz));
        Finite(lambda, nameof(lambda));
        NonNegative(gradMagnitude, nameof(gradMagnitude));
        Positive(lipschitz, nameof(lipschitz));
    }

    /// <summary>
    /// Non-empty, square, finite and symmetric up to <see cref="SymmetryToleranceDouble"/> (float64) or
    /// <see cref="SymmetryToleranceSingle"/> (float32) of its largest |entry|.
    /// </summary>
    internal static Tensor SymmetricMatrix(Tensor? tensor, string name)
    {
        Floating(tensor, name);
        var shape = tensor!.shape;
        if (shape.Length != 2 || shape[0] == 0 || shape[0] != shape[1])
            throw new ArgumentException($"{name} must be a non-empty square matrix, got shape {ShapeText(shape)}.", name);
        Finite(tensor, name);

        using var scope = NewDisposeScope();
        var a = tensor.detach();
        double scale = a.abs().max().to_type(ScalarType.Float64).item<double>();
        double tolerance = (tensor.dtype == ScalarType.Float64 ? SymmetryToleranceDouble : SymmetryToleranceSingle) * scale;
        var gap = (a - a.mT).abs().reshape(-1);
        long worst = gap.argmax().item<long>();
        double worstGap = gap[worst].to_type(ScalarType.Float64).item<double>();
        if (worstGap > tolerance)
        {
            long i = worst / shape[1], j = worst % shape[1];
            double aij = a[i, j].to_type(ScalarType.Float64).item<double>();
            double aji = a[j, i].to_type(ScalarType.Float64).item<double>();
            throw new ArgumentException(
                $"{name} must be symmetric: [{i},{j}] = {Require.Show(aij)} but [{j},{i}] = {Require.Show(aji)}.", name);
        }
        return tensor;
    }

    /// <summary>"[2×3]"-style text of a shape.</summary>
    internal static string ShapeText(long[] shape) => "[" + string.Join("×", shape) + "]";

    /// <summary>Throws for the first entry (row-major) where <paramref name="violates"/> holds, naming its index and value.</summary>
    private static Tensor RejectEntries(Tensor tensor, string name, Func<Tensor, Tensor> violates, string requirement)
    {
        using var scope = NewDisposeScope();
        var flat = tensor.detach().reshape(-1);
        var bad = violates(flat);
        if (!bad.any().item<bool>())
            return tensor;
        long index = bad.nonzero()[0, 0].item<long>();
        double value = flat[index].to_type(ScalarType.Float64).item<double>();
        throw new ArgumentException($"{name}{IndexText(index, tensor.shape)} {requirement}, got {Require.Show(value)}.", name);
    }

    private static string IndexText(long flatIndex, long[] shape)
    {
        if (shape.Length == 0)
            return "";
        var index = new long[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flatIndex % shape[d];
            flatIndex /= shape[d];
        }
        return "[" + string.Join(",", index) + "]";
    }
}
