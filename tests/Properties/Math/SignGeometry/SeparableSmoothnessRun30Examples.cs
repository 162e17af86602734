using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// The bracket of L_sep (balles-thesis eq. 6.25) at the top of the double range. For a diagonal H with non-negative
/// entries, H ⪯ diag(l) holds exactly when l_i ≥ H_ii, so L_sep(H) = tr H. With H = diag(a, a), a = 2^1023 − 2^970,
/// L_sep = 2a = double.MaxValue exactly, but the barrier's primal point is interior (every l_i &gt; a by about 10⁻¹¹
/// relative, far more than the half ulp 2^970 of MaxValue), so the certified upper end Σl_i is beyond the range and
/// the bracket must be rejected — not returned with an upper end rounded to a finite double below the lower end
/// (mutation runs 28/29: the rounding of a rational beyond the range). One binade lower the bracket is finite and
/// contains tr H.
/// </summary>
public sealed class SeparableSmoothnessRun30Examples
{
    [Fact]
    public void Bracket_WhoseUpperEndExceedsMaxValue_IsRejected()
    {
        double a = Math.ScaleB(1.0, 1023) - Math.ScaleB(1.0, 970);
        Assert.Equal(double.MaxValue, a + a); // exact: 2^1024 − 2^971
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { a, 0 }, { 0, a } });
        ArgumentAssert.Rejects(() => SeparableSmoothness.Bracket(h), "h", "the certified bracket of L_sep(H) exceeds double.MaxValue");
    }

    [Fact]
    public void Bracket_OneBinadeBelow_IsFiniteAndContainsTheTrace()
    {
        double a = Math.ScaleB(1.0, 1021);
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { a, 0 }, { 0, a } });
        var bracket = SeparableSmoothness.Bracket(h);
        var trace = ExactDouble.ToFraction(a) * 2;
        Assert.True(double.IsFinite(bracket.Lower) && double.IsFinite(bracket.Upper), $"[{bracket.Lower:R}, {bracket.Upper:R}]");
        Assert.True(bracket.LowerExact <= trace && trace <= bracket.UpperExact, $"tr H = 2^1022 outside [{bracket.LowerExact}, {bracket.UpperExact}]");
        // The double ends are the exact ends rounded outward.
        Assert.True(ExactDouble.ToFraction(bracket.Lower) <= bracket.LowerExact && bracket.UpperExact <= ExactDouble.ToFraction(bracket.Upper));
        Assert.True(bracket.Lower <= Math.ScaleB(1.0, 1022) && Math.ScaleB(1.0, 1022) <= bracket.Upper);
    }
}
