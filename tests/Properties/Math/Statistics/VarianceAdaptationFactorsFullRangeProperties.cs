using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// The deviation of Adam's variance adaptation factor from the optimal one (balles-thesis §5.3, Fig. 5.2: erf((√2η)⁻¹)
/// against (1 + η²)^(−1/2)), absolute and relative to erf, over every finite η ≥ 0 (subnormals to double.MaxValue, +0):
/// against rigorous enclosures of erf and of 1/√(1 + η²), within the absolute bounds the doc comments state. The
/// catalog's worst-deviation claims evaluate both functions.
/// </summary>
[Properties(MaxTest = 200)]
public class VarianceAdaptationFactorsFullRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static Arbitrary<double> Eta { get; } = FullRangeDoubles.NonNegative.ToArbitrary();

    /// <summary>
    /// Enclosures of erf(1/(√2η)) and (1 + η²)^(−1/2), each to about 2^-80 relative, far narrower than the 6u and 8u
    /// bounds checked: erf by its two-term series below z = 2^-100 (<see cref="ErfReference"/>), above by
    /// <see cref="ExactErf"/> to 2^-(80 + k) absolute where z ≥ 2^-k (erf z ≥ z for z ≤ 1). The limit at η = 0 is erf = 1.
    /// </summary>
    private static (RationalInterval Erf, RationalInterval Adam) Enclose(double eta)
    {
        var one = RationalInterval.Exact(1.0);
        var e = RationalInterval.Exact(eta);
        var adam = one / (one + e * e).Sqrt(100);
        if (eta == 0)
            return (one, adam);
        var z = one / (RationalInterval.Exact(2.0).Sqrt(100) * e);
        if (z.Upper < ExactDouble.Pow2(-100))
            return (ErfReference.Enclose(z), adam);
        int k = Math.Max(0, -Math.ILogB(z.Midpoint));
        return (ExactErf.Erf(z, 80 + k), adam);
    }

    /// <summary>True with a label when every point of <paramref name="exact"/> is within <paramref name="bound"/> of <paramref name="computed"/>.</summary>
    private static Property Within(double computed, RationalInterval exact, Fraction bound, string what)
    {
        if (!double.IsFinite(computed))
            return false.Label($"{what}: {computed:R}, exact {exact}");
        var c = ExactDouble.ToFraction(computed);
        var error = Fraction.Abs(c - exact.Lower) > Fraction.Abs(c - exact.Upper) ? Fraction.Abs(c - exact.Lower) : Fraction.Abs(c - exact.Upper);
        return (error <= bound).Label(
            $"{what}: computed {computed:R}, exact ≈ {exact.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > bound {ExactDouble.ToDouble(bound):R}");
    }

    /// <summary>|erf((√2η)⁻¹) − (1 + η²)^(−1/2)| within 6·2^-53·max(erf, (1 + η²)^(−1/2)) of the exact deviation.</summary>
    [Property]
    public Property AbsoluteDeviation_IsWithinItsStatedBound() => Prop.ForAll(Eta, eta =>
    {
        var (erf, adam) = Enclose(eta);
        var exact = (erf - adam).Abs();
        var bound = 6 * Unit * FractionExtensions.Max(erf.Upper, adam.Upper);
        return Within(VarianceAdaptationFactors.AbsoluteDeviation(eta), exact, bound, $"η={eta:R}");
    });

    /// <summary>The deviation over erf((√2η)⁻¹) within 8·2^-53·max(1, (1 + η²)^(−1/2)/erf) of the exact ratio.</summary>
    [Property]
    public Property RelativeDeviation_IsWithinItsStatedBound() => Prop.ForAll(Eta, eta =>
    {
        var (erf, adam) = Enclose(eta);
        var exact = (erf - adam).Abs() / erf;
        var bound = 8 * Unit * FractionExtensions.Max(Fraction.One, adam.Upper / erf.Lower);
        return Within(VarianceAdaptationFactors.RelativeDeviation(eta), exact, bound, $"η={eta:R}");
    });

    /// <summary>Outside the domain (η &lt; 0, NaN, ±∞) both are rejected naming η.</summary>
    [Theory]
    [InlineData(-1.0)]
    [InlineData(-double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void BothDeviations_RejectAnEtaOutsideTheDomain(double eta)
    {
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.AbsoluteDeviation(eta), "eta", "eta must be");
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.RelativeDeviation(eta), "eta", "eta must be");
    }
}
