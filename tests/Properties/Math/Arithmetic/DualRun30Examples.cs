using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// √ of a <see cref="Dual{T}"/> constant (no tagged input, so no gradient): only the value is taken, √0 = 0 and
/// √[0, 1/4] = [0, 1/2], with no derivative; the derivative 1/(2√x) is undefined at 0 (a division by an interval
/// holding 0 throws in rational intervals), but a constant never needs it. Exact rationals.
/// </summary>
public class DualRun30Examples
{
    [Fact]
    public void Sqrt_OfTheConstantZero_IsZeroWithoutAGradient()
    {
        var root = Dual<RationalInterval>.Sqrt(new Dual<RationalInterval>(RationalInterval.Exact(Fraction.Zero), null));
        Assert.Equal(Fraction.Zero, root.Value.Lower);
        Assert.Equal(Fraction.Zero, root.Value.Upper);
        Assert.Equal(0, root.Dimension);
    }

    [Fact]
    public void Sqrt_OfAConstantIntervalFromZero_EnclosesTheRootsWithoutAGradient()
    {
        var root = Dual<RationalInterval>.Sqrt(new Dual<RationalInterval>(new RationalInterval(Fraction.Zero, new Fraction(1, 4)), null));
        Assert.True(root.Value.Lower <= Fraction.Zero && new Fraction(1, 2) <= root.Value.Upper, $"√[0, 1/4] = {root.Value}");
        Assert.Equal(0, root.Dimension);
    }
}
