using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// P[sign X = sign μ] from the Gaussian distribution function and the variance adaptation factors, against tabulated
/// values of the standard normal distribution, against the double implementation <see cref="GaussianSign"/>, and in
/// exact enclosures.
/// </summary>
public class GaussianSignFormulasExamples
{
    /// <summary>Φ(1), Φ(2) and erf(1/√2) to 16 digits (standard tables); a double evaluation is within a few ulps.</summary>
    private const double Phi1 = 0.8413447460685429, Phi2 = 0.9772498680518208, Erf1OverSqrt2 = 0.6826894921370859;

    /// <summary>erf and erfc in doubles (MathNet) are accurate to a few ulps: 1e-15 absolute on values in [0, 1].</summary>
    private const double FewUlps = 1e-15;

    [Theory]
    [InlineData(1.0, 1.0, Phi1)]
    [InlineData(-1.0, 1.0, Phi1)]
    [InlineData(4.0, 2.0, Phi2)]
    [InlineData(-6.0, 3.0, Phi2)]
    public void AgreementProbability_IsThePhiOfTheTables(double mu, double sigma, double expected) =>
        Assert.Equal(expected, GaussianSignFormulas.AgreementProbability(new Float64(mu), new Float64(sigma)).Value, FewUlps);

    [Fact]
    public void AgreementProbability_IsZeroAtMuZero_WhereLemmaB1SaysOneHalf()
    {
        Assert.Equal(0.0, GaussianSignFormulas.AgreementProbability(new Float64(0), new Float64(1)).Value);
        Assert.Equal(0.5, GaussianSignFormulas.LemmaB1(new Float64(0), new Float64(1)).Value);
        using var precision = EnclosureSettings.Use(128);
        Assert.True(GaussianSignFormulas.AgreementProbability(RationalInterval.Exact(0.0), RationalInterval.Exact(2.0)).IsExactlyZero);
    }

    [Theory]
    [InlineData(1e-3, 1.0)]
    [InlineData(0.3, 2.0)]
    [InlineData(-2.5, 1.0)]
    [InlineData(1e-200, 1e-200)]
    [InlineData(-1e150, 1e151)]
    public void AgreementProbability_MatchesTheDoubleImplementation_AndItsExactEnclosure(double mu, double sigma)
    {
        double value = GaussianSignFormulas.AgreementProbability(new Float64(mu), new Float64(sigma)).Value;
        Assert.Equal(GaussianSign.AgreementProbability(mu, sigma), value, FewUlps);
        using var precision = EnclosureSettings.Use(128);
        var exact = GaussianSignFormulas.AgreementProbability(RationalInterval.Exact(mu), RationalInterval.Exact(sigma));
        Assert.True(Math.Abs(exact.Midpoint - value) <= FewUlps, $"exact {exact} vs double {value:R}");
        var closedForm = GaussianSignFormulas.LemmaB1(RationalInterval.Exact(mu), RationalInterval.Exact(sigma));
        Assert.True((exact - closedForm).Abs().UpperAsDouble <= 1e-30, "for μ ≠ 0 both forms are the same number (to the enclosures' width)");
    }

    [Fact]
    public void Factors_AtEtaOne_AreTheTabulatedValues()
    {
        Assert.Equal(Erf1OverSqrt2, GaussianSignFormulas.ErfFactor(new Float64(1)).Value, FewUlps);
        Assert.Equal(Math.Sqrt(0.5), GaussianSignFormulas.AdamFactor(new Float64(1)).Value, FewUlps);
        Assert.Equal(Erf1OverSqrt2, GaussianSignFormulas.OptimalSignFactor(new Float64(-3), new Float64(3)).Value, FewUlps);
    }

    [Fact]
    public void NonPositiveScales_AreRejected_NamingTheParameter()
    {
        ArgumentAssert.Rejects(() => GaussianSignFormulas.AgreementProbability(new Float64(1), new Float64(0)), "sigma", "sigma must be > 0");
        ArgumentAssert.Rejects(() => GaussianSignFormulas.LemmaB1(new Float64(1), new Float64(-1)), "sigma", "sigma must be > 0");
        ArgumentAssert.Rejects(() => GaussianSignFormulas.OptimalSignFactor(new Float64(1), new Float64(0)), "sigma", "sigma must be > 0");
        ArgumentAssert.Rejects(() => GaussianSignFormulas.ErfFactor(new Float64(0)), "eta", "eta must be > 0");
    }
}
