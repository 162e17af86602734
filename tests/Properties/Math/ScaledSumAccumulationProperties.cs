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
/// <see cref="ScaledSum"/>'s accumulator (Add, AddQuotient, AddTimesPowerOfTwo, AddPowerTimes) against the exact rational
/// sum of its terms, over the whole double range: the bound its summary states, the carried parts' form, and what
/// <see cref="ScaledSum.RoundsExactly"/>, <see cref="ScaledSum.IsZero"/> and <see cref="ScaledSum.Magnitude"/> say about them.
/// </summary>
[Properties(MaxTest = 400)]
public class ScaledSumAccumulationProperties
{
    /// <summary>One term: which method adds it, its factors, divisor, power of two, and (AddPowerTimes) prefix terms and power.</summary>
    public sealed record Term(int Kind, double[] Factors, double Divisor, int Exponent, double[][] Prefix, int Power)
    {
        public override string ToString() =>
            $"kind {Kind}: [{string.Join(", ", Factors.Select(f => f.ToString("R")))}] / {Divisor:R} · 2^{Exponent}" +
            (Kind == 3 ? $", prefix Σ{string.Join(" + ", Prefix.Select(p => $"Π[{string.Join(", ", p.Select(f => f.ToString("R")))}]"))} ^{Power}" : "");
    }

    private static Gen<double> NonZero { get; } = FullRangeDoubles.Positive.SelectMany(x => Gen.Elements(x, -x));

    /// <summary>Factors from the whole range, or all from one scale (so that terms of one sum are comparable and cancel).</summary>
    private static Gen<double[]> Factors(int k) => FullRangeDoubles.SignedOrOneScale(k);

