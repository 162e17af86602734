using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="QuadraticSurd"/>, the exact a + b·√D the identity method evaluates at grid points, against an independent
/// evaluation: a + b·√D enclosed with √D at 512 bits (<see cref="RationalInterval.Sqrt(int)"/>). For small rationals a, b, D
/// a non-zero a + b√D is at least about 2⁻³⁰ away from 0 (|a² − b²D| ≥ 1/denominators², divided by |a| + |b|√D), far above
/// the enclosure's width 2⁻⁵⁰⁰, so the enclosure decides every sign except an exact 0. No tolerance.
/// </summary>
public class QuadraticSurdProperties
{
    private static Gen<Fraction> Small { get; } =
        from n in Gen.Choose(-40, 40)
        from d in Gen.Choose(1, 12)
        select new Fraction(n, d);

    private static Gen<Fraction> Radicand { get; } =
        Gen.Frequency((3, from n in Gen.Choose(0, 60) from d in Gen.Choose(1, 12) select new Fraction(n, d)),
            (1, from s in Gen.Choose(0, 9) select new Fraction(s * s, 4))); // perfect squares: r stays a symbol

    private static RationalInterval Enclose(Fraction a, Fraction b, Fraction d) =>
        RationalInterval.Exact(a) + RationalInterval.Exact(b) * RationalInterval.Exact(d).Sqrt(512);

    private static int SignOf(RationalInterval x) => x.IsPositive ? 1 : x.IsNegative ? -1 : 0;

    [Property(MaxTest = 300)]
    public Property Sign_MatchesAHighPrecisionEnclosure() =>
        Prop.ForAll(Small.ToArbitrary(), Small.ToArbitrary(), Radicand.ToArbitrary(), (a, b, d) =>
        {
            using var scope = QuadraticSurd.Track();
            var r = QuadraticSurd.Sqrt(QuadraticSurd.Rational(d));
            var x = QuadraticSurd.Rational(a) + QuadraticSurd.Rational(b) * r;
            var enclosure = Enclose(a, b, d);
            int expected = SignOf(enclosure);
            // An enclosure that contains 0 at 512 bits holds an exact 0 for these sizes: then a² = b²D with a, b of opposite signs (or both 0).
            if (expected == 0 && !(a * a == b * b * d && a.Sign() * b.Sign() <= 0))
                return false;
            return QuadraticSurd.Sign(x) == expected;
        });

    [Property(MaxTest = 300)]
    public Property ProductAndQuotient_AreTheValuesAndInvertEachOther() =>
        Prop.ForAll((from a in Small from b in Small from c in Small from e in Small select (a, b, c, e)).ToArbitrary(), Radicand.ToArbitrary(), (p, d) =>
        {
            var (a1, b1, a2, b2) = p;
            using var scope = QuadraticSurd.Track();
            var r = QuadraticSurd.Sqrt(QuadraticSurd.Rational(d));
            var x = QuadraticSurd.Rational(a1) + QuadraticSurd.Rational(b1) * r;
            var y = QuadraticSurd.Rational(a2) + QuadraticSurd.Rational(b2) * r;
            var product = x * y;
            var (pa, pb) = product.Parts;
            // The product's value lies in the product of the operands' enclosures.
            var expected = Enclose(a1, b1, d) * Enclose(a2, b2, d);
            var value = Enclose(pa, pb, d);
            if (!(value.Upper >= expected.Lower && value.Lower <= expected.Upper))
                return false;
            // r·r = D exactly, and (x·y)/y = x wherever the norm a₂² − b₂²D is not 0.
            var square = (r * r).Parts;
            if (square.A != d || !square.B.IsZero)
                return false;
            if ((a2 * a2 - b2 * b2 * d).IsZero)
                return true;
            return (product / y).Parts == x.Parts;
        });
}
