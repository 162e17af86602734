using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Optimizers.Guarantees;
using Verification.Tests.Properties.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Guarantees;

/// <summary>
/// <see cref="BoundedStep.ForAdam"/> over the whole range of α (subnormal to double.MaxValue) and of β₁, β₂ ∈ [0, 1):
/// the bound is the least double at or above the exact B = α·max(1, (1 − β₁)/√(1 − β₂)) (Kingma &amp; Ba §2.1), decided
/// in exact rationals without a square root (b ≥ α(1 − β₁)/√(1 − β₂) ⟺ b²(1 − β₂) ≥ α²(1 − β₁)²), so never below B and
/// within 1 ulp above it; or, where B exceeds double.MaxValue, an ArgumentException naming stepSize. Rounded to nearest
/// (the old code) the bound sat below B at about half the inputs of the first case, and the property failed there.
/// </summary>
[Properties(MaxTest = 400)]
public class BoundedStepForAdamRangeProperties
{
    /// <summary>β in [0, 1): uniform, near 1 (1 − 2^-k·m), small, and the usual 0, 0.5, 0.9, 0.99, 0.999, 1 − 2^-53.</summary>
    private static readonly Gen<double> Beta = Gen.Frequency(
        (3, Gen.Choose(0, int.MaxValue).Select(k => k / 2147483648.0)),
        (3, from k in Gen.Choose(1, 53) from m in FullRangeDoubles.Moderate select 1 - Math.ScaleB(m % 1 + 1, -k - 1)),
        (1, FullRangeDoubles.Positive.Where(x => x < 1)),
        (1, Gen.Elements(0.0, 0.5, 0.9, 0.99, 0.999, 1 - Math.ScaleB(1.0, -53)))).Where(b => b >= 0 && b < 1);

    [Property]
    public Property Bound_IsTheExactBoundRoundedUp() => Prop.ForAll(
        (from alpha in FullRangeDoubles.Positive
         from b1 in Beta
         from b2 in Beta
         select (alpha, b1, b2)).ToArbitrary(),
        c =>
        {
            var (alpha, b1, b2) = c;
            string at = $"α = {alpha:R}, β₁ = {b1:R}, β₂ = {b2:R}";
            Fraction a = Fraction.One - ExactDouble.ToFraction(b1), q = Fraction.One - ExactDouble.ToFraction(b2);
            var al = ExactDouble.ToFraction(alpha);
            bool firstCase = a * a > q;
            // b ≥ B, B > 0: in the first case b²q ≥ α²a², else b ≥ α.
            bool AtLeastB(double b)
            {
                var f = ExactDouble.ToFraction(b);
                return firstCase ? f * f * q >= al * al * a * a : f >= al;
            }
            bool overflows = !AtLeastB(double.MaxValue);
            BoundedStep result;
            try
            {
                result = BoundedStep.ForAdam(alpha, b1, b2);
            }
            catch (ArgumentException e)
            {
                return (overflows && e.ParamName == "stepSize" && e.Message.Contains("within double.MaxValue"))
                    .Label($"{at}: rejected ({e.ParamName}: {e.Message}); B beyond MaxValue: {overflows}");
            }
            double bound = result.Bound;
            if (overflows)
                return false.Label($"{at}: B is beyond double.MaxValue, but the bound {bound:R} was returned");
            if (!AtLeastB(bound))
                return false.Label($"{at}: bound {bound:R} is below the exact B (case 1: {firstCase})");
            double below = Math.BitDecrement(bound);
            return (below <= 0 || !AtLeastB(below))
                .Label($"{at}: bound {bound:R} is more than 1 ulp above B ({below:R} is still ≥ B)");
        });

    /// <summary>
    /// α = 0.1, β₁ = 0, β₂ = ½: B = 0.1·√2 = 0.1414213562373095127…, which rounds to nearest down to 0.1414213562373095 (the
    /// old bound, below B); rounded up it is 0.14142135623730953. The two examples of the stop-41 review keep their bounds.
    /// </summary>
    [Fact]
    public void Bound_WhereNearestIsBelow_IsTheNextDoubleUp()
    {
        Assert.Equal(0.14142135623730953, BoundedStep.ForAdam(0.1, 0, 0.5).Bound);
        Assert.Equal(5 * double.Epsilon, BoundedStep.ForAdam(double.Epsilon, 0.5, 0.99).Bound);
        Assert.Equal(0.5, BoundedStep.ForAdam(0.25, 0.5, 0.9375).Bound);
    }

