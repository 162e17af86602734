using System.Globalization;
using Xunit.Sdk;

namespace Verification.Tests.Properties;

/// <summary>
/// Named tolerances of the property tests, each with its reason, and the shared comparers: <see cref="Close"/> for two
/// numbers (two-sided: |a − b| ≤ atol + rtol·max(|a|, |b|)) and <see cref="AssertClose"/> for vectors (NaN/∞-aware,
/// reporting the worst index).
/// </summary>
public static class Tolerances
{
    /// <summary>
    /// The documented accuracy of <c>ElmoStep.Step</c> (and of <c>CauchyStep.Along</c> and <c>ElmoPreconditioner.Factor</c>,
    /// built on the same double-double root): ≤ 1 ulp of the exact value, ulp never below 2^-1074. The error analysis in
    /// their remarks gives ½ ulp + 2^-45 ulp for normal and ¾·2^-1074 for subnormal results; 200 000 random full-range
    /// cases gave 0.5 and 0.75.
    /// </summary>
    public const double ElmoStepUlps = 1;

    /// <summary>
    /// Dense symmetric eigensolvers are backward stable: residuals are O(n·ε·‖H‖). For n ≤ 8 we allow 1e-12·‖H‖,
    /// several hundred ε, which also covers the reassembly V·diag·Vᵀ.
    /// </summary>
    public const double EigenRelative = 1e-12;

    /// <summary>True when |a − b| ≤ atol + rtol·max(|a|, |b|).</summary>
    public static bool Close(double a, double b, double rtol, double atol = 0) =>
        Math.Abs(a - b) <= atol + rtol * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>
    /// Asserts |actual[i] − expected[i]| ≤ tolerance·scale[i] for all i; on failure reports the worst index, both
    /// values, their difference relative to the scale and the tolerance, and the input at that index. Equal values
    /// (equal infinities, zeros of either sign) pass; NaN on either side fails. Returns the worst
    /// ratio |diff|/(tolerance·scale) (0 when every pair is equal), for reports of how tight a bound is.
    /// A comparison that could not fail is refused rather than passed: a tolerance that is negative, NaN or ∞, and a
    /// scale entry that is negative or NaN, fail the assertion outright (a negative product would make every ratio
    /// negative, so nothing would ever exceed 1); a scale entry of ∞ fails wherever the two values differ (any finite
    /// difference over ∞ is 0).
    /// </summary>
    public static double AssertClose(
        string what, double[] expected, double[] actual, double[] scale, double tolerance, Func<int, string> input)
    {
        if (expected.Length != actual.Length || expected.Length != scale.Length)
            throw new XunitException($"{what}: length mismatch, expected {expected.Length}, actual {actual.Length}, scale {scale.Length}.");
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: tolerance {tolerance:R} is not a finite number ≥ 0, so the comparison could not fail."));
        int worst = -1;
        double worstRatio = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(scale[i] >= 0) || (double.IsPositiveInfinity(scale[i]) && actual[i] != expected[i]))
                throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: index {i} of {expected.Length}: scale {scale[i]:R} (expected {expected[i]:R}, actual {actual[i]:R}) " +
                    $"is not a finite number ≥ 0, so the comparison could not fail; input {input(i)}"));
            double ratio = actual[i] == expected[i] ? 0 : Math.Abs(actual[i] - expected[i]) / (tolerance * scale[i]);
            if (double.IsNaN(ratio))
                ratio = double.PositiveInfinity;
            if (ratio > worstRatio || (worst < 0 && ratio > 0))
            {
                worst = i;
                worstRatio = ratio;
            }
        }
        if (worstRatio > 1)
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: worst index {worst} of {expected.Length}: expected {expected[worst]:R}, actual {actual[worst]:R}, " +
                $"|diff|/scale = {Math.Abs(actual[worst] - expected[worst]) / scale[worst]:R} " +
                $"(scale {scale[worst]:R}) > tolerance {tolerance:R} (ratio {worstRatio:G3}); input {input(worst)}"));
        return worstRatio;
    }

    /// <summary>max(|a|, |b|) elementwise: the scale for quantities computed without cancellation.</summary>
    public static double[] MaxMagnitude(double[] a, double[] b) =>
        a.Zip(b, (x, y) => Math.Max(Math.Abs(x), Math.Abs(y))).ToArray();

    /// <summary>A constant scale, for comparing entries of one matrix or vector against its largest entry.</summary>
    public static double[] Uniform(int length, double scale) => Enumerable.Repeat(scale, length).ToArray();
}
