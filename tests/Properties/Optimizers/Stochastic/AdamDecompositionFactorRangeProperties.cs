using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// γ = |m|/√v and sign(m)·γ (thesis eqs. 5.5–5.6, <see cref="AdamDecomposition.Factor"/>, <see cref="AdamDecomposition.Direction"/>)
/// over the whole double range of m and v &gt; 0: against |m|/√v with √v enclosed to 200 bits, within the doc comment's
/// 2 ulp (√ and ÷, two roundings: γ₂ &lt; 2 ulp; ½ of 2^-1074 more where γ is subnormal, still within 2 of those units),
/// ±∞ exactly where γ is beyond double.MaxValue.
/// </summary>
[Properties(MaxTest = 500)]
public class AdamDecompositionFactorRangeProperties
{
    [Property]
    public Property FactorAndDirection_AreWithinTwoUlp() => Prop.ForAll(
        (from m in FullRangeDoubles.Signed
         from v in FullRangeDoubles.Positive
         select (m, v)).ToArbitrary(),
        c =>
        {
            var exact = RationalInterval.Exact(Fraction.Abs(ExactDouble.ToFraction(c.m))) / RationalInterval.Exact(ExactDouble.ToFraction(c.v)).Sqrt();
            double factor = AdamDecomposition.Factor(c.m, c.v), direction = AdamDecomposition.Direction(c.m, c.v);
            string label = $"m = {c.m:R}, v = {c.v:R}";
            return ExactAgreement.Within(factor, exact, 2, label)
                .And((direction == Math.Sign(c.m) * factor).Label($"{label}: direction {direction:R}, factor {factor:R}"));
        });
}
