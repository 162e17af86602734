using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>The central differences of the block network's loss reject a null function naming it.</summary>
public class BlockNetworkFormulasMutantExamples
{
    [Fact]
    public void CentralDifferences_RejectsANullFunction()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => BlockNetworkFormulas.CentralDifferences<Float64>([Float64.Of(1)], null!));
        Assert.Equal("f", ex.ParamName);
    }
}
