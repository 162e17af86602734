using System.Numerics;
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
/// The double views of <see cref="DiscreteDistribution"/> (the exact expectation engine of balles-thesis chapters 3–5)
/// over the whole double range (issue 15, item 1): atoms with rational coordinates from the subnormals to beyond
/// ±double.MaxValue (exact doubles, rationals between doubles, points near ties and at the overflow threshold), integer
/// weights up to 2^1200 (probabilities far below 2^-1074). AtomAsDoubles must give the nearest double or reject a coordinate
/// beyond the range; ExpectationAsDouble must stay within its documented bound of the exact Σ p_k h_k.
/// </summary>
[Properties(MaxTest = 100)] // at most 5 atoms of 3 coordinates, exact sums of 5 terms: about a millisecond a case
public class DiscreteDistributionFullRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);
    private static readonly Fraction SmallestSubnormal = ExactDouble.Pow2(-1074);

    /// <summary>Atoms and weights of one distribution; h reads coordinate <c>Coordinate</c> and multiplies it by 2^Scale.</summary>
    public sealed record Case(Fraction[][] Atoms, BigInteger[] Weights, int Coordinate, int Scale)
    {
        public override string ToString() =>
            $"atoms [{string.Join("; ", Atoms.Select(a => string.Join(", ", a.Select(x => ExactDouble.ToDouble(x).ToString("R")))))}], " +
            $"weights [{string.Join(", ", Weights.Select(w => w.GetBitLength() > 20 ? $"2^{w.GetBitLength() - 1}…" : w.ToString()))}], " +
            $"h = x[{Coordinate}]·2^{Scale}";
    }

    /// <summary>Multiples of 2^-1074 from 1 to 40: products with a probability land on the subnormal grid.</summary>
    private static Gen<double> SmallSubnormals { get; } = Gen.Choose(1, 40).Select(k => k * double.Epsilon);

    /// <summary>
    /// A rational coordinate: a double, a double times p/q (between doubles, and beyond MaxValue for large p/q), a point at
    /// or within 2^-40 ulp of a midpoint between two doubles, or a point near the overflow threshold MaxValue + ½ulp.
    /// </summary>
    private static Gen<Fraction> Coordinates { get; } = Gen.Frequency(
        (3, Gen.Frequency((5, FullRangeDoubles.Signed), (1, SmallSubnormals)).Select(ExactDouble.ToFraction)),
        (3, from x in FullRangeDoubles.Signed
            from p in Gen.Choose(1, 1000)
            from q in Gen.Choose(1, 1000)
            select ExactDouble.ToFraction(x) * new Fraction(p, q)),
        (2, from x in FullRangeDoubles.Signed
            from j in Gen.Choose(-1, 1)
            let exact = ExactDouble.ToFraction(x)
            select exact + ExactDouble.UnitInLastPlace(exact) / 2 * (Fraction.One + j * ExactDouble.Pow2(-40))),
        (1, from sign in Gen.Elements(-1, 1)
            from k in Gen.Choose(-3, 3)
            select sign * (ExactAgreement.OverflowThreshold + k * ExactDouble.Pow2(968))));

    private static Gen<BigInteger> Weights { get; } = Gen.Frequency(
        (3, Gen.Choose(1, 9).Select(w => new BigInteger(w))),
        (1, from k in Gen.Choose(0, 1200) from m in Gen.Choose(1, 3) select new BigInteger(m) << k));

    private static Gen<Case> Cases { get; } =
        from count in Gen.Choose(1, 5)
        from dimension in Gen.Choose(1, 3)
        from atoms in Gen.ArrayOf(Gen.ArrayOf(Coordinates, dimension), count)
        from weights in Gen.ArrayOf(Weights, count)
        from coordinate in Gen.Choose(0, dimension - 1)
        from scale in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-200, 200)))
        select new Case(atoms, weights, coordinate, scale);

    private static bool BeyondTheRange(Fraction x) => Fraction.Abs(x) >= ExactAgreement.OverflowThreshold;

    /// <summary>
    /// Each coordinate of AtomAsDoubles(k) is the nearest double: within ½ ulp of the exact coordinate (ExactAgreement:
    /// ulp of the exact value, 2^-1074 on the subnormal grid), with the sign of the exact value (−0 for a negative one that
    /// rounds to 0, +0 for 0). An atom with a coordinate at or beyond MaxValue + ½ulp, which rounds to ±∞, is rejected
    /// naming k; so is k outside 0…Count − 1. The array returned is the caller's: writing into it changes nothing.
    /// </summary>
    [Property]
    public Property AtomAsDoubles_IsTheNearestDoubleOrRejected() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var distribution = new DiscreteDistribution(c.Atoms, c.Weights);
        int count = c.Atoms.Length;
        var property = ArgumentAssert.IsRejection(() => distribution.AtomAsDoubles(-1), "k", $"k must be in 0…{count - 1}, got -1")
            .Label("k = −1 accepted")
            .And(ArgumentAssert.IsRejection(() => distribution.AtomAsDoubles(count), "k", $"k must be in 0…{count - 1}, got {count}")
                .Label($"k = {count} accepted"));
        for (int k = 0; k < count; k++)
        {
            var atom = c.Atoms[k];
            if (atom.Any(BeyondTheRange))
            {
                property = property.And(ArgumentAssert.IsRejection(() => distribution.AtomAsDoubles(k), "k", "beyond ±double.MaxValue")
                    .Label($"atom {k} beyond the range not rejected: {c}"));
                continue;
            }
            var doubles = distribution.AtomAsDoubles(k);
            property = property.And((doubles.Length == atom.Length).Label($"atom {k} has {doubles.Length} coordinates"));
            for (int i = 0; i < atom.Length; i++)
                property = property
                    .And(ExactAgreement.Within(doubles[i], RationalInterval.Exact(atom[i]), 0.5, $"atom {k}, coordinate {i} of {c}"))
                    .And((double.IsNegative(doubles[i]) == atom[i] < Fraction.Zero).Label($"sign of {doubles[i]:R} at atom {k}, coordinate {i}"));
            doubles[0] = double.NaN;
            property = property.And((!double.IsNaN(distribution.AtomAsDoubles(k)[0])).Label($"atom {k} changed through the returned array"));
        }
        return property;
    });

    /// <summary>
    /// ExpectationAsDouble(h) for h(x) = x_j·2^s (s in −200…200: values under- and overflow): with every h_k finite, the
    /// result is finite and within (n + 3)·2^-53·Σ p_k|h_k| + n·2^-1074 of the exact Σ p_k h_k, the remarks' bound, for
    /// the h_k that h returned (p_k = w_k/Σw exactly). Where an h_k is ±∞ the call is rejected naming h; where an atom lies
    /// beyond the range, naming k. h is called once an atom, on a copy: writing into its argument changes no atom.
    /// </summary>
    [Property]
    public Property ExpectationAsDouble_IsWithinItsBoundOfTheExactSum() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var distribution = new DiscreteDistribution(c.Atoms, c.Weights);
        int count = c.Atoms.Length;
        int calls = 0;
        double Value(double[] x)
        {
            calls++;
            double v = x[c.Coordinate] * Math.ScaleB(1.0, c.Scale);
            x[c.Coordinate] = double.NaN; // h may write into its argument
            return v;
        }
        // Atoms are visited in order: the first atom beyond the range or with an infinite h_k decides the rejection.
        var values = new double[count];
        for (int k = 0; k < count; k++)
        {
            if (c.Atoms[k].Any(BeyondTheRange))
                return ArgumentAssert.IsRejection(() => distribution.ExpectationAsDouble(Value), "k", "beyond ±double.MaxValue")
                    .Label($"atom {k} beyond the range not rejected: {c}");
            values[k] = distribution.AtomAsDoubles(k)[c.Coordinate] * Math.ScaleB(1.0, c.Scale);
            if (double.IsInfinity(values[k]))
                return ArgumentAssert.IsRejection(() => distribution.ExpectationAsDouble(Value), "h", "h must be finite")
                    .Label($"an infinite h_{k} not rejected: {c}");
        }

        double result = distribution.ExpectationAsDouble(Value);
        var total = c.Weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        Fraction exact = Fraction.Zero, absolute = Fraction.Zero;
        for (int k = 0; k < count; k++)
        {
            var p = new Fraction(c.Weights[k], total);
            var h = ExactDouble.ToFraction(values[k]);
            exact += p * h;
            absolute += p * Fraction.Abs(h);
        }
        var bound = new Fraction(count + 3) * Unit * absolute + new Fraction(count) * SmallestSubnormal;
        string at = c.ToString();
        var property = (calls == count).Label($"h called {calls} times for {count} atoms at {at}")
            .And(Enumerable.Range(0, count).All(k => !double.IsNaN(distribution.AtomAsDoubles(k)[c.Coordinate]))
                .Label($"h's writes reached the atoms at {at}"));
        if (!double.IsFinite(result))
            return property.And(false.Label($"result {result:R} at {at}"));
        var error = Fraction.Abs(ExactDouble.ToFraction(result) - exact);
        return property.And((error <= bound).Label(
            $"result {result:R}, exact {ExactDouble.ToDouble(exact):R}, error {ExactDouble.ToDouble(error):R} > bound {ExactDouble.ToDouble(bound):R} at {at}"));
    });

    /// <summary>
    /// Atoms 3·2^-1074 and 18·2^-1074 with weights 5 and 1: E = (5·3 + 18)/6·2^-1074 = 5.5·2^-1074, and the bound allows
    /// n·2^-1074 = 2·2^-1074 (the relative part is below 2^-1100), so the result must be 4, 5, 6 or 7 times 2^-1074. Each
    /// product h_k·m_k/2 was rounded on the subnormal grid and again by the scaling by 2^e_k (2.5000…01 → 3 → 1.5 → 2 and
    /// 11.999…9 → 12 → 1.5 → 2 half-units), which gave 8·2^-1074.
    /// </summary>
    [Fact]
    public void ExpectationAsDouble_OfSubnormalValues_RoundsEachTermOnce()
    {
        var distribution = DiscreteDistribution.FromDoubles([[3 * double.Epsilon], [18 * double.Epsilon]], [5, 1]);
        double units = distribution.ExpectationAsDouble(x => x[0]) / double.Epsilon;
        Assert.InRange(units, 4, 7);
    }
}
