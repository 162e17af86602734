using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>The variance adaptation factors of balles-thesis §5.3 over every finite η ≥ 0, against exact values.</summary>
[Properties(MaxTest = 1000)]
public class VarianceAdaptationFactorsProperties
{
    private static Arbitrary<double> Eta { get; } = FullRangeDoubles.NonNegative.ToArbitrary();

    /// <summary>(1 + η²)^(−1/2) within its documented 2 ulp of the exact value (rationals, √ to 200 bits).</summary>
    [Property]
    public Property Adam_IsWithinTwoUlp() => Prop.ForAll(Eta, eta =>
    {
        var e = RationalInterval.Exact(eta);
        var exact = RationalInterval.Exact(1.0) / (RationalInterval.Exact(1.0) + e * e).Sqrt();
        return ExactAgreement.Within(VarianceAdaptationFactors.Adam(eta), exact, 2, $"η={eta:R}");
    });

    /// <summary>(1 + η²)⁻¹ within its documented 2 ulp of the exact rational, subnormal results included (ulp ≥ 2^-1074).</summary>
    [Property]
    public Property Svag_IsWithinTwoUlp() => Prop.ForAll(Eta, eta =>
    {
        var e = RationalInterval.Exact(eta);
        var exact = RationalInterval.Exact(1.0) / (RationalInterval.Exact(1.0) + e * e);
        return ExactAgreement.Within(VarianceAdaptationFactors.Svag(eta), exact, 2, $"η={eta:R}");
    });

    /// <summary>
    /// erf(1/(√2η)) within its documented 3 ulp of a rigorous enclosure (<see cref="ErfReference"/>), tight at every η since
    /// stop 35 (until then only where 1/(√2η) ≤ 5; above, inside a loose enclosure widened by 3 ulp).
    /// </summary>
    [Property(MaxTest = 100)] // exact erf series: up to ~10 ms a case near z = 5
    public Property Erf_IsWithinThreeUlp() => Prop.ForAll(Eta.Generator.Where(eta => eta > 0).ToArbitrary(), eta =>
    {
        var z = RationalInterval.Exact(1.0) / (RationalInterval.Exact(2.0).Sqrt() * RationalInterval.Exact(eta));
        double computed = VarianceAdaptationFactors.Erf(eta);
        var exact = ErfReference.Enclose(z);
        return ExactAgreement.Within(computed, exact, 3, $"η={eta:R}");
    });
}
