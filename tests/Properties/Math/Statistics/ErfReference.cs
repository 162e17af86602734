using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>Rigorous enclosures of erf on an interval of arguments, tight in relative terms at every scale.</summary>
public static class ErfReference
{
    /// <summary>Below this, erf(z) ∈ (2/√π)·[z − z³/3, z] (the series alternates with decreasing terms), to 2^-200 relative.</summary>
    private static readonly Fraction Tiny = ExactDouble.Pow2(-100);

    /// <summary>
    /// An enclosure of π by its first 36 decimals, of relative width 3.2·10^-36 (2^-117.9): the tests' own π, independent of
    /// <see cref="ExactConstants.Pi"/>, which ErfEnclosure uses since stop 34 (this constant was ErfEnclosure.Pi until then).
    /// </summary>
    public static RationalInterval Pi { get; } = new(
        new Fraction(System.Numerics.BigInteger.Parse("314159265358979323846264338327950288"), System.Numerics.BigInteger.Pow(10, 35)),
        new Fraction(System.Numerics.BigInteger.Parse("314159265358979323846264338327950289"), System.Numerics.BigInteger.Pow(10, 35)));

    /// <summary>
    /// erf on [z.Lower, z.Upper] (z ≥ 0): <see cref="ErfEnclosure.Erf"/> with 200 bits (its series stops at a term below
    /// 2^-200·min(z, 1), relative to the sum; tinier arguments than 2^-100 get the first two series terms instead). Above <see cref="ErfEnclosure.SeriesLimit"/>
    /// erfc's continued fraction, within 2^-199·erfc(z), and [1 − 2^-1000, 1] from 27 on: tight to far below an ulp at every
    /// argument since stop 35 (until then [1 − erfc bound, 1] above 5, and the tests widened their check there).
    /// </summary>
    public static RationalInterval Enclose(RationalInterval z)
    {
        if (z.Upper < Tiny)
        {
            var twoOverSqrtPi = RationalInterval.Exact(new Fraction(2)) / Pi.Sqrt(200);
            var lower = z.Lower - z.Lower * z.Lower * z.Lower / 3;
            return new RationalInterval(lower, z.Upper) * twoOverSqrtPi;
        }
        if (z.Lower >= Large)
            return new RationalInterval(Fraction.One - ExactDouble.Pow2(-1000), Fraction.One);
        return ErfEnclosure.Erf(z, 200);
    }

    /// <summary>
    /// Above 27, 0 &lt; erfc(z) ≤ e^(−z²)/(z√π) &lt; e^-729 &lt; 2^-1000 (Mills' ratio, as in <see cref="ErfEnclosure"/>), so
    /// erf(z) ∈ [1 − 2^-1000, 1], far below an ulp of 1, without running <see cref="ErfEnclosure"/>'s continued fraction.
    /// </summary>
    private static readonly Fraction Large = new(27);
}
