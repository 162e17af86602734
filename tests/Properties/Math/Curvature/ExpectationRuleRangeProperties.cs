using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="ExpectationRule.Gaussian"/>, the 3-node Gauss–Hermite rule that integrates the Fisher of the Gaussian
/// likelihoods (balles-thesis eqs. D.21–D.23) exactly, over the whole double range (issue 15, item 1): the nodes against
/// μ ± √(3v) with √ enclosed to 200 bits, the weights against 2/3 and 1/6, within the accuracy the doc comment states; a
/// mean or variance outside the documented range is an <see cref="ArgumentException"/>.
/// </summary>
[Properties(MaxTest = 300)] // a √ enclosure a case
public class ExpectationRuleRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// Node 0 is μ bit for bit; nodes 1 and 2 are within u·|μ ∓ √(3v)| + 4u·√(3v) + 2^-1074 of μ ∓ √(3v); the weights are
    /// 2/3 and 1/6 correctly rounded, and the tail bound is 0.
    /// </summary>
    [Property]
    public Property Gaussian_NodesAndWeightsAreAccurateOverTheWholeRange() => Prop.ForAll(
        (from mu in FullRangeDoubles.Signed
         from v in FullRangeDoubles.Positive
         from near in Gen.Elements(false, true)
         select (near ? Math.Sqrt(3.0) * Math.Sqrt(v) * (mu < 0 ? -1 : 1) : mu, v)).Where(x => double.IsFinite(x.Item1)).ToArbitrary(),
        x =>
        {
            var (mu, v) = x;
            var rule = ExpectationRule.Gaussian(mu, v);
            string at = $"μ = {mu:R}, v = {v:R}";
            var s = RationalInterval.Exact(3 * F(v)).Sqrt(200);
            var result = (BitConverter.DoubleToInt64Bits(rule.Labels[0]) == BitConverter.DoubleToInt64Bits(mu)).Label($"{at}: node 0 is {rule.Labels[0]:R}")
                .And((rule.Weights[0] == ExactDouble.ToDouble(new Fraction(2, 3)) && rule.Weights[1] == ExactDouble.ToDouble(new Fraction(1, 6))
                        && rule.Weights[2] == rule.Weights[1] && rule.TailBound == 0)
                    .Label($"{at}: weights [{string.Join(", ", rule.Weights)}], tail {rule.TailBound:R}"));
            foreach (var (index, sign) in new[] { (1, -1), (2, 1) })
            {
                var exact = RationalInterval.Exact(mu) + RationalInterval.Exact(new Fraction(sign)) * s;
                var c = F(rule.Labels[index]);
                var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
                var size = FractionExtensions.Max(Fraction.Abs(exact.Lower), Fraction.Abs(exact.Upper));
                var bound = Unit * size + 4 * Unit * s.Upper + Tiny;
                result = result.And((double.IsFinite(rule.Labels[index]) && error <= bound)
                    .Label($"{at}: node {index} = {rule.Labels[index]:R} vs {exact.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}"));
            }
            return result;
        });

    /// <summary>A non-finite mean, or a variance that is not a positive finite number, is rejected naming the parameter.</summary>
    [Property]
    public Property Gaussian_RejectsArgumentsOutsideItsRange() => Prop.ForAll(
        (from mu in FullRangeDoubles.Signed
         from bad in Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)
         from v in Gen.Frequency((2, FullRangeDoubles.Positive.Select(p => -p)), (1, Gen.Elements(0.0, -0.0, double.NaN, double.PositiveInfinity)))
         select (mu, bad, v)).ToArbitrary(),
        x =>
        {
            var (mu, bad, v) = x;
            return ArgumentAssert.IsRejection(() => ExpectationRule.Gaussian(bad, 1), "mean", "mean must be finite").Label($"mean {bad}")
                .And(ArgumentAssert.IsRejection(() => ExpectationRule.Gaussian(mu, v), "variance", "variance must be").Label($"μ = {mu:R}, variance {v:R}"));
        });
}
