using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>The squared eigen-coordinates reject a matrix above the largest dimension, naming h and the bound.</summary>
public class SymmetricEigenCoordinatesMutantExamples
{
    [Fact]
    public void Squared_RejectsADimensionAboveTheMaximum()
    {
        int n = SymmetricEigenCoordinates.MaxDimension + 1;
        var h = RealMatrix<Float64>.Identity(n);
        var delta = Enumerable.Repeat(Float64.Of(1), n).ToArray();
        ArgumentAssert.Rejects(() => SymmetricEigenCoordinates.Squared(h, delta), "h", $"n must be ≤ {SymmetricEigenCoordinates.MaxDimension}, got {n}");
    }
}
