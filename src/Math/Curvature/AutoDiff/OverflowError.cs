namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// Operations that could bring a value or part that has overflowed back into the double range (issue 15, item 1). In the
/// forward-mode types over doubles a ±∞ stands for an exact value beyond the range: of magnitude at least
/// T = double.MaxValue + 2^970 (the least that rounds to ∞), and otherwise unknown. A sum with a finite term of the other
/// sign and magnitude 2^970 or more, a product by a factor of magnitude below 1 (below 2^(−1024(k − 1)) beside k such
/// factors), a quotient by a finite divisor above 1 in magnitude, a finite non-zero dividend over such a divisor, and log
/// or √ of it may all have an exact result within the range, where the IEEE ±∞ (or 0, or ±∞ again) would be a wrong answer:
/// e^710·½ gave +∞ (exact 1.1e308), e^710 − 10^308 gave +∞ (exact 1.2e308), log(e^710) gave +∞ (exact 710), and 1/e^710 gave
/// 0 (exact 4.5e-309). They are a <see cref="DoubleRangeException"/>. What stays ±∞ is beyond the range exactly:
/// T − |y| &gt; MaxValue for |y| &lt; 2^970, and T·|y| &gt; MaxValue for |y| ≥ 1 (no double lies in (1 − 2^-54, 1)).
/// </summary>
internal static class OverflowError
{
    /// <summary>2^970, half a unit in the last place of double.MaxValue: a finite term below it cannot bring T back within the range.</summary>
    private static readonly double Margin = Math.ScaleB(1.0, 970);

    /// <summary>True where infinite terms of one sign beside a finite sum of the other sign (of magnitude 2^970 or more) may add up to a value within the range.</summary>
    internal static bool Shrinks(bool positiveInfinity, bool negativeInfinity, double finiteSum) =>
        positiveInfinity && finiteSum <= -Margin || negativeInfinity && finiteSum >= Margin;

    /// <summary>Rejects a + b where one is ±∞ and the other a finite term of the other sign and magnitude 2^970 or more.</summary>
    internal static void RequireSum(double a, double b, string parameter)
    {
        if (double.IsInfinity(a) && Shrinks(a > 0, a < 0, b) || double.IsInfinity(b) && Shrinks(b > 0, b < 0, a))
            throw Shrunk($"the sum of {a:R} and {b:R}", parameter);
    }

    /// <summary>Rejects a·b where one is ±∞ and the other finite, non-zero and below 1 in magnitude.</summary>
    internal static void RequireProduct(double a, double b, string parameter)
    {
        if (double.IsInfinity(a) && ShrinkingFactor(b) || double.IsInfinity(b) && ShrinkingFactor(a))
            throw Shrunk($"the product of {a:R} and {b:R}", parameter);
    }

    /// <summary>Rejects a/b where a is ±∞ and b finite above 1 in magnitude, or a finite and non-zero and b ±∞.</summary>
    internal static void RequireQuotient(double a, double b, string parameter)
    {
        if (double.IsInfinity(a) && double.IsFinite(b) && Math.Abs(b) > 1 || double.IsFinite(a) && a != 0 && double.IsInfinity(b))
            throw Shrunk($"the quotient of {a:R} by {b:R}", parameter);
    }

    /// <summary>True for a finite non-zero factor below 1 in magnitude.</summary>
    private static bool ShrinkingFactor(double x) => x != 0 && Math.Abs(x) < 1;

    /// <summary>The rejection: <paramref name="what"/> may be within the range although an operand overflowed.</summary>
    internal static DoubleRangeException Shrunk(string what, string parameter)
    {
        string message = $"{what}: a ±∞ here stands for an exact value beyond ±double.MaxValue whose size doubles have lost, and this operation may bring it back within the range, so its result is undetermined in doubles (e^710·½ is 1.1e308, not ∞). Every value and part must stay within ±double.MaxValue where it is scaled down, divided or subtracted from.";
        return new DoubleRangeException(message, parameter);
    }
}
