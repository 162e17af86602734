using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="DiscreteDistribution.ExpectationAsDouble"/> rejects an h that is not finite at some atom, naming h, the
/// offending value and the atom's index.
/// </summary>
public sealed class DiscreteDistributionRun36Examples
{
    [Fact]
    public void ExpectationAsDouble_RejectsANonFiniteValue_NamingTheAtom()
    {
        var d = DiscreteDistribution.FromDoubles([[0.0], [1.0], [2.0]], [1, 1, 1]);
        ArgumentAssert.Rejects(() => d.ExpectationAsDouble(x => x[0] == 1 ? double.NaN : x[0]), "h", "h must be finite");
        ArgumentAssert.Rejects(() => d.ExpectationAsDouble(x => x[0] == 2 ? double.PositiveInfinity : x[0]), "h", "at atom 2");
        Assert.Equal(1.0, d.ExpectationAsDouble(x => x[0])); // (0 + 1 + 2)/3
    }
}
