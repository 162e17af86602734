using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// <see cref="LikelihoodBase"/>'s factor form P ⊙ Q of ∇²_f log p (used for the curvature matrices of balles-thesis
/// eqs. 7.8–7.14) rejects a factor beyond the double range with a message that says which quantity left it (mutation
/// run 35: the quantity's name could be emptied). For the Bernoulli probability (Prop. 7.1's control) the factors are
/// −1/q and 1/q, and 1/q = +∞ for q = 1e-320 &lt; 1/double.MaxValue ≈ 5.6e-309, while q itself is in the domain (0, 1).
/// </summary>
public sealed class LikelihoodBaseRun36Examples
{
    [Fact]
    public void HessianFactors_WithAFactorBeyondTheRange_NameTheFactor()
    {
        var likelihood = new BernoulliProbability();
        var f = Vector<double>.Build.Dense(1, 1e-320);
        Assert.Equal(double.PositiveInfinity, 1 / 1e-320); // the factor 1/q itself overflows
        ArgumentAssert.Rejects(() => likelihood.HessianFactors(1, f), "f",
            "a factor of ∇²_f log p(y|f) of bernoulli-probability is beyond the double range");
    }
}
