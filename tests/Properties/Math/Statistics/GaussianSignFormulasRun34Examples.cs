using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// The optimal factor erf(1/(√2η)) of eq. (5.10) away from η = 1 (where erf(1/(√2η)) and erf(η/√2) agree, so mutation run 33's
/// √2/η in place of √2·η survived): at η = 2 it is P(|Z| &lt; 1/2) = 2Φ(1/2) − 1 = 0.38292492254802624 (standard normal
/// table), and the factor decreases in η (Fig. 5.2).
/// </summary>
public sealed class GaussianSignFormulasRun34Examples
{
    /// <summary>2Φ(0.5) − 1 to 17 significant digits.</summary>
    private const double ProbabilityWithinHalf = 0.38292492254802624;

    [Fact]
    public void ErfFactor_AtTwo_IsTheProbabilityWithinHalfAStandardDeviation()
    {
        // 1e-15 absolute: a few ulps (ulp(0.38) = 5.6e-17) for the rounded 1/(√2·2) and erf's own error.
        Assert.Equal(ProbabilityWithinHalf, GaussianSignFormulas.ErfFactor(new Float64(2)).Value, 1e-15);
    }

    [Fact]
    public void ErfFactor_DecreasesInEta()
    {
        double half = GaussianSignFormulas.ErfFactor(new Float64(0.5)).Value;
        double one = GaussianSignFormulas.ErfFactor(new Float64(1)).Value;
        double two = GaussianSignFormulas.ErfFactor(new Float64(2)).Value;
        Assert.True(half > one && one > two, $"erf(1/(√2η)) at η = 0.5, 1, 2: {half}, {one}, {two}");
    }
}
