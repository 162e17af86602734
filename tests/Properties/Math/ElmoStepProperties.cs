using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Math;
using Verification.Math.Exact;

namespace Verification.Tests.Properties.Math;

/// <summary>The accuracy contract of <see cref="Elmo.Step"/> (foundation issue, item 4) and its minimizing property.</summary>
[Properties(Arbitrary = [typeof(MathArbitraries)], MaxTest = 1500)]
public class ElmoStepProperties
{
    /// <summary>Within 4 ulp of the exact value (enclosed to 200 bits in rationals) wherever that value is a finite double.</summary>
    [Property]
    public Property Step_IsWithinFourUlpOfExact(StepDomainInput x)
    {
        double computed = Elmo.Step(x.Lambda, x.GradMagnitude, x.Lipschitz);
        var exact = ExactElmo.Step(x.Lambda, x.GradMagnitude, x.Lipschitz);
        // Round-to-nearest sends everything at or above 2^1024 − 2^970 (MaxValue + ½ulp) to +∞.
        var overflow = ExactDouble.Pow2(1024) - ExactDouble.Pow2(970);
        if (exact.Lower >= overflow)
            return (computed == double.PositiveInfinity).Label($"exact ≥ overflow threshold, computed {computed:R}");
        if (double.IsPositiveInfinity(computed))
            return (exact.Upper >= ExactDouble.ToFraction(double.MaxValue)).Label($"computed +∞ but exact {exact}");
        double ulps = ExactDouble.UlpError(computed, exact);
        return (ulps <= Tolerances.ElmoStepUlps)
            .Label($"λ={x.Lambda:R} |g|={x.GradMagnitude:R} L={x.Lipschitz:R}: computed {computed:R}, exact {exact}, {ulps} ulp");
    }

    /// <summary>x* ≥ 0 and never NaN on the whole domain.</summary>
    [Property]
    public bool Step_IsNonNegativeAndNotNaN(StepDomainInput x)
    {
        double s = Elmo.Step(x.Lambda, x.GradMagnitude, x.Lipschitz);
        return s >= 0 && !double.IsNaN(s);
    }

    /// <summary>M'(x*) = 0: x* is a stationary point of M on x ≥ 0 (checked as a relative residual of −|g| + λx + (L/2)x²).</summary>
    [Property]
    public Property Step_ZeroesTheDerivativeOfM(StepDomainInput x)
    {
        double s = Elmo.Step(x.Lambda, x.GradMagnitude, x.Lipschitz);
        double a = x.GradMagnitude, l = x.Lambda, lip = x.Lipschitz;
        double[] terms = [a, l * s, lip / 2 * s * s];
        if (terms.Any(t => !double.IsFinite(t)) || !double.IsNormal(s))
            return true.ToProperty().Label("outside double range, or x* subnormal (no relative accuracy) or 0");
        double residual = -a + l * s + lip / 2 * s * s;
        double scale = terms.Max(System.Math.Abs);
        // Each term carries ≤ ~6 ulp of relative error (x* to 4 ulp, squared, times L/2): 1e-14 of the largest.
        return (System.Math.Abs(residual) <= 1e-14 * scale).Label($"residual {residual:R} vs scale {scale:R}");
    }
}
