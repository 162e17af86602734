using Fractions;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>Small enclosure helpers the claims of chapters 3–5 share.</summary>
internal static class Interval
{
    internal static RationalInterval Of(Fraction f) => RationalInterval.Exact(f);

    internal static RationalInterval Of(double d) => RationalInterval.Exact(d);

    internal static RationalInterval Of(int i) => RationalInterval.Exact(new Fraction(i));

    /// <summary>x² as a tight enclosure (never below 0, unlike x·x on an interval that contains 0).</summary>
    internal static RationalInterval Square(RationalInterval x)
    {
        if (x.Lower.Sign() >= 0) return x * x;
        if (x.Upper.Sign() <= 0) return (-x) * (-x);
        var m = FractionExtensions.Max(-x.Lower, x.Upper);
        return new RationalInterval(Fraction.Zero, m * m);
    }

    /// <summary>Σ of enclosures.</summary>
    internal static RationalInterval Sum(IEnumerable<RationalInterval> terms) => terms.Aggregate(RationalInterval.Zero, (a, b) => a + b);

    /// <summary>Text of a rational, p/q.</summary>
    internal static string Show(Fraction f) => f.Denominator.IsOne ? f.Numerator.ToString() : $"{f.Numerator}/{f.Denominator}";
}
