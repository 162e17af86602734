using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// γ* = (1 + η²/m)⁻¹ = m/(m + η²) (thesis Prop. 4.1, <see cref="VarianceAdaptedStepSgd.OptimalStepFactor"/>) over the
/// whole double range of η² ≥ 0 and m &gt; 0, against the exact rational: within the doc comment's 3 ulp. Derivation
/// (u = 2^-53): η²/m, 1 + r̂ and the quotient are three roundings, and 1 + r̂ = (1 + r)(1 + θ) with |θ| ≤ u because
/// |r·δ| ≤ u·(1 + r), so the relative error is at most γ₃ &lt; 3.01u, under 3 ulp (u·|x| &lt; ulp(x)); a subnormal result
/// adds at most ½ of 2^-1074 to the relative part, still within 3 of those units.
/// </summary>
[Properties(MaxTest = 500)]
public class VarianceAdaptedStepSgdRangeProperties
{
    [Property]
    public Property OptimalStepFactor_IsWithinThreeUlp() => Prop.ForAll(
        (from eta2 in FullRangeDoubles.NonNegative
         from m in Gen.Frequency((3, FullRangeDoubles.Positive), (1, Gen.Choose(1, 1 << 20).Select(k => (double)k)))
         select (eta2, m)).ToArbitrary(),
        c =>
        {
            var m = ExactDouble.ToFraction(c.m);
            var exact = m / (m + ExactDouble.ToFraction(c.eta2));
            return ExactAgreement.Within(VarianceAdaptedStepSgd.OptimalStepFactor(c.eta2, c.m), RationalInterval.Exact(exact), 3,
                $"η² = {c.eta2:R}, m = {c.m:R}");
        });

    /// <summary>
    /// η²/m beyond double.MaxValue with γ* a nonzero double: η² = 1e10, m = 1e-300 gives γ* = 1/(1 + 1e310) ≈ 1e-310
    /// (subnormal). It was 0 (η²/m overflowed to ∞ and 1/∞ = 0); now m/η², within one unit of 2^-1074.
    /// </summary>
    [Theory]
    [InlineData(1e10, 1e-300)]
    [InlineData(1.0, double.Epsilon)]
    [InlineData(double.MaxValue, 1e-10)]
    public void OptimalStepFactor_WhereTheRatioOverflows_IsTheSmallExactFactor(double eta2, double m)
    {
        var fm = ExactDouble.ToFraction(m);
        var exact = fm / (fm + ExactDouble.ToFraction(eta2));
        double computed = VarianceAdaptedStepSgd.OptimalStepFactor(eta2, m);
        Assert.True(computed > 0, $"γ*({eta2:R}, {m:R}) = {computed:R}, exact {ExactDouble.ToDouble(exact):R}");
        Assert.True(ExactDouble.UlpError(computed, RationalInterval.Exact(exact)) <= 1, $"γ* = {computed:R}, exact {ExactDouble.ToDouble(exact):R}");
    }
}
