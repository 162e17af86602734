using Fractions;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>Hand-checked eigen-coordinates, the repeated-eigenvalue case and bad input.</summary>
public class SymmetricEigenCoordinatesExamples
{
    private static RationalInterval[] Exact(double[,] h, double[] delta) =>
        SymmetricEigenCoordinates.Squared(RealMatrix<RationalInterval>.Constant(h), RealVector.Constant<RationalInterval>(delta));

    private static bool Contains(RationalInterval x, Fraction value) => x.Lower <= value && value <= x.Upper;

    [Fact]
    public void TwoByTwo_WithEigenvectorsAtFortyFiveDegrees_SplitsAnAxisInHalves()
    {
        // H = [[2, 1], [1, 2]]: eigenvalues 1, 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2, so δ = e_1 has c_i² = ½ each.
        var squares = Exact(new double[,] { { 2, 1 }, { 1, 2 } }, [1, 0]);
        Assert.All(squares, s => Assert.True(Contains(s, new Fraction(1, 2)) && s.Width < ExactDouble.Pow2(-90), $"{s}"));
        // δ = (1, 1) lies on the second eigenvector: c² = (0, 2).
        var along = Exact(new double[,] { { 2, 1 }, { 1, 2 } }, [1, 1]);
        Assert.True(Contains(along[0], Fraction.Zero) && Contains(along[1], new Fraction(2)));
    }

    [Fact]
    public void Diagonal_GivesTheCoordinatesInAscendingEigenvalueOrder()
    {
        var squares = Exact(new double[,] { { 3, 0, 0 }, { 0, -1, 0 }, { 0, 0, 0.5 } }, [0.5, 2, -1]);
        Assert.True(Contains(squares[0], new Fraction(4)));        // λ = −1: δ_2² = 4
        Assert.True(Contains(squares[1], Fraction.One));           // λ = ½: δ_3² = 1
        Assert.True(Contains(squares[2], new Fraction(1, 4)));     // λ = 3: δ_1² = ¼
    }

    [Fact]
    public void RepeatedEigenvalue_IsUndecidedExactly_ButHasAnOrthonormalBasisInDoubles()
    {
        var h = new double[,] { { 2, 0 }, { 0, 2 } };
        Assert.Throws<UndecidedException>(() => Exact(h, [1, 2]));
        var doubles = SymmetricEigenCoordinates.Squared(RealMatrix<Float64>.Constant(h), RealVector.Constant<Float64>([1.0, 2]));
        Assert.Equal(5, doubles[0].Value + doubles[1].Value, 12);
    }

    [Fact]
    public void OneByOne_IsTheSquare()
    {
        var squares = Exact(new double[,] { { -7 } }, [3]);
        Assert.Equal(new Fraction(9), squares[0].Lower);
        Assert.True(squares[0].Width.IsZero);
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        var square = RealMatrix<Float64>.Constant(new double[,] { { 1, 0 }, { 0, 2 } });
        ArgumentAssert.Rejects(() => SymmetricEigenCoordinates.Squared(square, RealVector.Constant<Float64>([1.0])), "delta", "delta must have length 2, got 1");
        var wide = RealMatrix<Float64>.Constant(new double[,] { { 1, 0, 0 }, { 0, 2, 0 } });
        ArgumentAssert.Rejects(() => SymmetricEigenCoordinates.Squared(wide, RealVector.Constant<Float64>([1.0, 1])), "h", "h must be square, got 2×3");
        var five = RealMatrix<Float64>.Identity(5);
        ArgumentAssert.Rejects(() => SymmetricEigenCoordinates.Squared(five, RealVector.Constant<Float64>([1.0, 1, 1, 1, 1])), "h", "n must be ≤ 4, got 5");
    }
}
