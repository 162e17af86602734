namespace Verification.Tests.Properties;

/// <summary>
/// Named tolerances of the property tests, each with its reason. Comparisons are two-sided:
/// |a − b| ≤ atol + rtol·max(|a|, |b|).
/// </summary>
public static class Tolerances
{
    /// <summary>The documented accuracy of <c>Elmo.Step</c>: ≤ 4 ulp (the error analysis in its remarks gives ≈ 2.25 ulp).</summary>
    public const double ElmoStepUlps = 4;

    /// <summary>
    /// Dense symmetric eigensolvers are backward stable: residuals are O(n·ε·‖H‖). For n ≤ 8 we allow 1e-12·‖H‖,
    /// several hundred ε, which also covers the reassembly V·diag·Vᵀ.
    /// </summary>
    public const double EigenRelative = 1e-12;

    /// <summary>True when |a − b| ≤ atol + rtol·max(|a|, |b|).</summary>
    public static bool Close(double a, double b, double rtol, double atol = 0) =>
        System.Math.Abs(a - b) <= atol + rtol * System.Math.Max(System.Math.Abs(a), System.Math.Abs(b));
}
