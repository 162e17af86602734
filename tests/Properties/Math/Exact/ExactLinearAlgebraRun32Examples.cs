using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactLinearAlgebra.IsPositiveDefinite"/> at its largest accepted dimension, 40 (mutation run 30: the bound
/// itself was not checked). The tridiagonal matrix with 2 on the diagonal and −1 beside it has, by hand, the LDLᵀ pivots
/// p₁ = 2, p_k = 2 − 1/p_{k−1} = (k + 1)/k, all positive: positive definite. With its last diagonal entry 39/40 instead,
/// the last pivot is 39/40 − 1/p₃₉ = 39/40 − 39/40 = 0: singular, so not positive definite. Dimension 41 is rejected.
/// </summary>
public class ExactLinearAlgebraRun32Examples
{
    private static Fraction[,] SecondDifference(int d, Fraction last)
    {
        var a = new Fraction[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                a[i, j] = i == j ? new Fraction(2) : Math.Abs(i - j) == 1 ? Fraction.MinusOne : Fraction.Zero;
        a[d - 1, d - 1] = last;
        return a;
    }

    [Fact]
    public void AtTheLargestDimension_DecidesDefinitenessByTheExactPivots()
    {
        int d = ExactLinearAlgebra.MaxDefinitenessDimension;
        Assert.Equal(40, d);

        Assert.True(ExactLinearAlgebra.IsPositiveDefinite(SecondDifference(d, new Fraction(2))));
        // The pivot before the last is p₃₉ = 40/39, so the last is a₄₀,₄₀ − 39/40: 41/40 above, 0 here.
        Assert.False(ExactLinearAlgebra.IsPositiveDefinite(SecondDifference(d, new Fraction(39, 40))));
    }

    [Fact]
    public void AboveTheLargestDimension_IsRejected() =>
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.IsPositiveDefinite(SecondDifference(41, new Fraction(2))), "a",
            "a must have dimension ≤ 40, got 41");
}
