using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>The transposition-mixing probabilities reject a null census naming it.</summary>
public class TranspositionMixingFormulasMutantExamples
{
    [Fact]
    public void AllReachableProbability_RejectsANullCensus()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => TranspositionMixingFormulas.AllReachableProbability<Float64>(null!));
        Assert.Equal("census", ex.ParamName);
    }
}
