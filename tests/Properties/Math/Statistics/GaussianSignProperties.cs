using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>P[sign X = sign μ] of balles-thesis App. B.2.1 over every finite μ and σ, against a rigorous enclosure.</summary>
[Properties(MaxTest = 100)] // exact erf series: up to ~10 ms a case near z = 5
public class GaussianSignProperties
{
    private static Arbitrary<(double Mu, double Sigma)> Inputs { get; } =
        (from mu in FullRangeDoubles.Signed.Where(m => m != 0)
         from sigma in FullRangeDoubles.Positive
         select (mu, sigma)).ToArbitrary();

    /// <summary>Checks ½(1 + erf(|μ|/(√2σ))), exactly enclosed, against a computed value at 2 ulp.</summary>
    private static Property Agrees(double computed, double mu, double sigma)
    {
        var z = RationalInterval.Exact(Math.Abs(mu)) / (RationalInterval.Exact(sigma) * RationalInterval.Exact(2.0).Sqrt());
        var half = RationalInterval.Exact(0.5);
        var exact = half * (RationalInterval.Exact(1.0) + ErfReference.Enclose(z));
        return ExactAgreement.Within(computed, exact, 2, $"μ={mu:R} σ={sigma:R}");
    }

    /// <summary>Within 2 ulp of ½(1 + erf(|μ|/(√2σ))) at every |μ|/(√2σ) (until stop 35 only up to 5; above, inside a loose enclosure ± 2 ulp).</summary>
    [Property]
    public Property AgreementProbability_IsWithinTwoUlp() => Prop.ForAll(Inputs, x =>
        Agrees(GaussianSign.AgreementProbability(x.Mu, x.Sigma), x.Mu, x.Sigma));

    /// <summary>Eq. (B.2) as written, same accuracy.</summary>
    [Property]
    public Property LemmaB1_IsWithinTwoUlp() => Prop.ForAll(Inputs, x =>
        Agrees(GaussianSign.LemmaB1(x.Mu, x.Sigma), x.Mu, x.Sigma));
}
