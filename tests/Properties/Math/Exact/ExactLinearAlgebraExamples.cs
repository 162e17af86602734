using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>Hand-picked cases: exact conversion of extreme doubles, norms, interval products, validation.</summary>
public class ExactLinearAlgebraExamples
{
    [Fact]
    public void Of_IsExact_ForSubnormalsAndTheLargestDouble()
    {
        var v = ExactLinearAlgebra.Of([double.Epsilon, -double.MaxValue, 0.1]);
        Assert.Equal(Fraction.One / Fraction.Pow(2, 1074), v[0]);
        Assert.True(ExactLinearAlgebra.IsExactly(-double.MaxValue, v[1]));
        Assert.True(ExactLinearAlgebra.IsExactly(0.1, v[2]));
        Assert.False(ExactLinearAlgebra.IsExactly(0.1, new Fraction(1, 10)));
        Assert.False(ExactLinearAlgebra.IsExactly(double.NaN, Fraction.Zero));
        Assert.Equal(ExactLinearAlgebra.Of(Vector<double>.Build.Dense([1.5, -2])), ExactLinearAlgebra.Of([1.5, -2]));
    }

    [Fact]
    public void Norms_AndVectorArithmetic()
    {
        Fraction[] a = [new(3), new(-4)], b = [new(1, 2), new(1)];
        Assert.Equal(new Fraction(7), ExactLinearAlgebra.L1(a));
        Assert.Equal(new Fraction(25), ExactLinearAlgebra.SquaredL2(a));
        Assert.Equal(new Fraction(-5, 2), ExactLinearAlgebra.Dot(a, b));
        Assert.Equal(new Fraction(11, 2), ExactLinearAlgebra.AbsDot(a, b));
        Assert.Equal([new Fraction(7, 2), new Fraction(-3)], ExactLinearAlgebra.Add(a, b));
        Assert.Equal([new Fraction(5, 2), new Fraction(-5)], ExactLinearAlgebra.Subtract(a, b));
    }

    [Fact]
    public void IntervalProducts_ArePointIntervalsForPointInput()
    {
        var m = ExactLinearAlgebra.Exact(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1 }, { 1, 3 } }));
        var x = ExactLinearAlgebra.Exact([0.5, -1]);
        var y = ExactLinearAlgebra.Times(m, x);
        Assert.Equal(Fraction.Zero, y[0].Lower);
        Assert.Equal(Fraction.Zero, y[0].Upper);
        Assert.Equal(new Fraction(-5, 2), y[1].Lower);
        Assert.Equal(new Fraction(5, 2), ExactLinearAlgebra.Dot(x, y).Upper);
    }

    [Fact]
    public void PositiveDefiniteness_AtTheBoundary()
    {
        Assert.True(ExactLinearAlgebra.IsPositiveDefinite(new[,] { { new Fraction(1, 1L << 62), Fraction.Zero }, { Fraction.Zero, new Fraction(1) } }));
        Assert.False(ExactLinearAlgebra.IsPositiveDefinite(new[,] { { new Fraction(1), new Fraction(1) }, { new Fraction(1), new Fraction(1) } }));
        Assert.False(ExactLinearAlgebra.IsPositiveDefinite(new[,] { { Fraction.Zero } }));
    }

    [Fact]
    public void RejectsMismatchedAndNonFiniteInput()
    {
        Fraction[] two = [Fraction.One, Fraction.One], three = [Fraction.One, Fraction.One, Fraction.One];
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => ExactLinearAlgebra.Dot(two, three)).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => ExactLinearAlgebra.Times(new Fraction[2, 2], three)).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => ExactLinearAlgebra.AbsQuadraticForm(new Fraction[2, 3], two)).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => ExactLinearAlgebra.Of([1.0, double.NaN])).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => ExactLinearAlgebra.Of(Matrix<double>.Build.Dense(1, 1, double.PositiveInfinity))).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => ExactLinearAlgebra.IsPositiveDefinite(new[,] { { Fraction.One, Fraction.Zero }, { Fraction.One, Fraction.One } })).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => ExactLinearAlgebra.IsPositiveDefinite(new Fraction[41, 41])).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => ExactLinearAlgebra.Times(new RationalInterval[2, 3], ExactLinearAlgebra.Exact([1.0, 2]))).ParamName);
    }
}
