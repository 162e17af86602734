using Verification.Numerics;
using static TorchSharp.torch;

namespace Verification.Optimizers.Torch;

/// <summary>Argument checks of this project: each failure is an <see cref="ArgumentException"/> naming the parameter and value.</summary>
internal static class TorchChecks
{
    /// <summary>A non-empty, finite float32/float64 vector.</summary>
    internal static Tensor FiniteVector(Tensor? t, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.IsInvalid)
            throw new ArgumentException($"{name} is a disposed tensor.", name);
        if (t.dtype != ScalarType.Float64 && t.dtype != ScalarType.Float32)
            throw new ArgumentException($"{name} must be float32 or float64, got {t.dtype}.", name);
        if (t.Dimensions != 1 || t.shape[0] == 0)
            throw new ArgumentException($"{name} must be a non-empty vector, got {t.Dimensions} dimension(s).", name);
        using var scope = NewDisposeScope();
        var bad = isfinite(t.detach()).logical_not().nonzero();
        if (bad.shape[0] > 0)
        {
            long i = bad[0, 0].item<long>();
            throw new ArgumentException($"{name}[{i}] must be finite, got {Require.Show(t[i].to_type(ScalarType.Float64).item<double>())}.", name);
        }
        return t;
    }

    /// <summary>An integer in [min, max].</summary>
    internal static int InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentException($"{name} must lie in [{min}, {max}], got {value}.", name);
        return value;
    }
}