    /// <summary>The bound is the least double ≥ B = α(1 − β₁)/√(1 − β₂), decided as b²(1 − β₂) ≥ α²(1 − β₁)² in rationals (first case only).</summary>
    private static bool IsLeastDoubleAtOrAboveB(double bound, double alpha, double b1, double b2)
    {
        Fraction a = Fraction.One - ExactDouble.ToFraction(b1), q = Fraction.One - ExactDouble.ToFraction(b2);
        var target = ExactDouble.ToFraction(alpha) * ExactDouble.ToFraction(alpha) * a * a;
        bool AtLeastB(double b) { var f = ExactDouble.ToFraction(b); return f * f * q >= target; }
        double below = Math.BitDecrement(bound);
        return AtLeastB(bound) && (below <= 0 || !AtLeastB(below));
    }

    /// <summary>
    /// α at the top of the range: the largest double whose exact B = α(1 − β₁)/√(1 − β₂) is ≤ double.MaxValue, for β₁, β₂
    /// uniform with (1 − β₁)² &gt; 1 − β₂. The bound must be returned (B is in range), as the least double ≥ B. The old code
    /// formed α(1 − β₁)/√(1 − β₂) to nearest, 4 roundings, which can pass MaxValue + ½ulp, and rejected B ≤ MaxValue.
    /// </summary>
    [Property]
    public Property Bound_AtTheTopOfTheRange_IsReturned() => Prop.ForAll(
        (from b1 in Gen.Choose(0, int.MaxValue).Select(k => k / 2147483648.0)
         from b2 in Gen.Choose(0, int.MaxValue).Select(k => k / 2147483648.0)
         select (b1, b2)).Where(c => (1 - c.b1) * (1 - c.b1) > (1 - c.b2) * (1 + 1e-12)).ToArbitrary(),
        c =>
        {
            var (b1, b2) = c;
            Fraction a = Fraction.One - ExactDouble.ToFraction(b1), q = Fraction.One - ExactDouble.ToFraction(b2);
            var max = ExactDouble.ToFraction(double.MaxValue);
            bool InRange(double al) { var f = ExactDouble.ToFraction(al); return f * f * a * a <= max * max * q; }
            double alpha = double.MaxValue * Math.Sqrt(1 - b2) / (1 - b1);
            while (!InRange(alpha)) alpha = Math.BitDecrement(alpha);
            while (InRange(Math.BitIncrement(alpha))) alpha = Math.BitIncrement(alpha);
            string at = $"α = {alpha:R}, β₁ = {b1:R}, β₂ = {b2:R}";
            try
            {
                double bound = BoundedStep.ForAdam(alpha, b1, b2).Bound;
                return IsLeastDoubleAtOrAboveB(bound, alpha, b1, b2).Label($"{at}: bound {bound:R} is not the least double ≥ B");
            }
            catch (ArgumentException e)
            {
                return false.Label($"{at}: B ≤ MaxValue was rejected ({e.Message})");
            }
        });

    /// <summary>
    /// α = 87241523·2^-1074 (1.3·2^26 subnormal units), β₁ = 1 − 2^-26, β₂ = 1 − 2^-53: α(1 − β₁) is 1.3 units, rounded to 1,
    /// and ÷√(1 − β₂) = ·2^26.5 made the estimate 28 million ulp below B, which the old code climbed one ulp at a time in
    /// rationals (over two minutes). The bound is the least double ≥ B; ForAdam now walks at most 8 ulp from its estimate
    /// and throws an InvalidOperationException beyond that, so a far-off estimate fails this fact rather than slowing it
    /// (no timer: the walk's length is the checked quantity).
    /// </summary>
    [Fact]
    public void Bound_ForASubnormalStepSizeAndLargeFactor_IsTheLeastDoubleAtOrAbove()
    {
        double alpha = Math.ScaleB(87241523.0, -1074), b1 = 1 - Math.ScaleB(1.0, -26), b2 = 1 - Math.ScaleB(1.0, -53);
        double bound = BoundedStep.ForAdam(alpha, b1, b2).Bound;
        Assert.True(IsLeastDoubleAtOrAboveB(bound, alpha, b1, b2), $"bound {bound:R}");
    }

    /// <summary>The review's example at the top: B ≤ MaxValue, rejected by the old code.</summary>
    [Fact]
    public void Bound_JustBelowMaxValue_IsReturned()
    {
        double alpha = 1.7888123737112047E+308, b1 = 0.019049964854051343, b2 = 0.04722087134012062;
        Assert.True(IsLeastDoubleAtOrAboveB(BoundedStep.ForAdam(alpha, b1, b2).Bound, alpha, b1, b2));
    }
}
