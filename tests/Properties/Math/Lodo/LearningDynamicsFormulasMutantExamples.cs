using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>The vector sum u + v of the learning-dynamics formulas is entrywise and rejects vectors of different lengths naming v.</summary>
public class LearningDynamicsFormulasMutantExamples
{
    [Fact]
    public void Add_IsEntrywise()
    {
        var sum = LearningDynamicsFormulas.Add<Float64>([Float64.Of(1), Float64.Of(2)], [Float64.Of(10), Float64.Of(-5)]);
        Assert.Equal([11.0, -3.0], sum.Select(x => Float64.Estimate(x)));
    }

    [Fact]
    public void Add_RejectsDifferentLengths() =>
        ArgumentAssert.Rejects(() => LearningDynamicsFormulas.Add<Float64>([Float64.Of(1)], [Float64.Of(1), Float64.Of(2)]), "v", "lengths differ: 1 and 2");
}
