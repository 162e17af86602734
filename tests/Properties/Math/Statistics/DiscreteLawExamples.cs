using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// Hand-computed moments of <see cref="DiscreteLaw{T}"/> in exact rational intervals (every expected value worked out
/// by hand as a fraction), its input validation, and agreement with the exact Fraction engine
/// <see cref="DiscreteDistribution"/> on random laws.
/// </summary>
public class DiscreteLawExamples
{
    private static RationalInterval Q(long p, long q) => RationalInterval.Exact(new Fraction(p, q));

    private static RationalInterval[] Point(params double[] x) => x.Select(RationalInterval.Exact).ToArray();

    private static void AssertExactly(RationalInterval expected, RationalInterval actual) =>
        Assert.True((actual - expected).IsExactlyZero, $"expected {expected}, got {actual}");

    [Fact]
    public void Moments_OfAThreeAtomLaw_AreTheHandComputedFractions()
    {
        // Atoms 0, 2, −1 with weights 1, 2, 3: mean (0 + 4 − 3)/6 = 1/6, E[x²] = (0 + 8 + 3)/6 = 11/6, Var = 11/6 − 1/36 = 65/36.
        var law = DiscreteLaw<RationalInterval>.Weighted([Point(0), Point(2), Point(-1)], [1, 2, 3]);
        AssertExactly(Q(1, 6), law.Mean()[0]);
        AssertExactly(Q(11, 6), law.SecondMoment()[0]);
        AssertExactly(Q(65, 36), law.Variance()[0]);
        AssertExactly(Q(1, 3), law.Probability(1));
        AssertExactly(Q(1, 2), law.ProbabilityOf(x => x[0] < 0));
        AssertExactly(RationalInterval.Exact(1.0), law.Expectation(_ => 1));
    }

    [Fact]
    public void MinibatchMean_DividesTheVarianceByM_AndKeepsTheMean()
    {
        // Eq. (3.5): Cov[ḡ] = Σ/m, here for m = 1…4 with the law above (Var = 65/36, mean 1/6).
        var law = DiscreteLaw<RationalInterval>.Weighted([Point(0, 1), Point(2, -3), Point(-1, 0.5)], [1, 2, 3]);
        var variance = law.Variance();
        for (int m = 1; m <= 4; m++)
        {
            var batch = law.MinibatchMean(m);
            Assert.Equal(Pow(3, m), batch.Count);
            for (int i = 0; i < 2; i++)
            {
                AssertExactly(law.Mean()[i], batch.Mean()[i]);
                AssertExactly(variance[i] / m, batch.Variance()[i]);
            }
        }
    }

    [Fact]
    public void ZeroMean_BalancesTheLastAtomExactly()
    {
        // Free atoms 1.5 and −2 with weights 1, 2 and a last weight 3: ξ₃ = −(1.5 − 4)/3 = 5/6, so the mean is 0.
        var law = DiscreteLaw<RationalInterval>.ZeroMean([Point(1.5, 0.1), Point(-2, 0.3)], [1, 2, 3], 2);
        AssertExactly(Q(5, 6), law.Atom(2)[0]);
        Assert.All(law.Mean(), m => Assert.True(m.IsExactlyZero));
        var pointMass = DiscreteLaw<RationalInterval>.ZeroMean([], [4], 3);
        Assert.Equal(1, pointMass.Count);
        Assert.All(pointMass.Atom(0), x => Assert.True(x.IsExactlyZero));
    }

    [Fact]
    public void IidProduct_EnumeratesEveryCombinationWithProductWeights()
    {
        var law = DiscreteLaw<RationalInterval>.Weighted([Point(1), Point(5)], [1, 3]);
        var pairs = law.IidProduct(2);
        Assert.Equal(4, pairs.Count);
        // P[(5, 5)] = 9/16, E[x₁x₂] = E[x]² = (1/4 + 15/4)² = 16.
        AssertExactly(Q(9, 16), pairs.Probability(3));
        AssertExactly(RationalInterval.Exact(16.0), pairs.Expectation(x => x[0] * x[1]));
    }

    [Fact]
    public void Construction_RejectsBadInput_NamingTheParameter()
    {
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.Weighted([[new Float64(1)]], [0]), "weights", "weights[0] must be > 0, got 0");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.Weighted([[new Float64(1)]], [1, 1]), "weights", "weights has 2 entries, atoms 1");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.Weighted([], []), "atoms", "atoms must not be empty");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.Weighted([[new Float64(1)], [new Float64(1), new Float64(2)]], [1, 1]), "atoms", "atoms[1] has dimension 2, expected 1");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.Weighted([[new Float64(1)], [new Float64(2)]], [1L << 53, 1]), "weights", "the total weight must be at most 2^53");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.ZeroMean([[new Float64(1)]], [1], 1), "weights", "weights needs one entry per free atom plus one for the balancing atom: 2, got 1");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.ZeroMean([], [1], 0), "dimension", "dimension must be ≥ 1, got 0");
        var three = DiscreteLaw<Float64>.Weighted([[new Float64(1)], [new Float64(2)], [new Float64(3)]], [1, 1, 1]);
        ArgumentAssert.Rejects(() => three.IidProduct(10), "n", "n = 10 gives 3^10 combinations, more than 8192");
        ArgumentAssert.Rejects(() => three.MinibatchMean(0), "m", "m must be ≥ 1, got 0");
    }

    public static Arbitrary<(double[][] Atoms, int[] Weights)> Laws() =>
        (from d in Gen.Choose(1, 3)
         from k in Gen.Choose(1, 4)
         from atoms in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(-4000, 4000).Select(i => i / 64.0), d), k)
         from weights in Gen.ArrayOf(Gen.Choose(1, 9), k)
         select (atoms, weights)).ToArbitrary();

    /// <summary>
    /// The generic law in exact rational intervals and the Fraction engine give the same mean, variance and minibatch
    /// variance, exactly (two independent implementations of the same sums).
    /// </summary>
    [Property(Arbitrary = [typeof(DiscreteLawExamples)], MaxTest = 40, Replay = "(4242424242,2424242425)")]
    public Property Moments_AgreeWithTheFractionEngine((double[][] Atoms, int[] Weights) p)
    {
        var law = DiscreteLaw<RationalInterval>.Weighted(p.Atoms.Select(a => Point(a)).ToArray(), p.Weights.Select(w => (long)w).ToArray());
        var reference = DiscreteDistribution.FromDoubles(p.Atoms, p.Weights);
        bool Same(RationalInterval a, Fraction b) => (a - RationalInterval.Exact(b)).IsExactlyZero;
        var batch = law.MinibatchMean(2);
        var referenceBatch = reference.MinibatchMean(2);
        bool ok = Enumerable.Range(0, law.Dimension).All(i =>
            Same(law.Mean()[i], reference.Mean()[i]) && Same(law.Variance()[i], reference.Variance()[i])
            && Same(batch.Variance()[i], referenceBatch.Variance()[i]));
        return ok.ToProperty();
    }

    private static int Pow(int b, int e) => (int)BigInteger.Pow(b, e);
}
