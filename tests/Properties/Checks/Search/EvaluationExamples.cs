using Fractions;
using Verification.Checks.Search;
using Xunit;

namespace Verification.Tests.Properties.Checks.Search;

/// <summary>The scale a property's margin is measured in: the given one where positive, else 1 (absolute margin).</summary>
public class EvaluationExamples
{
    [Fact]
    public void MarginScale_KeepsAPositiveScaleAndReplacesZeroAndNegativeByOne()
    {
        Assert.Equal(new Fraction(3, 1024), Evaluation.MarginScale(new Fraction(3, 1024)));
        Assert.Equal(Fraction.One, Evaluation.MarginScale(Fraction.Zero));
        Assert.Equal(Fraction.One, Evaluation.MarginScale(new Fraction(-5)));
    }

    /// <summary>A zero scale (a zero step) measures the margin absolutely: (lhs − rhs)/1, exactly 1/4 here.</summary>
    [Fact]
    public void LessOrEqual_WithAZeroScale_MeasuresTheMarginAbsolutely()
    {
        var e = Evaluation.LessOrEqual(new Fraction(3, 4), new Fraction(1, 2), Fraction.Zero, [], () => "violated");
        Assert.Equal(EvaluationKind.Violated, e.Kind);
        Assert.Equal(Fraction.One, e.Scale);
        Assert.Equal(0.25, e.Margin);
    }

    /// <summary>With a positive scale the margin is relative to it: (1/2 − 1)/4 = −1/8, satisfied.</summary>
    [Fact]
    public void Less_WithAPositiveScale_MeasuresTheMarginRelativeToIt()
    {
        var e = Evaluation.Less(new Fraction(1, 2), Fraction.One, new Fraction(4), [], () => "violated");
        Assert.Equal(EvaluationKind.Satisfied, e.Kind);
        Assert.Equal(-0.125, e.Margin);
    }
}
