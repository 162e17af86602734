using Fractions;

namespace Verification.Numerics.Exact;

/// <summary>Small helpers the Fractions package does not provide.</summary>
public static class FractionExtensions
{
    /// <summary>−1, 0 or +1.</summary>
    public static int Sign(this Fraction value) => value.Numerator.Sign * value.Denominator.Sign;

    /// <summary>The larger of two rationals.</summary>
    public static Fraction Max(Fraction a, Fraction b) => a >= b ? a : b;
}
