using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>Rigorous enclosures of tanh a and sech²a for a rational a (96-bit exp enclosures, series near 0, limits far out).</summary>
public static class TanhEnclosures
{
    /// <summary>Enclosure precision: 2^-96 relative, far below the 2^-53 of the results compared.</summary>
    private const int Bits = 96;

    /// <summary>
    /// tanh a enclosed: a(1 − a²/3) ≤ tanh a ≤ a(1 − a²/3 + 2a⁴/15) (alternating series, |a| ≤ 2^-30); (1 − t)/(1 + t) with
    /// t = e^{−2|a|} (|a| ≤ 800); beyond, [1 − 2^-1100, 1] (1 − tanh|a| = 2t/(1 + t) &lt; 2e^{−1600}). Odd in a.
    /// </summary>
    public static RationalInterval Tanh(Fraction a)
    {
        var abs = Fraction.Abs(a);
        RationalInterval h;
        if (abs <= ExactDouble.Pow2(-30))
        {
            var a2 = abs * abs;
            h = new RationalInterval(abs * (1 - a2 / 3), abs * (1 - a2 / 3 + 2 * a2 * a2 / 15));
        }
        else if (abs <= 800)
        {
            var t = ExactExp.Of(-2 * abs, Bits);
            h = (RationalInterval.Exact(Fraction.One) - t) / (RationalInterval.Exact(Fraction.One) + t);
        }
        else
            h = new RationalInterval(1 - ExactDouble.Pow2(-1100), Fraction.One);
        return a.Sign() < 0 ? -h : h;
    }

    /// <summary>sech²a enclosed: 1 − tanh²a (|a| ≤ 2^-30, no cancellation there); 4t/(1 + t)² (|a| ≤ 2048); [0, 2^-5900] beyond (4e^{−4096} &lt; 2^-5907).</summary>
    public static RationalInterval SechSquared(Fraction a)
    {
        var abs = Fraction.Abs(a);
        if (abs <= ExactDouble.Pow2(-30))
        {
            var h = Tanh(abs);
            return new RationalInterval(1 - h.Upper * h.Upper, 1 - h.Lower * h.Lower);
        }
        if (abs <= 2048)
        {
            var t = ExactExp.Of(-2 * abs, Bits);
            var d = RationalInterval.Exact(Fraction.One) + t;
            return RationalInterval.Exact(new Fraction(4)) * t / (d * d);
        }
        return new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-5900));
    }
}
