using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="HessianFlowFormulas.RateByDefinition{T}"/> (lodo.md eq. 11 by definition) rejects a null A as a null A
/// (<see cref="ArgumentNullException"/> naming "a") before it forms anything from the other arguments: also where D has
/// the wrong length for U, which would otherwise surface first as a product's dimension error naming none of its
/// parameters.
/// </summary>
public class HessianFlowFormulasRun26Examples
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void RateByDefinition_WithANullA_NamesA(int diagonalLength)
    {
        var u = RealMatrix<Float64>.Identity(2);
        var d = Enumerable.Repeat(Float64.Of(0.5), diagonalLength).ToArray();
        var c = RealMatrix<Float64>.Identity(2);
        var e = Assert.Throws<ArgumentNullException>(() => HessianFlowFormulas.RateByDefinition(null!, u, d, c));
        Assert.Equal("a", e.ParamName);
    }
}
