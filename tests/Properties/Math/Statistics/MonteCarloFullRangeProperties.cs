using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="MonteCarlo.BoundedMean"/>, Hoeffding's interval mean ± t with t = (high − low)·√(ln(2/δ)/(2n)), over the whole
/// double range (issue 15, item 1): low and high anywhere from the subnormals to ±double.MaxValue, draws anywhere between
/// them (the ends included), δ anywhere in (0, 1) (subnormal δ included), n from 1 to 60. The references are exact: the
/// mean of the draws in rationals, and t enclosed with ExactLog and a rational square root at 96 bits.
/// </summary>
[Properties(MaxTest = 100)] // one exact logarithm and up to 60 rational additions a case: a few milliseconds
public class MonteCarloFullRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);
    private static readonly Fraction HalfSubnormal = ExactDouble.Pow2(-1075);

    /// <summary>One call: the range, the draws it returns in order, and δ.</summary>
    public sealed record Case(double Low, double High, double[] Draws, double Delta)
    {
        public override string ToString() =>
            $"[{Low:R}, {High:R}], δ = {Delta:R}, draws [{string.Join(", ", Draws.Select(x => x.ToString("R")))}]";
    }

    /// <summary>low &lt; high from anywhere in the range, with ranges straddling 0 whose width overflows, and the extremes.</summary>
    private static Gen<(double Low, double High)> Ranges { get; } = Gen.Frequency(
        (4, from a in FullRangeDoubles.Signed from b in FullRangeDoubles.Signed select (Math.Min(a, b), Math.Max(a, b))),
        (2, from a in FullRangeDoubles.Positive from b in FullRangeDoubles.Positive select (-a, b)),
        (1, Gen.Elements((-double.MaxValue, double.MaxValue), (0.0, double.MaxValue), (0.0, double.Epsilon),
            (-double.Epsilon, double.Epsilon), (1e308, double.MaxValue), (-double.MaxValue, -1e-300))))
        .Where(r => r.Item1 < r.Item2);

    /// <summary>A draw in [low, high]: an end, any double clamped into the range, or a point between the ends.</summary>
    private static Gen<double> Between(double low, double high) => Gen.Frequency(
        (2, Gen.Elements(low, high)),
        (3, FullRangeDoubles.Signed.Select(x => Math.Clamp(x, low, high))),
        (3, Gen.Choose(0, 1 << 20).Select(i => Math.Clamp(low * (1 - i / 1048576.0) + high * (i / 1048576.0), low, high))));

    /// <summary>δ in (0, 1): any part of the range below 1, subnormals, and the ends (2^-1074, 1 − 2^-53).</summary>
    private static Gen<double> Deltas { get; } = Gen.Frequency(
        (4, FullRangeDoubles.Positive.Select(x => x < 1 ? x : 0.5 / x)),
        (1, FullRangeDoubles.Subnormal),
        (1, Gen.Elements(double.Epsilon, Math.BitDecrement(1.0), 0.5, 0.05, 1e-6, FullRangeDoubles.MinNormal,
            Math.BitDecrement(FullRangeDoubles.MinNormal))));

    private static Gen<Case> Cases { get; } =
        from range in Ranges
        from n in Gen.Frequency((4, Gen.Choose(1, 12)), (1, Gen.Choose(13, 60)))
        from draws in Gen.ArrayOf(Between(range.Low, range.High), n)
        from delta in Deltas
        select new Case(range.Low, range.High, draws, delta);

    /// <summary>An enclosure of t = (high − low)·√(ln(2/δ)/(2n)), about 2^-90 wide relative to t.</summary>
    private static RationalInterval ExactHalfWidth(double low, double high, int samples, double delta)
    {
        var logTerm = ExactLog.Of(new Fraction(2) / ExactDouble.ToFraction(delta), 96);
        var root = (logTerm / RationalInterval.Exact(new Fraction(2 * samples))).Sqrt(96);
        return RationalInterval.Exact(ExactDouble.ToFraction(high) - ExactDouble.ToFraction(low)) * root;
    }

    /// <summary>
    /// The remarks' accuracy, checked against exact values. Estimate: finite, in [low, high] and within
    /// n·2^-53·(1 + n·2^-53)·max(|low|, |high|) + 2^-1075 of the exact mean of the draws (recursive summation costs at
    /// most (n − 1)·2^-53·Σ|x_i|, the quotient 2^-53 of its value or 2^-1075 on the subnormal grid, and the clamp only
    /// moves towards the exact mean, which lies in [low, high]). t: within 6·2^-53·t + 2^-1075 of the exact t (the
    /// derivation is in the remarks; 2^-1075 is the rounding of a subnormal t). Upper and Lower are mean ± t̂ rounded to
    /// nearest, and rounding is monotone, so Upper lies between the roundings of mean + t(1 − 6·2^-53) − 2^-1075 and
    /// mean + t(1 + 6·2^-53) + 2^-1075 (±∞ exactly where those round to ±∞), and Lower likewise; where t̂ itself may
    /// overflow the remarks allow (−∞, +∞). Every draw is used once, and the level is 1 − δ.
    /// </summary>
    [Property]
    public Property BoundedMean_IsWithinItsBoundsOfTheExactMeanAndHalfWidth() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        int n = c.Draws.Length, calls = 0;
        var ci = MonteCarlo.BoundedMean(_ => c.Draws[calls++], new System.Random(1), n, c.Low, c.High, c.Delta);
        string at = c.ToString();
        var property = (calls == n).Label($"{calls} draws for n = {n} at {at}")
            .And((ci.Samples == n && ci.Level == 1 - c.Delta && ci.Method == "Hoeffding").Label($"fields {ci} at {at}"));
        if (!(double.IsFinite(ci.Estimate) && ci.Estimate >= c.Low && ci.Estimate <= c.High))
            return property.And(false.Label($"estimate {ci.Estimate:R} not finite in the range at {at}"));

        var mean = ExactDouble.ToFraction(ci.Estimate);
        var exactMean = c.Draws.Aggregate(Fraction.Zero, (s, x) => s + ExactDouble.ToFraction(x)) / new Fraction(n);
        var largest = ExactDouble.ToFraction(Math.Max(Math.Abs(c.Low), Math.Abs(c.High)));
        var meanBound = new Fraction(n) * Unit * (Fraction.One + new Fraction(n) * Unit) * largest + HalfSubnormal;
        property = property.And((Fraction.Abs(mean - exactMean) <= meanBound)
            .Label($"estimate {ci.Estimate:R}, exact mean {ExactDouble.ToDouble(exactMean):R}, bound {ExactDouble.ToDouble(meanBound):R} at {at}"));

        var t = ExactHalfWidth(c.Low, c.High, n, c.Delta);
        var tLeast = t.Lower * (Fraction.One - 6 * Unit) - HalfSubnormal;
        var tMost = t.Upper * (Fraction.One + 6 * Unit) + HalfSubnormal;
        double upperLeast = ExactDouble.ToDouble(mean + tLeast), upperMost = ExactDouble.ToDouble(mean + tMost);
        double lowerLeast = ExactDouble.ToDouble(mean - tMost), lowerMost = ExactDouble.ToDouble(mean - tLeast);
        // Where t itself may round beyond MaxValue (t̂ = +∞), the remarks make both bounds infinite; where it must, they are.
        bool tMayOverflow = tMost >= ExactAgreement.OverflowThreshold, tMustOverflow = tLeast >= ExactAgreement.OverflowThreshold;
        bool upperHolds = tMustOverflow
            ? ci.Upper == double.PositiveInfinity
            : (upperLeast <= ci.Upper && ci.Upper <= upperMost) || (tMayOverflow && ci.Upper == double.PositiveInfinity);
        bool lowerHolds = tMustOverflow
            ? ci.Lower == double.NegativeInfinity
            : (lowerLeast <= ci.Lower && ci.Lower <= lowerMost) || (tMayOverflow && ci.Lower == double.NegativeInfinity);
        return property
            .And(upperHolds.Label($"upper {ci.Upper:R} outside [{upperLeast:R}, {upperMost:R}] (t ≈ {t.Midpoint:R}) at {at}"))
            .And(lowerHolds.Label($"lower {ci.Lower:R} outside [{lowerLeast:R}, {lowerMost:R}] (t ≈ {t.Midpoint:R}) at {at}"));
    });

    /// <summary>A draw one ulp outside [low, high], at any scale, is rejected naming the draw.</summary>
    [Property]
    public Property BoundedMean_RejectsADrawJustOutsideTheRange() => Prop.ForAll(
        (from range in Ranges from above in Gen.Elements(true, false) select (range.Low, range.High, above)).ToArbitrary(), c =>
    {
        double outside = c.above ? Math.BitIncrement(c.High) : Math.BitDecrement(c.Low); // ±∞ next to ±MaxValue
        return ArgumentAssert.IsRejection(
                () => MonteCarlo.BoundedMean(_ => outside, new System.Random(1), 3, c.Low, c.High, 0.5), "draw", "left the stated range")
            .Label($"draw {outside:R} for [{c.Low:R}, {c.High:R}]");
    });

    /// <summary>
    /// δ = 2^-1074 (valid: δ ∈ (0, 1)): 2/δ overflowed, ln ∞ = ∞, and the interval was (−∞, ∞). With high − low = 1 and
    /// n = 1, t = √(ln(2^1075)/2) = √(1075·ln 2/2) = 19.3019846013556… (by hand: 1075·0.693147180559945 = 745.133219,
    /// halved 372.566610, its root 19.30198460). Tolerance 1e-13: the remarks' 6·2^-53·t is 1.3e-14, and the constant
    /// above is good to about 1e-15.
    /// </summary>
    [Fact]
    public void BoundedMean_WithASubnormalDelta_HasAFiniteHalfWidth()
    {
        var ci = MonteCarlo.BoundedMean(_ => 0.5, new System.Random(1), 1, 0, 1, double.Epsilon);
        const double t = 19.30198460135565;
        Assert.Equal(0.5, ci.Estimate);
        Assert.Equal(0.5 + t, ci.Upper, 1e-13);
        Assert.Equal(0.5 - t, ci.Lower, 1e-13);
    }

    /// <summary>
    /// [−MaxValue, MaxValue] with fifty draws of 0 and δ = 1/2: high − low overflowed, so t = ∞ and the interval was
    /// (−∞, ∞), though t = 2·MaxValue·√(ln 4/100) = 0.2354820045030949·MaxValue ≈ 4.23e307 is finite. The mean is 0 exactly,
    /// so the bounds are ∓t. Tolerance 1e-15 relative: the remarks' 6·2^-53 = 6.7e-16.
    /// </summary>
    [Fact]
    public void BoundedMean_WhoseWidthOverflows_HasAFiniteHalfWidth()
    {
        var ci = MonteCarlo.BoundedMean(_ => 0.0, new System.Random(1), 50, -double.MaxValue, double.MaxValue, 0.5);
        Assert.Equal(0.0, ci.Estimate);
        Assert.Equal(0.23548200450309495, ci.Upper / double.MaxValue, 1e-15);
        Assert.Equal(-ci.Upper, ci.Lower);
    }

    /// <summary>δ outside (0, 1), at either end and beyond, is rejected naming delta, subnormal and signed-zero ones included.</summary>
    [Fact]
    public void BoundedMean_RejectsDeltaOutsideTheOpenUnitInterval()
    {
        foreach (double delta in new[] { -0.0, -double.Epsilon, 1.0, Math.BitIncrement(1.0), double.NaN, double.PositiveInfinity })
            ArgumentAssert.Rejects(() => MonteCarlo.BoundedMean(_ => 0, new System.Random(1), 1, 0, 1, delta), "delta", "delta must be in (0, 1)");
    }
}
