using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="BatchSizeFormulas.GainPerCostTermScale{T}"/> = 2|γ|/|m| + γ²/|m| + |η²|γ²/m², the sizes of the three terms
/// of thesis eq. (4.10), at a step factor γ ≠ ±1 (mutation run 32: at γ = 1, the only value tried, γ² = γ = |γ| = 1/|γ|).
/// γ = ±3, m = ±2, η² = ±5: 2·3/2 + 9/2 + 5·9/4 = 3 + 9/2 + 45/4 = 75/4, the same for every sign (each term is a size).
/// </summary>
public sealed class BatchSizeFormulasRun33Examples
{
    [Theory]
    [InlineData(3, 2, 5)]
    [InlineData(-3, -2, -5)]
    [InlineData(-3, 2, 5)]
    [InlineData(3, -2, -5)]
    public void TermScale_AtGammaThree_IsSeventyFiveQuarters(int gamma, int m, int eta2)
    {
        var exact = BatchSizeFormulas.GainPerCostTermScale(
            RationalInterval.Exact(new Fraction(gamma)), RationalInterval.Exact(new Fraction(m)), RationalInterval.Exact(new Fraction(eta2)));
        Assert.True(exact.Lower == new Fraction(75, 4) && exact.Upper == new Fraction(75, 4), $"term scale {exact}, expected 75/4");
        // Doubles: every intermediate (6/2 = 3, 9/2, 45/4, the sums) is a short dyadic, so the result is 18.75 exactly.
        Assert.Equal(18.75, BatchSizeFormulas.GainPerCostTermScale(Float64.Of(gamma), Float64.Of(m), Float64.Of(eta2)).Value);
    }
}
