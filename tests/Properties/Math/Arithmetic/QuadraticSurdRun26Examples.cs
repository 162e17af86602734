using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="QuadraticSurd.Estimate"/> is a double near a + b·√D, and a value from a non-rational operation refuses its
/// <see cref="QuadraticSurd.Parts"/> with a <see cref="NotRationalException"/> that says the operation is not rational.
/// The estimates use D = 9/4, whose √ is the double 1.5, and parts whose sums and products are exact in doubles, so the
/// "few roundings" of the documentation are none here and the comparisons are exact.
/// </summary>
public class QuadraticSurdRun26Examples
{
    /// <summary>√(9/4) fixes D = 9/4 and is r (0 + 1·r); 3 + 5r ≈ 3 + 5·1.5 = 10.5 and 3 − 5r ≈ −4.5, exactly in doubles.</summary>
    [Fact]
    public void Estimate_OfAPairWithARoot_IsAPlusBTimesTheRootOfD()
    {
        using var scope = QuadraticSurd.Track();
        var r = QuadraticSurd.Sqrt(QuadraticSurd.Ratio(9, 4));
        Assert.Equal((0.0, 1.0), (Estimate(r.Parts.A), Estimate(r.Parts.B)));
        Assert.Equal(10.5, QuadraticSurd.Estimate(3 + 5 * r));
        Assert.Equal(-4.5, QuadraticSurd.Estimate(3 - 5 * r));
        Assert.Equal(1.5, QuadraticSurd.Estimate(r));
    }

    /// <summary>
    /// A rational value (b = 0) is its a, also outside any point scope, where no D is fixed: it must not need D (reading D
    /// there throws <see cref="InvalidOperationException"/>).
    /// </summary>
    [Fact]
    public void Estimate_OfARational_IsItsValue_WithoutAnyRadicand()
    {
        Assert.Equal(-0.375, QuadraticSurd.Estimate(QuadraticSurd.Ratio(-3, 8)));
        Assert.Equal(7.0, QuadraticSurd.Estimate(QuadraticSurd.Of(7)));
    }

    /// <summary>exp has no exact value in a + b·√D: its parts are refused, and the message names exp and says it is not rational.</summary>
    [Fact]
    public void Parts_OfANonRationalValue_AreRefusedSayingSo()
    {
        var inexact = QuadraticSurd.Exp(QuadraticSurd.Of(1));
        Assert.True(inexact.IsInexact);
        var e = Assert.Throws<NotRationalException>(() => inexact.Parts);
        Assert.Contains("exp", e.Message, StringComparison.Ordinal);
        Assert.Contains("is not a rational operation", e.Message, StringComparison.Ordinal);
        // One sentence: it once read "exp is not exact in a + b·√D is not a rational operation".
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(e.Message, "is not"));
        // The sign of such a value is refused as well, naming the operation it came through.
        var sign = Assert.Throws<NotRationalException>(() => QuadraticSurd.Sign(inexact));
        Assert.Contains("the sign of a value computed through exp", sign.Message, StringComparison.Ordinal);
        Assert.IsType<UndecidedException>(sign.InnerException);
    }

    private static double Estimate(Fractions.Fraction f) => Verification.Numerics.Exact.ExactDouble.ToDouble(f);
}
