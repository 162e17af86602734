using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// <see cref="SignGeometryFormulas.EntrywiseL1{T}"/>, the bound C.48 on ‖H‖∞,1 (balles-thesis appendix C), over exact
/// rationals: Σ_ij |H_ij| of a 3×3 matrix with entries of both signs and a zero, summed by hand, counts every row once.
/// </summary>
public class SignGeometryFormulasRun26Examples
{
    private static RationalInterval Q(long numerator, long denominator) => RationalInterval.Exact(new Fraction(numerator, denominator));

    [Fact]
    public void EntrywiseL1_IsTheSumOfTheAbsoluteEntries()
    {
        RationalInterval[,] entries =
        {
            { Q(1, 2), Q(-1, 3), Q(0, 1) },
            { Q(-1, 3), Q(2, 1), Q(1, 4) },
            { Q(0, 1), Q(1, 4), Q(-5, 6) },
        };
        var h = RealMatrix<RationalInterval>.Create(3, 3, (i, j) => entries[i, j]);
        // By hand: 1/2 + 1/3 + 0 + 1/3 + 2 + 1/4 + 0 + 1/4 + 5/6 = (6 + 4 + 4 + 24 + 3 + 3 + 10)/12 = 54/12 = 9/2.
        var expected = new Fraction(9, 2);
        var sum = SignGeometryFormulas.EntrywiseL1(h);
        Assert.True(sum.Lower == expected && sum.Upper == expected, $"Σ|H_ij| = {sum}, expected {expected}");
    }
}
