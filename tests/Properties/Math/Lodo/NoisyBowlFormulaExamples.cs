using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>The closed-form sums of the App. F.1 spectrum (<see cref="NoisyBowlFormulas"/>) against the reference bowl and its exact enclosure.</summary>
public class NoisyBowlFormulaExamples
{
    /// <summary>Σ of 100 doubles of size ≤ 1 against a closed form with one exp and one log: 1e-13 relative (100 roundings of the sum plus the pow calls).</summary>
    private const double SumRelative = 1e-13;

    [Fact]
    public void SpectrumSums_InDoubles_AreTheReferenceBowlsSums()
    {
        var bowl = NoisyQuadraticBowl.Paper(1.0, 7);
        double sum = NoisyBowlFormulas.SpectrumSum(100, new Float64(0.001), new Float64(1)).Value;
        double squares = NoisyBowlFormulas.SpectrumSquareSum(100, new Float64(0.001), new Float64(1)).Value;
        Assert.True(Math.Abs(sum - bowl.Spectrum.Sum()) <= SumRelative * sum, $"Σd: {sum:R} vs {bowl.Spectrum.Sum():R}");
        double referenceSquares = bowl.Spectrum.Sum(d => d * d);
        Assert.True(Math.Abs(squares - referenceSquares) <= SumRelative * squares, $"Σd²: {squares:R} vs {referenceSquares:R}");
    }

    [Fact]
    public void HalfTrace_Exactly_LiesInTheReferencesBisectionEnclosure()
    {
        // The reference encloses ½Σd_i with d₁ the double 0.001 (bisection on r, 2⁻⁴⁰); the closed form with d₁ = 1/1000
        // differs from it by |0.001 − 1/1000|/0.001 ≈ 2e-17 relative, far inside the enclosure's width.
        using var precision = EnclosureSettings.Use(128);
        var exact = NoisyBowlFormulas.SpectrumSum(100, NoisyBowlFormulas.PaperSmallest<RationalInterval>(), NoisyBowlFormulas.PaperLargest<RationalInterval>()) / 2;
        var reference = NoisyQuadraticBowl.HalfTraceEnclosure(100, 0.001, 1.0, 40);
        Assert.True(exact.Lower >= reference.Lower && exact.Upper <= reference.Upper, $"{exact} not inside {reference}");
        Assert.True(exact.Width < new Fractions.Fraction(1, 1L << 60), $"enclosure {exact} too wide");
    }

    [Fact]
    public void OneEigenvalue_SumsTheConstantSpectrum()
    {
        Assert.Equal(3.0, NoisyBowlFormulas.SpectrumSum(3, new Float64(1), new Float64(1)).Value);
        ArgumentAssert.Rejects(() => NoisyBowlFormulas.Ratio(1, new Float64(1), new Float64(2)), "dimension", "dimension must be ≥ 2, got 1");
        // n = 2, the smallest accepted: r = (d_n/d₁)^{1/1} = 4/1.
        Assert.Equal(4.0, NoisyBowlFormulas.Ratio(2, new Float64(1), new Float64(4)).Value, 1e-15); // exp(log 4) carries a few ulps
    }
}
