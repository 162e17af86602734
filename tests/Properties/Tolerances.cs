namespace Verification.Tests.Properties;

/// <summary>
/// Named tolerances of the property tests, each with its reason. Comparisons are two-sided:
/// |a − b| ≤ atol + rtol·max(|a|, |b|).
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
}
