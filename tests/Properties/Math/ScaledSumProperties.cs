using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="ScaledSum.Product(int, ReadOnlySpan{double})"/>, the one-final-scaling product behind the curvature models'
/// Jacobian and Hessian entries: against the exact rational product of the factors (times 2^e), over the whole double range.
/// </summary>
[Properties(MaxTest = 500)]
public class ScaledSumProperties
{
    /// <summary>
    /// k factors: within k ulp of the exact product where it rounds to a finite double (k − 1 mantissa roundings of at most
    /// u each, ≤ (k − 1) ulp, plus the final scaling's rounding where the result is subnormal, ≤ ½ ulp of 2^-1074), ±∞
    /// exactly where the exact product is beyond ±double.MaxValue, a zero with the product's sign where a factor is 0.
    /// </summary>
    [Property]
    public Property Product_IsWithinItsBoundOfTheExactProduct() => Prop.ForAll(
        (from k in Gen.Choose(1, 6)
         from factors in Gen.ArrayOf(FullRangeDoubles.Signed, k)
         from e in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-3000, 3000)))
         select (factors, e)).ToArbitrary(),
        c =>
        {
            double computed = ScaledSum.Product(c.e, c.factors);
            string at = $"2^{c.e}·Π[{string.Join(", ", c.factors.Select(v => v.ToString("R")))}]";
            if (c.factors.Any(f => f == 0))
            {
                bool negative = c.factors.Count(double.IsNegative) % 2 == 1;
                return (computed == 0 && double.IsNegative(computed) == negative).Label($"{at} = {computed:R}");
            }
            var exact = c.factors.Aggregate(Fraction.One, (p, f) => p * ExactDouble.ToFraction(f)) *
                (c.e >= 0 ? ExactDouble.Pow2(c.e) : 1 / ExactDouble.Pow2(-c.e));
            return ExactAgreement.Within(computed, RationalInterval.Exact(exact), c.factors.Length, at);
        });

    /// <summary>Where every partial product is a normal double, the result is bit for bit the plain left-to-right product.</summary>
    [Property]
    public Property Product_OfModerateFactors_IsThePlainProduct() => Prop.ForAll(
        Gen.ArrayOf(FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x)), 4).ToArbitrary(),
        f => (ScaledSum.Product(f) == f[0] * f[1] * f[2] * f[3]).Label($"[{string.Join(", ", f)}]"));

    /// <summary>Non-finite factors and more than 50 factors are rejected by name.</summary>
    [Fact]
    public void Product_RejectsNonFiniteAndTooManyFactors()
    {
        ArgumentAssert.Rejects(() => ScaledSum.Product(1.0, double.NaN), "factors", "a factor must be finite, got NaN");
        ArgumentAssert.Rejects(() => ScaledSum.Product(new double[51]), "factors", "at most 50 factors, got 51");
        // 50 factors are accepted: 2^50 as fifty 2s.
        Assert.Equal(Math.ScaleB(1.0, 50), ScaledSum.Product(Enumerable.Repeat(2.0, 50).ToArray()));
    }
}
