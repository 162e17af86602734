using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="HessianLearningFlow.SpectralRadius"/> of the zero matrix, the one input whose largest |A_ij| is 0 (no
/// power of two to scale by): ρ(0) = 0, with +0 or −0 entries, for n = 1, 2, 3.
/// </summary>
public class HessianLearningFlowRun25Examples
{
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(3, -0.0)]
    public void SpectralRadiusOfTheZeroMatrix_IsZero(int n, double entry)
    {
        Assert.Equal(0.0, HessianLearningFlow.SpectralRadius(Matrix<double>.Build.Dense(n, n, entry)));
    }
}
