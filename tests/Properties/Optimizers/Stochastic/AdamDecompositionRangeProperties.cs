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
/// η̂² = (v − m²)/m² (thesis eqs. 5.5–5.7, <see cref="AdamDecomposition.RelativeVariance"/>) over the whole double range,
/// including v within a few ulp of m² where the difference cancels: against the exact rational, within the doc comment's 4 ulp.
/// </summary>
[Properties(MaxTest = 500)]
public class AdamDecompositionRangeProperties
{
    [Property]
    public Property RelativeVariance_IsWithinFourUlp() => Prop.ForAll(
        (from m in FullRangeDoubles.Signed.Where(x => x != 0)
         from v in Gen.Frequency(
             (2, FullRangeDoubles.NonNegative),
             (3, from ulps in Gen.Choose(-3, 3) select FullRangeDoubles.Nudge(Math.Min(m * m, double.MaxValue), ulps)))
         select (m, v: Math.Max(v, 0))).ToArbitrary(),
        c =>
        {
            double computed = AdamDecomposition.RelativeVariance(c.m, c.v);
            var m2 = ExactDouble.ToFraction(c.m) * ExactDouble.ToFraction(c.m);
            var exact = (ExactDouble.ToFraction(c.v) - m2) / m2;
            return ExactAgreement.Within(computed, RationalInterval.Exact(exact), 4, $"m = {c.m:R}, v = {c.v:R}");
        });

    /// <summary>m = 1 + 2^-52, v = 1 + 2^-51: v − m² = −2^-104 exactly, so η̂² = −2^-104/(1 + 2^-52)² (it was 0).</summary>
    [Fact]
    public void RelativeVariance_NearTheSquare_KeepsTheDifference()
    {
        double m = 1 + Math.ScaleB(1, -52), v = 1 + Math.ScaleB(1, -51);
        double expected = -Math.ScaleB(1, -104) / m / m; // two roundings of the exact value
        Assert.InRange(AdamDecomposition.RelativeVariance(m, v) / expected - 1, -1e-15, 1e-15);
    }
}
