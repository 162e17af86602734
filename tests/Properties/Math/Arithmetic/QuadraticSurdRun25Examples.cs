using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elementary;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="QuadraticSurd"/> is an exact arithmetic (its results are exact values, so rigorous): the generic
/// trigonometry, which has rounded functions only for doubles and enclosures only for rational intervals, must refuse it
/// with the documented <see cref="NotSupportedException"/> rather than hand an exact statement a rounded cos, sin, atan or
/// bracket midpoint.
/// </summary>
public class QuadraticSurdRun25Examples
{
    [Fact]
    public void IsRigorous()
    {
        Assert.True(QuadraticSurd.IsRigorous);
        Assert.True(Dual<QuadraticSurd>.IsRigorous);
    }

    [Fact]
    public void Trigonometry_RefusesTheExactArithmetic_InsteadOfRounding()
    {
        var one = QuadraticSurd.Of(1);
        var two = QuadraticSurd.Of(2);
        foreach (Action call in new Action[]
        {
            () => Trigonometry.Cos(one),
            () => Trigonometry.Sin(one),
            () => Trigonometry.Atan(one),
            () => Trigonometry.Between(one, two),
        })
        {
            var e = Assert.Throws<NotSupportedException>(call);
            Assert.Contains(nameof(QuadraticSurd), e.Message, StringComparison.Ordinal);
        }
    }
}
