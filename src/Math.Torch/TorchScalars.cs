using TorchSharp;

namespace Verification.Numerics.Torch;

/// <summary>
/// The TorchSharp <see cref="Scalar"/> constants the tensor code compares and fills with, created once and kept for the
/// life of the process.
/// </summary>
/// <remarks>
/// Why not write <c>t.gt(0)</c>: a primitive passed where TorchSharp takes a <see cref="Scalar"/> goes through Scalar's
/// implicit conversion, which makes a temporary Scalar that owns a native c10::Scalar through a plain handle and frees it
/// in its finalizer. Once TorchSharp has read the handle for the native call, nothing references the temporary, so a
/// garbage collection during that call (another thread allocating) can run the finalizer and free the native Scalar
/// while libtorch still reads it: a rare wrong value or "Exception raised from toFloat at c10/core/Scalar.h" under load.
/// The analyzer bans those conversions in this project and in Verification.Optimizers.Torch (BannedSymbols.txt).
/// Write one of these static Scalars (always reachable), or for a value known only at run time
/// <c>using var s = x.ToScalar();</c> declared before the call (the <c>using</c> keeps it alive to the end of the scope
/// and frees it deterministically). Each constant has the type the code used before (an int stays an int, a double a
/// double), so the same values reach the same ops and the results are unchanged bit for bit.
/// </remarks>
internal static class TorchScalars
{
    /// <summary>The int 0.</summary>
    internal static readonly Scalar Zero = 0.ToScalar();

    /// <summary>The int 1.</summary>
    internal static readonly Scalar One = 1.ToScalar();

    /// <summary>The int −1.</summary>
    internal static readonly Scalar MinusOne = (-1).ToScalar();

    /// <summary>The int 2.</summary>
    internal static readonly Scalar Two = 2.ToScalar();

    /// <summary>The double ½.</summary>
    internal static readonly Scalar OneHalf = 0.5.ToScalar();

    /// <summary>The double −∞.</summary>
    internal static readonly Scalar NegativeInfinity = double.NegativeInfinity.ToScalar();
}
