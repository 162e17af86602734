using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="RealMatrixAlgebra.Reflect{T}"/> gives the coefficients of p(−x) itself, not of −p(−x) (mutation run 33: negating
/// the even coefficients instead of the odd ones survived, since Descartes' sign count cannot tell q from −q): for
/// p = 1 + 2x + 3x² the reflection is 1 − 2x + 3x², and it agrees with p at −x at every sampled x, exactly.
/// </summary>
public sealed class RealMatrixAlgebraRun34Examples
{
    [Fact]
    public void Reflect_IsThePolynomialAtMinusX()
    {
        RationalInterval[] p = [RationalInterval.Exact(new Fraction(1)), RationalInterval.Exact(new Fraction(2)), RationalInterval.Exact(new Fraction(3))];
        var q = RealMatrixAlgebra.Reflect(p);
        Assert.Equal(3, q.Length);
        foreach (var x in new[] { new Fraction(2), new Fraction(-1, 3), Fraction.Zero })
        {
            Fraction pAtMinusX = 1 + 2 * -x + 3 * x * x;
            var qAtX = RationalInterval.Exact(new Fraction(0));
            for (int j = q.Length - 1; j >= 0; j--)
                qAtX = qAtX * RationalInterval.Exact(x) + q[j];
            Assert.Equal(pAtMinusX, qAtX.Lower);
            Assert.Equal(pAtMinusX, qAtX.Upper);
        }
    }
}
