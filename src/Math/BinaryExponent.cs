namespace Verification.Numerics;

/// <summary>
/// The binary exponent by which a vector or matrix is scaled to unit magnitude before a computation that could under- or
/// overflow: a ScaleB by a power of two changes no bit of a normal double, so the scaled computation is the original one
/// moved by an exact factor.
/// </summary>
internal static class BinaryExponent
{
    /// <summary>⌊log₂ max|v|⌋, or 0 when every entry is 0 (for finite entries; callers check finiteness themselves).</summary>
    public static int OfLargest(IEnumerable<double> entries)
    {
        double largest = entries.Max(Math.Abs);
        return largest > 0 ? Math.ILogB(largest) : 0;
    }
}
