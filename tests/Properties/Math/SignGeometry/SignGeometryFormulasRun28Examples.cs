using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// SignGeometryFormulas.Step for the max norm, eq. (6.10): −(‖g‖₁/L)·sign(g). With g = (3, −1, 0) and L = 4 the step is,
/// by hand, ‖g‖₁/L = 4/4 = 1 per coordinate: (−1, 1, 0); with L = 2 it is (−2, 2, 0). Dividing by L, not multiplying.
/// </summary>
public class SignGeometryFormulasRun28Examples
{
    [Theory]
    [InlineData(4.0, 1.0)]
    [InlineData(2.0, 2.0)]
    public void MaxNormStep_IsL1NormOverLTimesMinusSign(double lipschitz, double magnitude)
    {
        Float64[] g = [new(3.0), new(-1.0), new(0.0)];

        var step = SignGeometryFormulas.Step(SteepestNorm.Max, g, new Float64(lipschitz));

        // All values are small integers, so the double arithmetic is exact.
        Assert.Equal(-magnitude, step[0].Value);
        Assert.Equal(magnitude, step[1].Value);
        Assert.Equal(0.0, step[2].Value);
    }
}
