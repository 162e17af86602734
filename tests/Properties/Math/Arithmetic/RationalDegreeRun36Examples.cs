using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="RationalDegree"/> on constants (point boxes): ≤ and ≥ hold at equality (2 ≤ 2, 2 ≥ 2) and follow the
/// order otherwise; a quotient's box is the quotient of the boxes (6/3 = 2, 1/(−4) = −1/4); |x| negates exactly the
/// negative values (|−3| = 3, |3| = 3); a comparison with a value of a non-rational operation (π) is refused, naming the
/// comparison, whichever side it is on; r·r = D needs the radicand of the session whose √ introduced r, and after that
/// session has ended the product is refused with an InvalidOperationException saying so; x ≤ 3 for x with box [1, 2] but
/// region [1, 4] is true on the box and undecided on the region, so the region fails, naming the comparison x ≤ 3; |x| of
/// an input whose box is the point 0 but whose region is [0, 1] is x itself (|x| = x on x ≥ 0), so its region stays [0, 1]
/// and |x| ≥ 0 holds on the region without failing it.
/// </summary>
public sealed class RationalDegreeRun36Examples
{
    [Fact]
    public void NonStrictOrder_HoldsAtEquality()
    {
        Assert.True(RationalDegree.Of(2) <= RationalDegree.Of(2));
        Assert.True(RationalDegree.Of(2) >= RationalDegree.Of(2));
        Assert.True(RationalDegree.Of(1) <= RationalDegree.Of(2));
        Assert.False(RationalDegree.Of(3) <= RationalDegree.Of(2));
        Assert.True(RationalDegree.Of(3) >= RationalDegree.Of(2));
        Assert.False(RationalDegree.Of(1) >= RationalDegree.Of(2));
    }

    [Fact]
    public void Quotient_IsTheQuotientOfTheBoxes()
    {
        Assert.Equal(2.0, RationalDegree.Estimate(RationalDegree.Of(6) / RationalDegree.Of(3)));
        Assert.Equal(-0.25, RationalDegree.Estimate(RationalDegree.Of(1) / RationalDegree.Of(-4)));
    }

    [Fact]
    public void Abs_NegatesExactlyTheNegativeValues()
    {
        Assert.Equal(3.0, RationalDegree.Estimate(RationalDegree.Abs(RationalDegree.Of(-3))));
        Assert.Equal(3.0, RationalDegree.Estimate(RationalDegree.Abs(RationalDegree.Of(3))));
        Assert.Equal(0.0, RationalDegree.Estimate(RationalDegree.Abs(RationalDegree.Of(0))));
    }

    [Fact]
    public void ComparisonWithANonRationalValue_IsRefused_NamingTheComparison()
    {
        var left = Assert.Throws<NotRationalException>(() => RationalDegree.Pi <= RationalDegree.Of(1));
        Assert.StartsWith("a comparison of a value computed by a non-rational operation", left.Message, StringComparison.Ordinal);
        var right = Assert.Throws<NotRationalException>(() => RationalDegree.Of(1) <= RationalDegree.Pi);
        Assert.StartsWith("a comparison of a value computed by a non-rational operation", right.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RootTimesRoot_OutsideItsSession_IsRefusedSayingWhy()
    {
        RationalDegree r;
        using (RationalDegree.Track(null))
            r = RationalDegree.Sqrt(RationalDegree.Of(2));
        var e = Assert.Throws<InvalidOperationException>(() => r * r);
        Assert.Contains("outside the session that tracked its radicand", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonStrictComparison_UndecidedOnTheRegion_FailsItNamingTheComparison()
    {
        const double xTag = 1.25;
        using var tags = EnclosureSettings.UseTags([xTag], [new RationalInterval(1, 2)]);
        using var session = RationalDegree.Track([RegionInterval.Of(new Fraction(1), false, new Fraction(4), false)]);
        var x = RationalDegree.Input(xTag);
        Assert.True(x <= RationalDegree.Of(3));
        Assert.NotNull(session.RegionFailure);
        Assert.Contains(" ≤ ", session.RegionFailure!, StringComparison.Ordinal);
    }

    [Fact]
    public void Abs_OfAValueZeroOnTheBox_KeepsItsNonNegativeRegion()
    {
        const double xTag = 0.5;
        using var tags = EnclosureSettings.UseTags([xTag], [RationalInterval.Exact(Fraction.Zero)]);
        using var session = RationalDegree.Track([RegionInterval.Of(Fraction.Zero, false, Fraction.One, false)]);
        var x = RationalDegree.Input(xTag);
        var abs = RationalDegree.Abs(x);
        Assert.Null(session.RegionFailure);
        Assert.True(abs >= RationalDegree.Of(0));
        Assert.Null(session.RegionFailure);
        Assert.Equal(Fraction.One, abs.Region.Upper);
    }
}
