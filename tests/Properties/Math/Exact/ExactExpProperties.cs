using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Engine.Generators;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactExp"/> (fixed-point Taylor sum with k squarings) against <see cref="ReferenceExp"/>, an enclosure by a
/// different method (exact-fraction Taylor sum with its Lagrange remainder, no fixed-point rounding) 64 bits finer: the
/// enclosure must contain the finer one, hence e^x, and be at most 2^(−bits) wide relative to its lower end (the width bound
/// of FixedPointExp's doc comment, with no slack factor: k = 0 in 2^(−(bits − k))).
/// </summary>
[Properties(MaxTest = 60)]
public class ExactExpProperties
{
    /// <summary>Bits of the enclosure under test; the reference uses 64 more.</summary>
    private static Gen<int> Bits => Gen.Choose(16, 256);

    /// <summary>
    /// Doubles over all of [−4096, 4096]: subnormals and 1e-300 (e^x = 1 + x), both signs, and |x| past 709.8 / 745.2 where
    /// e^x overflows / underflows doubles.
    /// </summary>
    private static Gen<double> Arguments => Gen.Frequency(
        (3, EdgeDoubles.Signed(double.Epsilon, ExactExp.MaxArgument)),
        (1, EdgeDoubles.Signed(700, ExactExp.MaxArgument)),
        (1, EdgeDoubles.Signed(1e-320, 1e-280)));

    /// <summary>Non-dyadic rationals p/q (q odd, so t = x/2^k never has a finite binary expansion) with |x| ≤ 4096.</summary>
    private static Gen<Fraction> Rationals =>
        Gen.Choose(1, 500_000).SelectMany(q => Gen.Choose(-4095, 4095).SelectMany(
            whole => Gen.Choose(0, 2 * q), (whole, p) => new Fraction(whole) + new Fraction(p - q, 2 * q + 1)));

    private static bool Encloses(RationalInterval outer, RationalInterval inner) =>
        outer.Lower <= inner.Lower && inner.Upper <= outer.Upper;

    private static bool NarrowEnough(RationalInterval e, int bits) =>
        e.Lower.Sign() > 0 && e.Width <= e.Lower * ExactDouble.Pow2(-bits);

    [Property]
    public Property AtDoubles_ContainsAFinerReference_AndIsNarrow() => Prop.ForAll(Arguments.ToArbitrary(), Bits.ToArbitrary(), (x, bits) =>
    {
        var e = ExactExp.Of(x, bits);
        var reference = ReferenceExp(ExactDouble.ToFraction(x), bits + 64);
        return (Encloses(e, reference) && NarrowEnough(e, bits))
            .Label($"x = {x:R}, bits = {bits}: {e} (relative width {ExactDouble.ToDouble(e.Width / e.Lower):E3}), reference {reference}");
    });

    [Property(MaxTest = 30)]
    public Property AtNonDyadicRationals_ContainsAFinerReference_AndIsNarrow() => Prop.ForAll(Rationals.ToArbitrary(), Bits.ToArbitrary(), (x, bits) =>
    {
        var e = ExactExp.Of(x, bits);
        var reference = ReferenceExp(x, bits + 64);
        return (Encloses(e, reference) && NarrowEnough(e, bits))
            .Label($"x = {x}, bits = {bits}: {e}, reference {reference}");
    });

    /// <summary>
    /// The arguments ExactErf passes, −x² for an x rounded to bits + 16 significant bits (about 1000-bit numerators at 512
    /// bits), checked at 512 bits against e^(−x²) = 1/e^(x²) and e^(−x²) = (e^(−x²/2))², each by the same routine but along
    /// another path: the three enclosures must overlap pairwise (they all contain the true value).
    /// </summary>
    [Property(MaxTest = 8)]
    public Property AtLongDyadics_AgreesWithItsReciprocal_AndWithItsSquareRoot() => Prop.ForAll(
        EdgeDoubles.Positive(1, 63).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (x0, salt) =>
        {
            const int bits = 512;
            // x0 with 512 more pseudo-random low bits, a dyadic of about 565 significant bits.
            var random = new System.Random(salt);
            var noise = new byte[64];
            random.NextBytes(noise);
            var low = new Fraction(new BigInteger(noise, isUnsigned: true), BigInteger.One << (512 + 60));
            var x = ExactDouble.ToFraction(x0) + low;
            var minusSquare = -(x * x);
            var direct = ExactExp.Of(minusSquare, bits);
            var viaReciprocal = RationalInterval.Exact(Fraction.One) / ExactExp.Of(x * x, bits);
            var half = ExactExp.Of(minusSquare / 2, bits);
            var viaSquare = half * half;
            bool overlap(RationalInterval a, RationalInterval b) => a.Lower <= b.Upper && b.Lower <= a.Upper;
            return (overlap(direct, viaReciprocal) && overlap(direct, viaSquare) && NarrowEnough(direct, bits))
                .Label($"x ≈ {x0:R}: {direct}, 1/e^(x²) {viaReciprocal}, (e^(−x²/2))² {viaSquare}");
        });

    /// <summary>
    /// The reference: t = x/2^k with |t| ≤ 1/2, the exact-fraction Taylor sum Σ_(i≤n) tⁱ/i! with the Lagrange remainder
    /// |R| ≤ e^|t|·|t|^(n+1)/(n+1)! ≤ 2|t|^(n+1)/(n+1)! below 2^(−p), p = bits + k + 16, then k squarings of the positive
    /// enclosure, rounded outward to p significant bits (<see cref="DyadicRounding"/>) after each.
    /// </summary>
    private static RationalInterval ReferenceExp(Fraction x, int bits)
    {
        int k = 0;
        var t = x;
        while (Fraction.Abs(t) > new Fraction(1, 2))
        {
            t /= 2;
            k++;
        }
        int p = bits + k + 16;
        var tolerance = ExactDouble.Pow2(-p);
        var absT = Fraction.Abs(t);
        Fraction sum = Fraction.One, term = Fraction.One, bound = Fraction.One;
        for (int i = 1; ; i++)
        {
            term = term * t / i;
            sum += term;
            bound = bound * absT / i;                     // |t|^i / i!
            var remainder = 2 * bound * absT / (i + 1);   // 2|t|^(i+1)/(i+1)!
            if (remainder <= tolerance)
            {
                var lo = DyadicRounding.Down(sum - remainder, p);
                var hi = DyadicRounding.Up(sum + remainder, p);
                for (int s = 0; s < k; s++)
                {
                    lo = DyadicRounding.Down(lo * lo, p);
                    hi = DyadicRounding.Up(hi * hi, p);
                }
                return new RationalInterval(lo, hi);
            }
        }
    }
}
