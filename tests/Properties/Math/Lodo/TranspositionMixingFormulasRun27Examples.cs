using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="TranspositionMixingFormulas.AllReachableProbability{T}"/> is a probability: the fraction of matching
/// sequences whose keep patterns reach all ñ! permutations (Theorem 4.2), so it lies in [0, 1]. Checked exactly (rational intervals) at ñ = 4 for depths up to 8, where some sequences do reach
/// every permutation (the probability is positive from the depth where 4^N keep patterns can cover 4! = 24), and at
/// ñ = 2, where the one transposition, kept or not, reaches both permutations: probability exactly 1.
/// </summary>
public class TranspositionMixingFormulasRun27Examples
{
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void AllReachableProbability_AtWidthFour_IsAPositiveProbability(int depth)
    {
        var census = TranspositionMixingFormulas.Census(4, depth);
        var p = TranspositionMixingFormulas.AllReachableProbability<RationalInterval>(census);
        Assert.True(census.AllReachable > 0, $"no sequence of depth {depth} reaches every permutation");
        Assert.True(p.Lower > Fraction.Zero && p.Upper <= Fraction.One, $"P = {p} is no positive probability");
        // (Eq. (82)'s bound 1 − 24√(ε/2) is negative at these depths, −0.62 at depth 8, so it is not checked here.)
    }

    [Fact]
    public void AllReachableProbability_AtWidthTwo_IsOne()
    {
        var p = TranspositionMixingFormulas.AllReachableProbability<RationalInterval>(TranspositionMixingFormulas.Census(2, 3));
        Assert.Equal(Fraction.One, p.Lower);
        Assert.Equal(Fraction.One, p.Upper);
    }
}
