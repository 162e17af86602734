using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="DiscreteDistribution.FromDoubles"/> with a missing atom (a null row): a null argument is rejected as such,
/// an <see cref="ArgumentNullException"/> naming atoms, not a NullReferenceException from reading its length (mutation
/// run 30: that check was not exercised).
/// </summary>
public class DiscreteDistributionRun32Examples
{
    [Fact]
    public void FromDoubles_WithANullAtom_IsRejectedNamingAtoms()
    {
        var e = Assert.Throws<ArgumentNullException>(() => DiscreteDistribution.FromDoubles([[1.0], null!], [1, 1]));

        Assert.Equal("atoms", e.ParamName);
    }
}
