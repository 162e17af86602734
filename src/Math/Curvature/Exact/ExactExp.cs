using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Curvature.Exact;

/// <summary>
/// Outward-rounded enclosures of exp(x) for a rational x, so that statements with e^{f} (the softmax formulas of App. D.1.2)
/// can be certified: argument halving t = x/2^k with |t| ≤ 1/4, a fixed-point integer Taylor sum with a bound on each term's
/// rounding and on the truncated tail, then k squarings of the positive enclosure (monotone on (0, ∞)) rounded outward to
/// dyadics; <see cref="FixedPointExp"/> states every error bound.
/// </summary>
public static class ExactExp
{
    /// <summary>The largest |x| accepted (e^{±4096} still fits comfortably in a rational with a few thousand bits).</summary>
    public const double MaxArgument = 4096;

    /// <summary>An interval containing e^x, of relative width at most 2^(−bits).</summary>
    /// <exception cref="ArgumentException">x not finite or |x| &gt; <see cref="MaxArgument"/>; bits &lt; 16.</exception>
    public static RationalInterval Of(double x, int bits = 128)
    {
        Require.Finite(x, nameof(x));
        if (Math.Abs(x) > MaxArgument)
            throw new ArgumentException($"|x| must be ≤ {MaxArgument}, got {Require.Show(x)}.", nameof(x));
        return Of(ExactDouble.ToFraction(x), bits);
    }

    /// <summary>An interval containing e^x for a rational x, of relative width at most 2^(−bits).</summary>
    /// <exception cref="ArgumentException">bits &lt; 16 or |x| &gt; <see cref="MaxArgument"/>.</exception>
    public static RationalInterval Of(Fraction x, int bits)
    {
        if (bits < 16)
            throw new ArgumentException($"bits must be ≥ 16, got {bits}.", nameof(bits));
        if (Fraction.Abs(x) > new Fraction(4096))
            throw new ArgumentException($"|x| must be ≤ {MaxArgument}.", nameof(x));
        return FixedPointExp.Enclose(x, bits);
    }
}
