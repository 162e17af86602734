using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// <see cref="ElmoFormulas.TermScale{T}"/>, the size of the terms of elmo-amos eq. (3)'s cubic model M at x:
/// |g||x| + |λ|x²/2 + L|x|³/6. By hand at g = −3, λ = −4, L = 6, x = −2: 3·2 + 4·4/2 + 6·8/6 = 6 + 8 + 8 = 22, the same
/// for every sign of g, λ and x. It bounds |M(x)| and |m(x)| (eq. 4) by the triangle inequality (there M = 6 − 8 + 8 = 6
/// and m = 6 − 8 − 8 = −10), and equals M(x) where every term of M is non-negative (g·x ≥ 0, λ ≥ 0). Exact rationals and
/// doubles (every value here is a small integer, so the doubles are exact too).
/// </summary>
public class ElmoFormulasRun31Examples
{
    [Theory]
    [InlineData(-3, -4, -2)]
    [InlineData(3, 4, 2)]
    [InlineData(-3, 4, 2)]
    [InlineData(3, -4, -2)]
    public void TermScale_IsTheSumOfTheTermMagnitudes(int g, int lambda, int x)
    {
        Assert.Equal(22, ElmoFormulas.TermScale(Float64.Of(g), Float64.Of(lambda), Float64.Of(6), Float64.Of(x)).Value);
        var exact = ElmoFormulas.TermScale(RationalInterval.Of(g), RationalInterval.Of(lambda), RationalInterval.Of(6), RationalInterval.Of(x));
        Assert.Equal(new Fraction(22), exact.Lower);
        Assert.Equal(new Fraction(22), exact.Upper);
    }

    /// <summary>The exact value of a point interval (every input here is an exact integer, so every result is a point).</summary>
    private static Fraction Point(RationalInterval v)
    {
        Assert.True(v.Lower == v.Upper, $"[{v.Lower}, {v.Upper}] is not a point");
        return v.Lower;
    }

    [Fact]
    public void TermScale_BoundsBothModels_AndEqualsTheUpperModelWhenEveryTermIsNonNegative()
    {
        var (g, lambda, l, x) = (RationalInterval.Of(-3), RationalInterval.Of(-4), RationalInterval.Of(6), RationalInterval.Of(-2));
        var scale = Point(ElmoFormulas.TermScale(g, lambda, l, x));
        var upper = Point(ElmoFormulas.Upper(g, lambda, l, x));
        var lower = Point(ElmoFormulas.Lower(g, lambda, l, x));
        Assert.Equal(new Fraction(6), upper);
        Assert.Equal(new Fraction(-10), lower);
        Assert.True(Fraction.Abs(upper) <= scale && Fraction.Abs(lower) <= scale, $"|M| = {upper}, |m| = {lower}, scale {scale}");

        // g·x = 6 ≥ 0 and λ = 4 ≥ 0: no term of M cancels, so M(x) is its own term scale.
        var (gp, lp, xp) = (RationalInterval.Of(3), RationalInterval.Of(4), RationalInterval.Of(2));
        Assert.Equal(Point(ElmoFormulas.Upper(gp, lp, l, xp)), Point(ElmoFormulas.TermScale(gp, lp, l, xp)));
    }
}
