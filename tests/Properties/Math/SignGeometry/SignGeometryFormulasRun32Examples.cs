using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Two small formulas of the sign-geometry chapter in exact rationals (mutation run 30): tr H, by hand 1 + 5 + 10 = 16
/// for [[1, 2, 3], [4, 5, 6], [7, 8, 10]] (the whole diagonal, each entry once); and the density φ(ω) = ‖ω‖₁²/(d‖ω‖₂²) of
/// eq. (6.29), by hand 5²/(3·9) = 25/27 for ω = (1, −2, 2), 1 where all |ω_i| are equal (its largest value) and 1/d for one
/// nonzero coordinate (its smallest).
/// </summary>
public class SignGeometryFormulasRun32Examples
{
    private static RationalInterval[] Vector(params double[] values) => RealVector.Constant<RationalInterval>(values);

    private static void AssertExactly(Fraction expected, RationalInterval actual)
    {
        Assert.Equal(expected, actual.Lower);
        Assert.Equal(expected, actual.Upper);
    }

    [Fact]
    public void Trace_IsTheSumOfTheDiagonal()
    {
        var h = RealMatrix<RationalInterval>.Constant(new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 10 } });

        AssertExactly(new Fraction(16), SignGeometryFormulas.Trace(h));
        AssertExactly(new Fraction(-3), SignGeometryFormulas.Trace(RealMatrix<RationalInterval>.Constant(new double[,] { { -3 } })));
    }

    [Fact]
    public void Density_IsL1SquaredOverDimensionTimesL2Squared()
    {
        AssertExactly(new Fraction(25, 27), SignGeometryFormulas.Density(Vector(1, -2, 2)));
        AssertExactly(Fraction.One, SignGeometryFormulas.Density(Vector(0.5, -0.5, 0.5, 0.5)));
        AssertExactly(new Fraction(1, 3), SignGeometryFormulas.Density(Vector(0, 7, 0)));
    }
}
