using System.Numerics;
using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// Operations that could bring a value or part that has overflowed back into the double range (issue 15, item 1, gap 6).
/// In the forward-mode types over doubles a ±∞ stands for an exact value beyond the range: of magnitude at least
/// T = double.MaxValue + 2^970 = 2^1024 − 2^970 (the least that rounds to ∞), and otherwise unknown. A sum with a finite
/// term of the other sign and magnitude 2^970 or more, a product by a finite non-zero factor below 1 in magnitude (a term
/// of k ≥ 2 infinite factors: finite factors below 2·2^(−1024(k − 1)), <see cref="ShrinksTerm"/>), a quotient of it by a
/// finite divisor above 1 in magnitude, a quotient of a finite non-zero value by it, and log or √ of it may all have an
/// exact result within the range, where the IEEE ±∞ (or 0) would be a wrong answer: e^710·½ gave +∞ (exact 1.1e308),
/// e^710 − 10^308 gave +∞ (exact 1.2e308), log(e^710) gave +∞ (exact 710), and 1/e^710 gave 0 (exact 4.5e-309). They are a
/// <see cref="DoubleRangeException"/>. What stays ±∞ is beyond the range: T − |y| &gt; MaxValue for |y| &lt; 2^970,
/// T·|y| ≥ T for |y| ≥ 1, T/|y| ≥ T for |y| ≤ 1, and a sum of infinite terms of one sign, e^x of +∞, are at least T.
/// </summary>
/// <remarks>
/// exp, tanh, erf and erfc of ±∞ saturate: e^{−∞}, erfc(+∞) are 0 (with an underflow bound: the exact value is positive,
/// so a quotient by it or its log is a <see cref="DoubleRangeException"/>, not a domain error), tanh(±∞) and erf(±∞) are
/// ±1, and their derivatives there are below e^{−2T} and carried as 0 (tanh's from |x| &gt; 2200 on, erf's at ±∞), which
/// keeps a product with any part 0, a ±∞ one included: a part would have to be beyond e^{2T}·2^-1075 for it to matter;
/// e^{−∞} (carried as 2^(−2^20)) beside a ±∞ part is rejected as any factor below 1 is. A choice between two equal ±∞ values with different parts (max, min of the jets) is
/// rejected too: their order is lost; so is a comparison (&lt;, ≤, &gt;, ≥) of two values that are both +∞ or both −∞,
/// whatever the parts (<see cref="RequireComparable"/>). Limits, at the last bit only: a sum with a term below 2^970 leaves a value beyond
/// MaxValue that may be below T, so n such sums in a row may, like n roundings, lower it by n·2^970 to within the range
/// (T − 3·2^969 is); and a derivative φ' or φ'' that is a factor of a term with one ±∞ is itself rounded (within the few
/// units of 2^-53 its type documents), so where it rounded up to 1 or above the term may stand for T·(1 − c·2^-53), not
/// at least T. The product of a term's finite factors is compared with 1 exactly (it was rounded first, <see cref="BelowOne"/>).
/// </remarks>
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

    /// <summary>
    /// True where a term (a product) with k ≥ 1 factors ±∞ and no zero factor may be within the range: its exact value is at
    /// least T^k·|P| with P the product of its finite factors, which is beyond the range for k = 1 where |P| ≥ 1, and for
    /// k ≥ 2 where |P| ≥ 2·2^(−1024(k − 1)): then T^k·|P| ≥ 2T·(T/2^1024)^(k − 1) = 2T·(1 − 2^-54)^(k − 1) ≥ T. Without the
    /// factor 2, T^k·2^(−1024(k − 1)) = T·(1 − 2^-54)^(k − 1) is below double.MaxValue = T − 2^970 from k = 3 on
    /// (+∞·+∞·+∞·2^-1024·2^-1024 gave +∞ where T³·2^-2048 ≈ 2^1024 − 3·2^970 is within the range), and for k = 2 it is only
    /// beyond MaxValue, not at least T as every other ±∞ that passes these rules is.
    /// </summary>
    internal static bool ShrinksTerm(ReadOnlySpan<double> factors)
    {
        Span<double> magnitudes = stackalloc double[factors.Length];
        int n = 0, infinite = 0;
        foreach (double f in factors)
            if (double.IsInfinity(f))
                infinite++;
            else
                magnitudes[n++] = Math.Abs(f);
        // k = 1: |P| against 1 exactly (BelowOne). k ≥ 2: |P| rounded (a few roundings, each far below the margin factor 2);
        // P·2^(1024(k − 1)) saturates at 2^3000, which only makes k ≥ 4 stricter.
        return infinite == 1 ? BelowOne(magnitudes[..n])
            : infinite > 1 && ScaledSum.Product(1024 * (infinite - 1), magnitudes[..n]) < 2;
    }

    /// <summary>
    /// True where the exact product of finite magnitudes is below 1: each is m·2^e with an integer m &lt; 2^53, and
    /// Πm·2^(Σe) &lt; 1 exactly where Σe &lt; 0 and Πm has at most −Σe bits. The rounded product compared with 1 before: for
    /// P = 0x1.93ea5c4b4e05ap0·0x1.7589a83d1cb68p0·0x1.bcca37e24d648p-2 it is 1, exactly P = 1 − 1.23·2^-54, and T·P, below
    /// double.MaxValue = T − 2^970, is within the range: +∞·P stayed +∞.
    /// </summary>
    private static bool BelowOne(ReadOnlySpan<double> magnitudes)
    {
        var mantissas = BigInteger.One;
        long exponent = 0;
        foreach (double x in magnitudes)
        {
            if (x == 0)
                return true;
            long bits = BitConverter.DoubleToInt64Bits(x);
            int biased = (int)(bits >> 52) & 0x7FF;
            long fraction = bits & ((1L << 52) - 1);
            mantissas *= biased == 0 ? fraction : fraction | 1L << 52;
            exponent += (biased == 0 ? 1 : biased) - 1075;
        }
        return exponent < 0 && mantissas.GetBitLength() <= -exponent;
    }

    /// <summary>
    /// The rejection of max or min between two values that are both <paramref name="value"/> (the same ±∞) with different
    /// derivative parts: their order, hence the result's parts, is lost (HessianJet's and HyperDualReal's Max and Min).
    /// </summary>
    internal static DoubleRangeException Unordered(double value, string parameter) => new(
        $"max or min of two values that are both {value:R} (beyond the double range) with different derivative parts: which is larger is undetermined in doubles, and so are the result's parts; every value must be within ±double.MaxValue where it is compared.",
        parameter);

    /// <summary>
    /// Rejects a comparison <paramref name="a"/> <paramref name="comparison"/> <paramref name="b"/> of two values that are
    /// both +∞ or both −∞ (HessianJet's and HyperDualReal's &lt;, ≤, &gt;, ≥): each stands for an exact value beyond the
    /// range whose size is lost, so which is larger, or whether they are equal, is undetermined (IEEE answered +∞ &lt; +∞
    /// false and +∞ ≤ +∞ true, though e^710 &lt; e^711 exactly). Against a finite value or the opposite ±∞ it is decided.
    /// Only over <see cref="Float64"/>: the other arithmetics decide it themselves (an interval throws
    /// <see cref="UndecidedException"/> where it cannot).
    /// </summary>
    internal static void RequireComparable<T>(T a, T b, string comparison, string parameter) where T : IReal<T>
    {
        if (typeof(T) != typeof(Float64))
            return;
        double x = T.Estimate(a), y = T.Estimate(b);
        if (double.IsInfinity(x) && x == y)
            throw new DoubleRangeException(
                $"{x:R} {comparison} {y:R}: both values are beyond the double range on the same side, each an exact value of magnitude at least 2^1024 − 2^970 whose size doubles have lost, so which is larger, or whether they are equal, is undetermined in doubles (e^710 < e^711, yet both are +∞); a value must be within ±double.MaxValue where it is compared with another beyond the range on the same side.",
                parameter);
    }

    /// <summary>The rejection: <paramref name="what"/> may be within the range although an operand overflowed.</summary>
    internal static DoubleRangeException Shrunk(string what, string parameter)
    {
        string message = $"{what}: a ±∞ here stands for an exact value beyond ±double.MaxValue whose size doubles have lost, and this operation may bring it back within the range, so its result is undetermined in doubles (e^710·½ is 1.1e308, not ∞). Every value and part must stay within ±double.MaxValue where it is scaled down, divided or subtracted from.";
        return new DoubleRangeException(message, parameter);
    }
}
