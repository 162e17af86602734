using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Elmo;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// <see cref="CauchyStep.Along"/> (elmo-amos App. F.1) over its whole domain λ ≠ 0, g ≤ 0, L &gt; 0, against the chain's
/// first line −2/(1 + √(1 − 2Lg/λ²))·g/λ evaluated exactly (rationals, √ enclosed outward to 200 bits): a derivation
/// independent of the rationalized form the implementation uses.
/// </summary>
[Properties(MaxTest = 1500)]
public class CauchyStepProperties
{
    /// <summary>Full-range λ ≠ 0 (±0 moved to ±2^-1074), g = −|g|, L; 1 case in 20 near the overflow threshold.</summary>
    private static Arbitrary<EigenspaceCase> Domain { get; } =
        (from x in Gen.Frequency((19, EigenspaceCases.FullRange), (1, ElmoStepProperties.NearOverflow))
         from sign in Gen.Elements(1.0, -1.0)
         select x with { Lambda = sign * (x.Lambda == 0 ? double.Epsilon : Math.Abs(x.Lambda)) })
        .ToArbitrary();

    /// <summary>App. F.1's first line, exactly: −(2/(1 + √(1 − 2Lg/λ²)))·(g/λ). Every term under the root is ≥ 1, no cancellation.</summary>
    private static RationalInterval FirstLine(double lambda, double g, double lipschitz)
    {
        var one = RationalInterval.Exact(1.0);
        var two = RationalInterval.Exact(2.0);
        var l = RationalInterval.Exact(lambda);
        var gq = RationalInterval.Exact(g);
        var root = (one - two * RationalInterval.Exact(lipschitz) * gq / (l * l)).Sqrt();
        return -(two / (one + root)) * (gq / l);
    }

    /// <summary>Within 1 ulp of the first line's exact value where it rounds to a finite double; ±∞ exactly beyond ±(MaxValue + ½ulp).</summary>
    [Property(MaxTest = 500)] // ≈ 2 ms a case: the exact first line squares λ and divides big rationals
    public Property Along_IsWithinOneUlpOfTheFirstLine() => Prop.ForAll(Domain, x =>
        ExactAgreement.Within(
            CauchyStep.Along(x.Lambda, -x.GradMagnitude, x.Lipschitz),
            FirstLine(x.Lambda, -x.GradMagnitude, x.Lipschitz),
            Tolerances.ElmoStepUlps, x.ToString()));

    /// <summary>
    /// x_C is odd in λ (the first line's g/λ changes sign, λ² does not), has the sign of λ for g &lt; 0, and equals
    /// ELMO's x* for λ &gt; 0 (App. F.1: "the same" for convex directions); all three bit for bit.
    /// </summary>
    [Property(MaxTest = 5000)]
    public Property Along_IsOddInLambdaAndElmoForPositiveLambda() => Prop.ForAll(Domain, x =>
    {
        double l = Math.Abs(x.Lambda), g = -x.GradMagnitude;
        double plus = CauchyStep.Along(l, g, x.Lipschitz), minus = CauchyStep.Along(-l, g, x.Lipschitz);
        double elmo = ElmoStep.Step(l, x.GradMagnitude, x.Lipschitz);
        bool odd = minus.Equals(-plus);
        bool signed = g == 0 ? plus == 0 : plus >= 0 && minus <= 0;
        return (odd && signed && plus.Equals(elmo))
            .Label($"{x}: x_C(|λ|) = {plus:R}, x_C(−|λ|) = {minus:R}, x*(|λ|) = {elmo:R}");
    });
}
