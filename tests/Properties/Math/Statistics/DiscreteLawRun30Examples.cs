using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="DiscreteLaw{T}.ZeroMean"/> rejects a balancing weight ≤ 0 itself, before it divides by it: in exact
/// rational intervals a weight of 0 would otherwise reach the division −Σ w_k x_k / w_K and throw a
/// DivideByZeroException instead of the documented ArgumentException naming <c>weights</c> (mutation runs 28/29).
/// </summary>
public sealed class DiscreteLawRun30Examples
{
    private static RationalInterval[] Point(long value) => [RationalInterval.Exact(new Fraction(value))];

    [Fact]
    public void ZeroMean_WithAZeroBalancingWeight_IsRejectedAsAnArgument()
    {
        // The point-mass form (no free atom) and one free atom: both divide by the last weight.
        ArgumentAssert.Rejects(() => DiscreteLaw<RationalInterval>.ZeroMean([], [0], 1), "weights", "weights[0] must be > 0, got 0");
        ArgumentAssert.Rejects(() => DiscreteLaw<RationalInterval>.ZeroMean([Point(3)], [2, 0], 1), "weights", "weights[1] must be > 0, got 0");
    }

    [Fact]
    public void ZeroMean_WithANegativeBalancingWeight_IsRejected() =>
        ArgumentAssert.Rejects(() => DiscreteLaw<RationalInterval>.ZeroMean([Point(3)], [2, -1], 1), "weights", "weights[1] must be > 0, got -1");
}
