using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// min of two exact surds a + b√2 is the smaller one, whichever argument it is; 1 + √2 ≈ 2.414 and 3 − √2 ≈ 1.586 are
/// ordered by hand ((1 + √2) − (3 − √2) = 2√2 − 2 &gt; 0 since √2 &gt; 1).
/// </summary>
public class QuadraticSurdRun24Examples
{
    [Fact]
    public void Min_IsTheSmallerSurd_InEitherOrder()
    {
        using var scope = QuadraticSurd.Track();
        var root2 = QuadraticSurd.Sqrt(QuadraticSurd.Rational(2));
        var larger = QuadraticSurd.Rational(1) + root2;
        var smaller = QuadraticSurd.Rational(3) - root2;
        Assert.Equal(0, QuadraticSurd.Sign(QuadraticSurd.Min(larger, smaller) - smaller));
        Assert.Equal(0, QuadraticSurd.Sign(QuadraticSurd.Min(smaller, larger) - smaller));
        Assert.Equal(0, QuadraticSurd.Sign(QuadraticSurd.Min(larger, larger) - larger));
    }
}
