using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>P[sign X = sign μ] at the ends of the range.</summary>
public class GaussianSignExamples
{
    /// <summary>μ = σ = MaxValue: z = 1/√2 and P = ½(1 + erf(1/√2)) ≈ 0.8413; √2·σ overflowed and gave ½.</summary>
    [Fact]
    public void AgreementProbability_AtMaxValue_IsPhiOfOne()
    {
        var z = RationalInterval.Exact(1.0) / RationalInterval.Exact(2.0).Sqrt();
        var exact = RationalInterval.Exact(0.5) * (RationalInterval.Exact(1.0) + ErfReference.Enclose(z));
        Assert.True(ExactDouble.UlpError(GaussianSign.AgreementProbability(double.MaxValue, double.MaxValue), exact) <= 2);
        Assert.True(ExactDouble.UlpError(GaussianSign.LemmaB1(double.MaxValue, double.MaxValue), exact) <= 2);
    }
}
