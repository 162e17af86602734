using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch;

/// <summary>
/// The tensor arithmetic of TorchSharp's operators, with every Scalar the native call reads kept alive until it returns.
/// </summary>
/// <remarks>
/// TorchSharp's <c>a + b</c> is <c>a.add(b, 1)</c>, and its <c>2.0 * t</c> is <c>t.mul(2.0)</c>: each makes a temporary
/// <see cref="Scalar"/> inside TorchSharp (the alpha 1, or the converted primitive) that nothing references once its handle
/// has been read, so a garbage collection during the native call can run its finalizer and free the c10::Scalar while
/// libtorch still reads it. The full test run hit it once ("Exception raised from toDouble" in add_Tensor, in the Fisher
/// of <see cref="Curvature.TorchCurvature"/>); freed memory that happens to be reused would instead give a wrong value
/// silently. These methods do exactly what the operators do (the same native op, the same alpha, a primitive of the same
/// type), so results are unchanged bit for bit; the operators and the alpha-less add are banned in this project and in
/// Verification.Optimizers.Torch (BannedSymbols.txt), see also <see cref="TorchScalars"/>.
/// </remarks>
internal static class TorchArithmetic
{
    /// <summary>a + b (TorchSharp's <c>a + b</c>: add with alpha the int 1).</summary>
    internal static Tensor Plus(this Tensor a, Tensor b) => a.add(b, TorchScalars.One);

    /// <summary>a + c for a double c.</summary>
    internal static Tensor Plus(this Tensor a, double c)
    {
        using var s = c.ToScalar();
        return a.add(s, TorchScalars.One);
    }

    /// <summary>a + c for an int c.</summary>
    internal static Tensor Plus(this Tensor a, int c)
    {
        using var s = c.ToScalar();
        return a.add(s, TorchScalars.One);
    }

    /// <summary>a += b in place (TorchSharp's <c>add_(b)</c>: alpha the int 1).</summary>
    internal static Tensor PlusInPlace(this Tensor a, Tensor b) => a.add_(b, TorchScalars.One);

    /// <summary>a − c for a double c.</summary>
    internal static Tensor Minus(this Tensor a, double c)
    {
        using var s = c.ToScalar();
        return a.sub(s);
    }

    /// <summary>a − c for an int c.</summary>
    internal static Tensor Minus(this Tensor a, int c)
    {
        using var s = c.ToScalar();
        return a.sub(s);
    }

    /// <summary>c − a for a double c (TorchSharp's <c>c - a</c>: (−a) + c).</summary>
    internal static Tensor SubtractedFrom(this Tensor a, double c)
    {
        using var s = c.ToScalar();
        return a.negative().add(s, TorchScalars.One);
    }

    /// <summary>c − a for an int c.</summary>
    internal static Tensor SubtractedFrom(this Tensor a, int c)
    {
        using var s = c.ToScalar();
        return a.negative().add(s, TorchScalars.One);
    }

    /// <summary>a·c for a double c.</summary>
    internal static Tensor Times(this Tensor a, double c)
    {
        using var s = c.ToScalar();
        return a.mul(s);
    }

    /// <summary>a·c for an int c.</summary>
    internal static Tensor Times(this Tensor a, int c)
    {
        using var s = c.ToScalar();
        return a.mul(s);
    }

    /// <summary>a/c for a double c.</summary>
    internal static Tensor DividedBy(this Tensor a, double c)
    {
        using var s = c.ToScalar();
        return a.div(s);
    }

    /// <summary>a/c for an int c.</summary>
    internal static Tensor DividedBy(this Tensor a, int c)
    {
        using var s = c.ToScalar();
        return a.div(s);
    }

    /// <summary>c/a for an int c (TorchSharp's <c>c / a</c>: a⁻¹·c).</summary>
    internal static Tensor Into(this Tensor a, int c)
    {
        using var s = c.ToScalar();
        return a.reciprocal().mul(s);
    }

    /// <summary>The value of a one-element tensor as a double (TorchSharp's ToDouble reads a temporary Scalar).</summary>
    internal static double Value(this Tensor t) => t.to_type(ScalarType.Float64).item<double>();
}
