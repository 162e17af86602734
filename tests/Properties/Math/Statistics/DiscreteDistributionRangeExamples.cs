using System.Numerics;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="DiscreteDistribution"/>'s double views at the edges of the double range (issue 15, item 1): atoms beyond
/// ±double.MaxValue are rejected instead of silently becoming ±∞, probabilities below 2^-1074 still weigh their atoms, and
/// expectations near ±double.MaxValue do not overflow in a partial sum.
/// </summary>
public class DiscreteDistributionRangeExamples
{
    private static readonly Fraction TwoTo1024 = ExactDouble.Pow2(1024);

    /// <summary>An atom at 2^1024 (just beyond MaxValue) has no double: AtomAsDoubles and ExpectationAsDouble reject it, naming the range.</summary>
    [Fact]
    public void AtomBeyondTheRange_IsRejected()
    {
        var d = new DiscreteDistribution([[TwoTo1024], [Fraction.One]], [BigInteger.One, BigInteger.One]);
        var ex = Assert.Throws<ArgumentException>(() => d.AtomAsDoubles(0));
        Assert.Equal("k", ex.ParamName);
        Assert.Contains("double.MaxValue", ex.Message);
        Assert.Equal([1.0], d.AtomAsDoubles(1));
        Assert.Throws<ArgumentException>(() => d.ExpectationAsDouble(x => 0 * x[0]));
        Assert.Equal(TwoTo1024 / 2 + new Fraction(1, 2), d.Mean()[0]); // the exact side keeps working
    }

    /// <summary>
    /// Weights (1, 2^1100) put p₀ = 1/(1 + 2^1100) ≈ 2^-1100 on the atom 1e308: E[X] ≈ 1e308·2^-1100 ≈ 7.4e-24 (exact rational,
    /// rounded); the probability rounded to the double 0 and gave E = 0.
    /// </summary>
    [Fact]
    public void ProbabilityBelowTheSubnormals_StillWeighsItsAtom()
    {
        var weights = new[] { BigInteger.One, BigInteger.One << 1100 };
        var d = new DiscreteDistribution([[ExactDouble.ToFraction(1e308)], [Fraction.Zero]], weights);
        double expected = ExactDouble.ToDouble(ExactDouble.ToFraction(1e308) / (1 + (Fraction)(BigInteger.One << 1100)));
        Assert.InRange(d.ExpectationAsDouble(x => x[0]) / expected - 1, -4e-16, 4e-16);
    }

    /// <summary>Eleven atoms at MaxValue with probability 1/11 each: E = MaxValue; the rounded-up 1/11 made the running sum ∞.</summary>
    [Fact]
    public void ExpectationAtTheTopOfTheRange_IsFinite()
    {
        var d = DiscreteDistribution.FromDoubles([.. Enumerable.Repeat(new[] { double.MaxValue }, 11)], [.. Enumerable.Repeat(1, 11)]);
        Assert.InRange(d.ExpectationAsDouble(x => x[0]), double.MaxValue * (1 - 1e-15), double.MaxValue);
        var e = Assert.Throws<ArgumentException>(() => d.ExpectationAsDouble(x => x[0] * 2));
        Assert.Equal("h", e.ParamName);
    }
}
