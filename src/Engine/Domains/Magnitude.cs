namespace Verification.Engine;

/// <summary>
/// The magnitude classes of a scalar domain (style.md: test extreme magnitudes). Each names a closed range of
/// |x|; see <see cref="Magnitudes.Range"/>.
/// </summary>
public enum Magnitude
{
    /// <summary>|x| ∈ [2⁻⁴, 2⁴]: the numbers a lemma is usually read with.</summary>
    Unit,

    /// <summary>|x| ∈ [2⁻¹⁰²², 2⁻²⁰]: small normal doubles, down to the smallest normal one.</summary>
    Tiny,

    /// <summary>|x| ∈ [2²⁰, double.MaxValue]: large doubles, up to the largest finite one.</summary>
    Huge,

    /// <summary>|x| ∈ [2⁻¹⁰⁷⁴, 2⁻¹⁰²² − 2⁻¹⁰⁷⁴]: the subnormal doubles only.</summary>
    Subnormal,

    /// <summary>|x| ∈ [2⁻¹⁰⁷⁴, double.MaxValue]: every finite nonzero magnitude, spread evenly over the binary exponents.</summary>
    Any,
}

/// <summary>The ranges of the <see cref="Magnitude"/> classes.</summary>
public static class Magnitudes
{
    /// <summary>The smallest normal double, 2⁻¹⁰²².</summary>
    public const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>The closed range [min, max] of |x| for a magnitude class (0 &lt; min ≤ max &lt; ∞).</summary>
    /// <exception cref="ArgumentException">a value outside the enum.</exception>
    public static (double Min, double Max) Range(Magnitude magnitude) => magnitude switch
    {
        Magnitude.Unit => (0.0625, 16),
        Magnitude.Tiny => (SmallestNormal, Math.ScaleB(1, -20)),
        Magnitude.Huge => (Math.ScaleB(1, 20), double.MaxValue),
        Magnitude.Subnormal => (double.Epsilon, Math.BitDecrement(SmallestNormal)),
        Magnitude.Any => (double.Epsilon, double.MaxValue),
        _ => throw new ArgumentException($"magnitude {(int)magnitude} is not a defined Magnitude.", nameof(magnitude)),
    };

    /// <summary>True when |x| lies in the class's range (0 and non-finite values never do).</summary>
    public static bool Contains(Magnitude magnitude, double x)
    {
        var (min, max) = Range(magnitude);
        double a = Math.Abs(x);
        return a >= min && a <= max;
    }
}

/// <summary>The signs a scalar domain admits.</summary>
public enum Signs
{
    /// <summary>x &gt; 0.</summary>
    Positive,

    /// <summary>x &gt; 0 or x = 0 exactly.</summary>
    NonNegative,

    /// <summary>Either sign, 0 and −0.0 included.</summary>
    Any,
}
