using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Elmo;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>g, λ, L ≥ 0 and x of a cubic model, each anywhere in the finite doubles.</summary>
public sealed record CubicModelCase(double G, double Lambda, double Lipschitz, double X)
{
    /// <summary>Full-range generator (<see cref="FullRangeDoubles"/>).</summary>
    public static Arbitrary<CubicModelCase> FullRange { get; } =
        (from g in FullRangeDoubles.Signed
         from l in FullRangeDoubles.Signed
         from lip in FullRangeDoubles.NonNegative
         from x in FullRangeDoubles.Signed
         select new CubicModelCase(g, l, lip, x)).ToArbitrary();

    /// <inheritdoc />
    public override string ToString() => $"g={G:R} λ={Lambda:R} L={Lipschitz:R} x={X:R}";

    /// <summary>
    /// The documented accuracy of both models, checked against the exact value: |computed − exact| ≤ 3·2^-52·T + 2^-1075,
    /// T = |g·x| + |λ|x²/2 + L|x|³/6 (exact). ±∞ is accepted only where exact ± that bound reaches MaxValue + ½ulp on
    /// that side, and required where exact ∓ the bound is beyond it.
    /// </summary>
    public Property Agrees(double computed, RationalInterval exact)
    {
        var value = exact.Lower; // a point: no √ in the models
        var x = ExactDouble.ToFraction(X);
        var ax = Fraction.Abs(x);
        var t = Fraction.Abs(ExactDouble.ToFraction(G) * x) + Fraction.Abs(ExactDouble.ToFraction(Lambda)) * ax * ax / 2
            + ExactDouble.ToFraction(Lipschitz) * ax * ax * ax / 6;
        var bound = 3 * ExactDouble.Pow2(-52) * t + ExactDouble.Pow2(-1075);
        var threshold = ExactAgreement.OverflowThreshold;
        if (double.IsNaN(computed))
            return false.Label($"{this}: NaN");
        if (double.IsInfinity(computed))
        {
            bool reachable = computed > 0 ? value + bound >= threshold : value - bound <= -threshold;
            return reachable.Label($"{this}: {computed} but exact {ExactDouble.ToDouble(value):R} ± {ExactDouble.ToDouble(bound):R} stays finite");
        }
        if (value - bound >= threshold || value + bound <= -threshold)
            return false.Label($"{this}: finite {computed:R} but exact {ExactDouble.ToDouble(value):R} is beyond the range by more than the bound");
        var error = Fraction.Abs(ExactDouble.ToFraction(computed) - value);
        return (error <= bound).Label($"{this}: computed {computed:R}, exact {ExactDouble.ToDouble(value):R}, error {ExactDouble.ToDouble(error):R} > bound {ExactDouble.ToDouble(bound):R}");
    }
}

/// <summary>M(x) of elmo-amos eq. (3) over the whole double range against its exact rational value.</summary>
[Properties(MaxTest = 2000)]
public class CubicUpperModelProperties
{
    /// <summary>Within 3·2^-52·T + 2^-1075 of the exact M(x); ±∞ only where M(x) is beyond the range up to that bound.</summary>
    [Property]
    public Property Evaluate_IsWithinItsBoundOfTheExactValue() => Prop.ForAll(CubicModelCase.FullRange, c =>
        c.Agrees(CubicUpperModel.Evaluate(c.G, c.Lambda, c.Lipschitz, c.X),
            ExactElmo.Upper(RationalInterval.Exact(c.G), RationalInterval.Exact(c.Lambda), RationalInterval.Exact(c.Lipschitz), RationalInterval.Exact(c.X))));
}
