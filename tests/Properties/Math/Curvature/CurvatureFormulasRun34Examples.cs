using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.Softmax{U}"/> (eq. D.12) shifts by the largest logit, so a spread beyond the exponential's
/// range still gives π = (e^{f₀−f₁}/(1 + e^{f₀−f₁}), 1/(1 + e^{f₀−f₁})): for f = (0, 1000) the exact π₀ = e^{−1000}/(1 + e^{−1000})
/// is below 2^-1075 and rounds to 0, and π₁ rounds to 1 (mutation run 33: shifting by the smallest logit survived; it
/// takes e^{1000}, beyond the double range).
/// </summary>
public sealed class CurvatureFormulasRun34Examples
{
    [Fact]
    public void Softmax_OfASpreadBeyondTheExponentialRange_IsTheRoundedExactDistribution()
    {
        var pi = CurvatureFormulas.Softmax<Float64>([new Float64(0), new Float64(1000)]);
        Assert.Equal(2, pi.Length);
        Assert.Equal(0.0, pi[0].Value);
        Assert.Equal(1.0, pi[1].Value);
    }
}
