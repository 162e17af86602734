using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Elmo;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary><see cref="NewtonStep.Along"/> (elmo-amos App. F.2) over its whole domain λ ≠ 0, |g| ≥ 0.</summary>
[Properties(MaxTest = 3000)]
public class NewtonStepProperties
{
    /// <summary>
    /// The correctly rounded |g|/λ: within ½ ulp of the exact quotient (rationals), ±∞ exactly past ±(MaxValue + ½ulp),
    /// for λ and |g| anywhere in the finite doubles (λ = ±0 moved to ±2^-1074).
    /// </summary>
    [Property]
    public Property Along_IsTheCorrectlyRoundedQuotient() => Prop.ForAll(EigenspaceCases.FullRange.ToArbitrary(), x =>
    {
        double lambda = x.Lambda == 0 ? (double.IsNegative(x.Lambda) ? -double.Epsilon : double.Epsilon) : x.Lambda;
        var exact = RationalInterval.Exact(x.GradMagnitude) / RationalInterval.Exact(lambda);
        return ExactAgreement.Within(NewtonStep.Along(lambda, x.GradMagnitude), exact, 0.5, $"λ={lambda:R} |g|={x.GradMagnitude:R}");
    });
}
