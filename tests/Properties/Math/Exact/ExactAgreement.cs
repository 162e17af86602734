using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// Compares a double result with an exact enclosure over the whole double range: within a number of ulps of the
/// exact value where that value rounds to a finite double, and ±∞ exactly where round-to-nearest overflows.
/// </summary>
public static class ExactAgreement
{
    /// <summary>2^1024 − 2^970 = double.MaxValue + ½ ulp: every real at or above it rounds to +∞ (the tie goes to even).</summary>
    public static Fraction OverflowThreshold { get; } = ExactDouble.Pow2(1024) - ExactDouble.Pow2(970);

    /// <summary>u = 2^-53, the unit roundoff of round-to-nearest doubles.</summary>
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    /// <summary>
    /// γ_m = m·u/(1 − m·u): the relative error bound of m successive roundings to nearest (Higham), exact.
    /// </summary>
    public static Fraction Gamma(int m) => m * Unit / (1 - m * Unit);

    /// <summary>
    /// True (with a label saying why not) when <paramref name="computed"/> is ±∞ exactly where the exact value is at
    /// or beyond ±<see cref="OverflowThreshold"/>, and otherwise finite and within <paramref name="ulps"/> ulp of it
    /// (<see cref="ExactDouble.UlpError"/>: ulp(x) = 2^(⌊log₂|x|⌋ − 52), never below 2^-1074, so subnormal results are
    /// measured in units of 2^-1074). An enclosure that straddles the threshold decides nothing and passes.
    /// </summary>
    public static Property Within(double computed, RationalInterval exact, double ulps, string inputs)
    {
        var t = OverflowThreshold;
        if (double.IsNaN(computed))
            return false.Label($"{inputs}: NaN, exact {exact}");
        if (exact.Lower >= t)
            return (computed == double.PositiveInfinity).Label($"{inputs}: exact {exact} ≥ MaxValue + ½ulp, computed {computed:R}");
        if (exact.Upper <= -t)
            return (computed == double.NegativeInfinity).Label($"{inputs}: exact {exact} ≤ −MaxValue − ½ulp, computed {computed:R}");
        if (exact.Upper >= t || exact.Lower <= -t)
            return true.Label($"{inputs}: enclosure {exact} straddles the overflow threshold (undecided)");
        if (double.IsInfinity(computed))
            return false.Label($"{inputs}: computed {computed:R} but exact {exact} rounds to a finite double");
        double error = ExactDouble.UlpError(computed, exact);
        return (error <= ulps).Label($"{inputs}: computed {computed:R}, exact {exact}, {error:R} ulp > {ulps} ulp");
    }
}
