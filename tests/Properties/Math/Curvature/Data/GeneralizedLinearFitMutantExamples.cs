using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Data;

/// <summary>
/// <see cref="GeneralizedLinearFit.ScalarDerivatives"/> for the Poisson log-link likelihood, log p(y|f) = y·f − eᶠ − log y!:
/// its derivative in f is y − eᶠ and its negated second derivative eᶠ (at f = 0: y − 1 and 1, exact).
/// </summary>
public sealed class GeneralizedLinearFitMutantExamples
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(10.0)]
    public void PoissonLog_AtZeroOutput_IsLabelMinusOneAndOne(double y)
    {
        var derivatives = GeneralizedLinearFit.ScalarDerivatives(new PoissonLog());
        Assert.NotNull(derivatives);
        Assert.Equal((y - 1, 1.0), derivatives(y, 0));
    }

    [Fact]
    public void PoissonLog_AtLogTwo_IsLabelMinusTwoAndTwo()
    {
        // e^(ln 2) is 2 within 1 ulp of the platform exp; tolerance 1e-15 absolute for that.
        var (first, second) = GeneralizedLinearFit.ScalarDerivatives(new PoissonLog())!(5, Math.Log(2));
        Assert.Equal(3.0, first, 1e-15);
        Assert.Equal(2.0, second, 1e-15);
    }
}