    private static Gen<Term> Terms { get; } =
        from kind in Gen.Choose(0, 3)
        from k in Gen.Choose(1, 4)
        from factors in Factors(k)
        from divisor in Gen.Frequency((1, Gen.Constant(1.0)), (3, NonZero))
        from exponent in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(-2200, 2200)))
        from prefixCount in Gen.Choose(1, 2)
        from prefix in Gen.ArrayOf(Gen.Choose(1, 3).SelectMany(Factors), prefixCount)
        from power in Gen.Choose(1, 3)
        select new Term(kind, factors, kind is 1 or 2 or 3 ? divisor : 1, kind == 2 ? exponent : 0, prefix, power);

    private static Fraction Pow2(long k) => k >= 0 ? ExactDouble.Pow2((int)k) : 1 / ExactDouble.Pow2((int)-k);

    private static Fraction Exact(double[] factors) => factors.Aggregate(Fraction.One, (p, f) => p * ExactDouble.ToFraction(f));

    private static Fraction CarriedValue(ScaledSum sum) =>
        ExactDouble.ToFraction(sum.Parts.Mantissa) * Pow2(sum.Parts.Exponent);

    /// <summary>Adds the term to the sum; returns its exact value and the number of mantissa roundings it has.</summary>
    private static (Fraction Value, int Roundings) AddTo(ref ScaledSum sum, Term t)
    {
        var quotient = Exact(t.Factors) / ExactDouble.ToFraction(t.Divisor) * Pow2(t.Exponent);
        int k = t.Factors.Length, divide = t.Divisor == 1 ? 0 : 1;
        switch (t.Kind)
        {
            case 0:
                sum.Add(t.Factors);
                return (quotient, k - 1);
            case 1:
                sum.AddQuotient(t.Divisor, t.Factors);
                return (quotient, k - 1 + divide);
            case 2:
                sum.AddTimesPowerOfTwo(t.Exponent, t.Divisor, t.Factors);
                return (quotient, k - 1 + divide);
            default:
                var prefix = new ScaledSum();
                foreach (var p in t.Prefix)
                    prefix.Add(p);
                var carried = CarriedValue(prefix); // the prefix as carried: AddPowerTimes takes its parts, not its rounded value
                var power = Enumerable.Repeat(carried, t.Power).Aggregate(Fraction.One, (a, b) => a * b);
                sum.AddPowerTimes(prefix, t.Power, t.Divisor, t.Factors);
                // prefix mantissa^power: power − 1 roundings; each of the k factors then one; the divisor one.
                return (power * quotient, t.Power - 1 + k + divide);
        }
    }

    /// <summary>
    /// n terms with at most K mantissa roundings each: the sum as carried (its parts, before the final rounding) is within
    /// γ_(K+n)·Σ|t| of the exact Σt (K roundings per term, n − 1 of recursive summation, and one u more for the alignment
    /// of a term onto the running exponent, which rounds only where it shifts a mantissa below 2^-1022 of it, an error
    /// below 2^-1074 relative per term, far below u), and <see cref="ScaledSum.Value"/> is that rounded once: ±∞ only where
    /// it is beyond the range, else within ½ ulp of it (the parts' value computed exactly here from M and E).
    /// The parts are (0, 0) or have |M| ∈ [1, 2).
    /// </summary>
    [Property]
    public Property Sum_IsWithinItsBoundOfTheExactSum_AndRoundsOnce() => Prop.ForAll(
        Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Terms, n)).ToArbitrary(),
        terms =>
        {
            var sum = new ScaledSum();
            Fraction exact = Fraction.Zero, absolute = Fraction.Zero;
            int roundings = 0;
            foreach (var t in terms)
            {
                var (value, r) = AddTo(ref sum, t);
                exact += value;
                absolute += value.Abs();
                roundings = Math.Max(roundings, r);
            }
            string at = string.Join("; ", terms.Select(t => t.ToString()));
            var (m, e) = sum.Parts;
            bool form = m == 0 ? e == 0 : Math.Abs(m) >= 1 && Math.Abs(m) < 2;
            var carried = CarriedValue(sum);
            var bound = ExactAgreement.Gamma(roundings + terms.Length) * absolute;
            bool withinBound = (carried - exact).Abs() <= bound;
            return form.Label($"{at}: parts ({m:R}, {e}) not normalized")
                .And(withinBound.Label($"{at}: carried {(double)carried:R}·…, exact {(double)exact:R}, Σ|t| {(double)absolute:R}, bound γ_{roundings + terms.Length}"))
                .And(ExactAgreement.Within(sum.Value, RationalInterval.Exact(carried), 0.5, $"Value, {at}"))
                .And((!(sum.Value == 0 && double.IsNegative(sum.Value))).Label($"{at}: a zero Value must be +0"));
        });

    /// <summary>
    /// <see cref="ScaledSum.IsZero"/> exactly where the carried parts are 0; <see cref="ScaledSum.RoundsExactly"/> exactly
    /// where <see cref="ScaledSum.Value"/> equals the carried M·2^E as a rational; <see cref="ScaledSum.Magnitude"/>(s)
    /// is |M·2^E|·2^s rounded once (within ½ ulp, ±∞ and 0 included).
    /// </summary>
    [Property]
    public Property Predicates_SayWhatTheCarriedPartsAre() => Prop.ForAll(
        (from n in Gen.Choose(0, 4)
         from terms in Gen.ArrayOf(Terms, n)
         from shift in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(-1200, 1200)), (1, Gen.Choose(-4000, 4000)))
         select (terms, shift)).ToArbitrary(),
        c =>
        {
            var sum = new ScaledSum();
            foreach (var t in c.terms)
                AddTo(ref sum, t);
            string at = $"{string.Join("; ", c.terms.Select(t => t.ToString()))}, shift {c.shift}";
            var carried = CarriedValue(sum);
            bool exactValue = double.IsFinite(sum.Value) && ExactDouble.ToFraction(sum.Value) == carried;
            return (sum.IsZero == carried.IsZero).Label($"{at}: IsZero {sum.IsZero}")
                .And((sum.RoundsExactly == exactValue).Label($"{at}: RoundsExactly {sum.RoundsExactly}, Value {sum.Value:R}"))
                .And(ExactAgreement.Within(sum.Magnitude(c.shift), RationalInterval.Exact(carried.Abs() * Pow2(c.shift)), 0.5, $"Magnitude, {at}"));
        });
    /// <summary>
    /// <see cref="ScaledSum.Ordinary(ReadOnlySpan{double})"/> is true exactly where every value is 0 or has magnitude in the
    /// closed range [2^-100, 2^100], as documented: both ends and zeros of either sign are in, the neighbouring doubles
    /// outside, subnormals, ±double.MaxValue, ±∞ and NaN out; the sequence overload agrees.
    /// </summary>
    [Fact]
    public void Ordinary_IsTheClosedRangeFromTwoToTheMinus100To2ToThe100_AndZero()
    {
        double low = Math.ScaleB(1.0, -100), high = Math.ScaleB(1.0, 100);
        double[] inside = [0.0, -0.0, low, -low, high, -high, 1.0, -3.5];
        double[] outside = [Math.BitDecrement(low), -Math.BitDecrement(low), Math.BitIncrement(high), -Math.BitIncrement(high),
            double.Epsilon, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        foreach (double v in inside)
        {
            Assert.True(ScaledSum.Ordinary(v), $"{v:R} is within the range");
            Assert.True(ScaledSum.Ordinary(1.0, v, 0.0), $"[1, {v:R}, 0] are within the range");
            Assert.True(ScaledSum.Ordinary(new List<double> { v, 0.0 }), $"the sequence [{v:R}, 0] is within the range");
        }
        foreach (double v in outside)
        {
            Assert.False(ScaledSum.Ordinary(v), $"{v:R} is outside the range");
            Assert.False(ScaledSum.Ordinary(1.0, 0.0, v), $"[1, 0, {v:R}] has a value outside the range");
            Assert.False(ScaledSum.Ordinary(new List<double> { 0.0, v }), $"the sequence [0, {v:R}] has a value outside the range");
        }
    }
    /// <summary>
    /// A sum whose terms cancel exactly is carried as (0, 0), as <see cref="ScaledSum.Parts"/> documents, whatever the
    /// terms' exponents (2^±900 here), and a term added next is then carried at its own exponent.
    /// </summary>
    [Theory]
    [InlineData(900)]
    [InlineData(-900)]
    public void ACancelledSum_IsCarriedAsZeroWithExponentZero(int k)
    {
        var sum = new ScaledSum();
        double big = Math.ScaleB(1.5, k);
        sum.Add(big, 3.0);
        sum.Add(-3.0, big);
        Assert.Equal((0.0, 0), sum.Parts);
        sum.Add(0.75);
        Assert.Equal((1.5, -1), sum.Parts);
    }
}
