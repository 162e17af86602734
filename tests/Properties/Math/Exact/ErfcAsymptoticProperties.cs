using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Engine.Generators;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// ExactErf's asymptotic erfc (fixed-point sum, used where 1.44x² ≥ bits + 24) against <see cref="ReferenceErfc"/>, the
/// same series summed in exact fractions, 64 bits finer: the enclosure must contain the finer one, hence erfc x, and keep
/// 2^(−bits+4) relative width (bits + 8 internal bits, then the product with e^(−x²)/(x√π), each rounded outward).
/// </summary>
[Properties(MaxTest = 40)]
public class ErfcAsymptoticProperties
{
    [Property]
    public Property AtDoubles_ContainsAFinerExactFractionSum() => Prop.ForAll(
        EdgeDoubles.Positive(12.3, 63).ToArbitrary(), Gen.Elements(64, 96, 128).ToArbitrary(), (x, bits) =>
        {
            // 1.44x² ≥ bits + 88 for x ≥ 12.3 and bits ≤ 128: both precisions take the asymptotic branch.
            var e = ExactErf.ErfcPoint(ExactDouble.ToFraction(x), bits);
            var reference = ReferenceErfc(ExactDouble.ToFraction(x), bits + 64);
            return (e.Lower <= reference.Lower && reference.Upper <= e.Upper && e.Lower.Sign() > 0
                    && e.Width <= e.Lower * ExactDouble.Pow2(-bits + 4))
                .Label($"x = {x:R}, bits = {bits}: {e}, reference {reference}");
        });

    /// <summary>
    /// e^(−x²)/(x√π)·Σ (−1)ⁿ(2n−1)!!/(2x²)ⁿ in exact fractions, stopped at the first term below 2^(−bits−8) or at the smallest
    /// term; the remainder has the sign of the first omitted term and at most its magnitude.
    /// </summary>
    private static RationalInterval ReferenceErfc(Fraction x, int bits)
    {
        var tolerance = ExactDouble.Pow2(-bits - 8);
        var twoX2 = 2 * x * x;
        Fraction term = Fraction.One, sum = Fraction.Zero;
        for (int n = 0; ; n++)
        {
            sum = n % 2 == 0 ? sum + term : sum - term;
            var next = term * (2 * n + 1) / twoX2;
            if (next < tolerance || next >= term)
            {
                var series = n % 2 == 0 ? new RationalInterval(sum - next, sum) : new RationalInterval(sum, sum + next);
                var factor = ExactExp.Of(-(x * x), bits + 8) / (RationalInterval.Exact(x) * ExactConstants.Pi(bits + 8).Sqrt(bits + 8));
                return series * factor;
            }
            term = next;
        }
    }
}
