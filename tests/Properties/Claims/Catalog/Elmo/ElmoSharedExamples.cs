using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Claims.Catalog.Elmo;

/// <summary>The shared pieces of the ELMO statements: the sequences the trends run along and the margin scale's fallback.</summary>
public class ElmoSharedExamples
{
    [Fact]
    public void Decades_MultiplyOrDivideByAPowerOfTenPerTerm()
    {
        Assert.Equal([1.0, 100, 10000, 1e6], Sequences.Decades(1, 2, 4, up: true));
        // Each term is the previous one divided by 10 in one rounding: for powers of two the quotients are the doubles nearest 2^k/10^j.
        var t = Sequences.Decades(8, 1, 3, up: false);
        Assert.Equal(8, t[0]);
        Assert.Equal(8 / 10.0, t[1]);
        Assert.Equal(8 / 10.0 / 10.0, t[2]);
    }

    [Theory]
    [InlineData(0.0, 1, 3)]
    [InlineData(-1.0, 1, 3)]
    [InlineData(double.PositiveInfinity, 1, 3)]
    [InlineData(1.0, 0, 3)]
    [InlineData(1.0, 23, 3)]
    [InlineData(1.0, 1, 2)]
    [InlineData(1e-300, 10, 3)]
    public void Decades_RejectsBadArgumentsAndSequencesThatLeaveTheNormalDoubles(double start, int decades, int terms) =>
        Assert.Throws<ArgumentException>(() => Sequences.Decades(start, decades, terms, up: false));

    [Fact]
    public void OrOne_KeepsAPositiveScaleAndReplacesZeroByOne()
    {
        Assert.Equal(0.5, Margins.OrOne(new Float64(0.5)).Value);
        Assert.Equal(1, Margins.OrOne(new Float64(0)).Value);
        Assert.True(Margins.OrOne(RationalInterval.Exact(0.0)).Lower == 1);
        // A box that straddles 0 cannot be decided: the engine then reports the counterexample as degenerate, never guesses.
        Assert.Throws<UndecidedException>(() => Margins.OrOne(new RationalInterval(-Fractions.Fraction.One, Fractions.Fraction.One)));
    }
}
