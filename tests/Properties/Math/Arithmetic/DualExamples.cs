using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Forward-mode derivatives of max and min over intervals (<see cref="Dual{T}"/>): on a box where one argument is the
/// larger (smaller) at every point, the box touching the tie included, the derivative is that argument's; a box where the
/// larger one changes has no single derivative and stays undecided.
/// </summary>
public class DualExamples
{
    private static Dual<RationalInterval> Variable(double lo, double hi) =>
        new(new RationalInterval(ExactDouble.ToFraction(lo), ExactDouble.ToFraction(hi)), [RationalInterval.Exact(1.0)]);

    private static Dual<RationalInterval> Zero => Dual<RationalInterval>.Of(0);

    [Theory]
    [InlineData(-1.0, 0.0, -1.0)] // max(−x, 0) = −x on [−1, 0], the tie at its end
    [InlineData(0.0, 1.0, 0.0)] // max(−x, 0) = 0 on [0, 1], the tie at its end (undecided before: only "−x ≥ 0" was tried)
    [InlineData(0.5, 1.0, 0.0)]
    [InlineData(-1.0, -0.5, -1.0)]
    public void MaxOnABoxWithOneLargerArgument_TakesItsDerivative(double lo, double hi, double slope)
    {
        using var _ = EnclosureSettings.Use(128);
        var m = Dual<RationalInterval>.Max(-Variable(lo, hi), Zero);

        Assert.Equal(ExactDouble.ToFraction(slope), m.Derivative(0).Lower);
        Assert.Equal(ExactDouble.ToFraction(slope), m.Derivative(0).Upper);
    }

    [Theory]
    [InlineData(-1.0, 0.0, 1.0)] // min(x, 0) = x on [−1, 0]
    [InlineData(0.0, 1.0, 0.0)] // min(x, 0) = 0 on [0, 1]
    public void MinOnABoxWithOneSmallerArgument_TakesItsDerivative(double lo, double hi, double slope)
    {
        using var _ = EnclosureSettings.Use(128);
        var m = Dual<RationalInterval>.Min(Variable(lo, hi), Zero);

        Assert.Equal(ExactDouble.ToFraction(slope), m.Derivative(0).Lower);
        Assert.Equal(ExactDouble.ToFraction(slope), m.Derivative(0).Upper);
    }

    [Fact]
    public void MaxAndMinOnABoxWhereTheLargerOneChanges_AreUndecided()
    {
        using var _ = EnclosureSettings.Use(128);

        Assert.Throws<UndecidedException>(() => Dual<RationalInterval>.Max(Variable(-1, 1), Zero));
        Assert.Throws<UndecidedException>(() => Dual<RationalInterval>.Min(Variable(-1, 1), Zero));
    }

    [Fact]
    public void MaxAndMinOfDoublesWithANaN_KeepTheirEarlierAnswer()
    {
        // Doubles never throw: with a NaN neither comparison holds, and the second argument is returned as before.
        var nan = new Dual<Float64>(Float64.Of(double.NaN), [Float64.Of(1)]);
        var one = Dual<Float64>.Of(1);

        Assert.Equal(1.0, Dual<Float64>.Max(nan, one).Value.Value);
        Assert.Equal(1.0, Dual<Float64>.Min(nan, one).Value.Value);
    }
}
