using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// <see cref="ScaledMatrix.OfProduct"/>: P ⊙ Q carried as (m_P·m_Q)·2^(e_P + e_Q), within u of each exact product at every
/// magnitude (beyond double.MaxValue and below 2^-1074 included), signed zeros kept, bad factors rejected.
/// </summary>
public class ScaledMatrixProductExamples
{
    private static Matrix<double> M(double a, double b, double c, double d) => Matrix<double>.Build.DenseOfArray(new[,] { { a, b }, { c, d } });

    private static Fraction Entry(ScaledMatrix h, int i, int j) =>
        ExactDouble.ToFraction(h.Mantissa(i, j)) * ExactDouble.Pow2(h.Exponent(i, j));

    [Fact]
    public void Entries_AreTheExactProducts_WithinOneRounding()
    {
        var p = M(-1e300, 3e-320, 0.1, -0.0);
        var q = M(1e300, 1e-300, 1e-320, 5);
        var h = ScaledMatrix.OfProduct(p, q);
        var u = ExactDouble.Pow2(-53);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                var exact = ExactDouble.ToFraction(p[i, j]) * ExactDouble.ToFraction(q[i, j]);
                Assert.True(Fraction.Abs(Entry(h, i, j) - exact) <= u * Fraction.Abs(exact), $"[{i}, {j}]: {h.Mantissa(i, j):R}·2^{h.Exponent(i, j)}");
            }
        Assert.True(double.IsNegative(h.Mantissa(1, 1)) && h.Mantissa(1, 1) == 0, "−0·5 must stay −0");
        Assert.True(h.Entries.AnyBeyondRange, "−1e600 is beyond the range");
        Assert.True(h.Entries.AnyBelowNormal, "3e-620 is below 2^-1022");
    }

    [Fact]
    public void BadFactors_AreRejected()
    {
        var two = M(1, 2, 3, 4);
        Assert.Throws<ArgumentException>(() => ScaledMatrix.OfProduct(two, Matrix<double>.Build.Dense(3, 3, 1)));
        Assert.Throws<ArgumentException>(() => ScaledMatrix.OfProduct(Matrix<double>.Build.Dense(2, 3, 1), Matrix<double>.Build.Dense(2, 3, 1)));
        Assert.Throws<ArgumentException>(() => ScaledMatrix.OfProduct(M(1, double.PositiveInfinity, 3, 4), two));
        Assert.Throws<ArgumentException>(() => ScaledMatrix.OfProduct(two, M(1, 2, double.NaN, 4)));
        Assert.Throws<ArgumentNullException>(() => ScaledMatrix.OfProduct(null!, two));
    }
}
