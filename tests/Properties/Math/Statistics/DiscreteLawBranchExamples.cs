using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary><see cref="DiscreteLaw{T}"/> rejects a law with no atoms (no probability can sum to 1).</summary>
public class DiscreteLawBranchExamples
{
    [Fact]
    public void NoAtoms_IsRejected() =>
        ArgumentAssert.Rejects(() => DiscreteLaw<RationalInterval>.Weighted([], []), "atoms", "must not be empty");
}
