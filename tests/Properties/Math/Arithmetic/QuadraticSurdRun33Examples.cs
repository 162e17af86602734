using Fractions;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Two refusals of <see cref="QuadraticSurd.Sqrt"/> and what they say (mutation run 32, both uncovered before). Outside a
/// point scope no radicand D can be fixed, so √ gives an inexact value whose parts are refused naming why. Inside one,
/// a √ declared to be w·√D (<see cref="QuadraticSurd.PointScope.DeclareRoots"/>) must have the radicand D·w² exactly:
/// with D = 2 fixed by the first √ and w = 3 the radicand must be 18; 17 is refused with a message that gives both the
/// radicand and D·w² = 18, and 18 itself gives 3·√D = 0 + 3r.
/// </summary>
public sealed class QuadraticSurdRun33Examples
{
    internal static void AssertParts(int a, int b, QuadraticSurd x)
    {
        var (pa, pb) = x.Parts;
        Assert.True(pa.CompareTo(new Fraction(a)) == 0 && pb.CompareTo(new Fraction(b)) == 0, $"parts ({pa}, {pb}), expected ({a}, {b})");
    }

    [Fact]
    public void Sqrt_OutsideAPointScope_IsInexact_AndItsPartsSayWhy()
    {
        var root = QuadraticSurd.Sqrt(4);
        Assert.True(root.IsInexact);
        var e = Assert.Throws<NotRationalException>(() => root.Parts);
        Assert.Contains("outside a point scope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqrt_DeclaredAsThreeRootsOfD_RefusesARadicandOtherThanEighteen_NamingBoth()
    {
        using var scope = QuadraticSurd.Track();
        scope.DeclareRoots([null, ((QuadraticSurd)3, true)]);
        var r = QuadraticSurd.Sqrt(2); // call 0, not declared: fixes D = 2
        AssertParts(0, 1, r);
        var e = Assert.Throws<SecondRadicandException>(() => QuadraticSurd.Sqrt(17));
        Assert.Contains("radicand 17 ", e.Message, StringComparison.Ordinal);
        Assert.Contains("D·w² = 18", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqrt_DeclaredAsThreeRootsOfD_OfEighteen_IsThreeR()
    {
        using var scope = QuadraticSurd.Track();
        scope.DeclareRoots([null, ((QuadraticSurd)3, true)]);
        _ = QuadraticSurd.Sqrt(2); // call 0 fixes D = 2
        AssertParts(0, 3, QuadraticSurd.Sqrt(18));
    }
}
