using System.Numerics;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// Issue 15 item 1 for src/Math/Statistics: every guard rejects its input with exactly an ArgumentException naming the
/// parameter and stating the documented range (thesis ch. 3 laws, ch. 5 moving averages eqs. 5.1–5.3 and B.23–B.26,
/// Lemma B.1's Gaussian sign agreement). Where a guard has a boundary, the largest rejected and the smallest accepted
/// input are both checked, the accepted one against a value derived by hand. The enclosure form of a discrete law's
/// expectation (thesis eq. 3.9's E_t[·] with enclosed integrands) is Σ p_k·h(x_k) interval by interval, checked on a
/// two-atom law by hand.
/// </summary>
public class StatisticsRejectionExamples
{
    private static Float64 F(double x) => new(x);

    [Fact]
    public void GaussianSignAgreementProbability_RejectsNegativeSigmaAndNonFiniteMu()
    {
        ArgumentAssert.Rejects(() => GaussianSign.AgreementProbability(1, -double.Epsilon), "sigma", "sigma must be ≥ 0");
        ArgumentAssert.Rejects(() => GaussianSign.AgreementProbability(double.NaN, 1), "mu", "mu must be finite");
        // σ = 0 is accepted: a point mass at μ ≠ 0 agrees in sign with probability 1.
        Assert.Equal(1.0, GaussianSign.AgreementProbability(-3, 0));
    }

    [Fact]
    public void GaussianSignLemmaB1_RejectsZeroSigma()
    {
        ArgumentAssert.Rejects(() => GaussianSign.LemmaB1(1, 0), "sigma", "sigma must be > 0");
        ArgumentAssert.Rejects(() => GaussianSign.LemmaB1(double.PositiveInfinity, 1), "mu", "mu must be finite");
        // The smallest accepted σ = 2^-1074 with μ = 1: z = |μ|/(√2σ) = +∞, so ½(1 + erf z) = 1 exactly.
        Assert.Equal(1.0, GaussianSign.LemmaB1(1, double.Epsilon));
    }

    [Fact]
    public void VarianceAdaptationFactors_ErfAndSvag_RejectNegativeEta()
    {
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.Erf(-double.Epsilon), "eta", "eta must be ≥ 0");
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.Svag(-double.Epsilon), "eta", "eta must be ≥ 0");
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.Svag(double.NaN), "eta", "eta must be finite");
        // η = 0, the smallest accepted: erf(+∞) = 1 and (1 + 0)⁻¹ = 1.
        Assert.Equal(1.0, VarianceAdaptationFactors.Erf(0));
        Assert.Equal(1.0, VarianceAdaptationFactors.Svag(0));
    }

    [Fact]
    public void VarianceAdaptationFactorsWorst_RejectsAnEmptyIntervalOrTooFewPoints()
    {
        static double Peak(double eta) => -Math.Log(eta) * Math.Log(eta);
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.Worst(Peak, 0, 2, 3), "from", "from must be > 0");
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.Worst(Peak, 0.5, double.PositiveInfinity, 3), "to", "to must be finite");
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.Worst(Peak, 2, 2, 3), "to", "to must exceed from, got [2, 2]");
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.Worst(Peak, 0.5, 2, 2), "points", "points must be ≥ 3, got 2");
        // points = 3 is accepted: the scan 0.5, 1, 2 finds −(ln η)², whose maximum 0 is at η = 1.
        var (eta, value) = VarianceAdaptationFactors.Worst(Peak, 0.5, 2, 3);
        Assert.Equal(1.0, eta, 1e-6); // golden section stops at 1e-15 in ln η; 1e-6 is far above that, far below the grid step
        Assert.Equal(0.0, value, 1e-12);
    }

    [Fact]
    public void ErfEnclosure_RejectsBitsBelowSixteen()
    {
        ArgumentAssert.Rejects(() => ErfEnclosure.Erf(RationalInterval.Exact(0.5), 15), "bits", "bits must be ≥ 16, got 15");
        // bits = 16 is accepted; erf(0) = 0 is enclosed.
        var zero = ErfEnclosure.Erf(RationalInterval.Exact(0.0), 16);
        Assert.True(zero.Lower <= Fraction.Zero && Fraction.Zero <= zero.Upper, $"[{zero.Lower}, {zero.Upper}]");
    }

    [Fact]
    public void MovingAveragePower_RejectsANegativeBaseOnlyAboveTheExactLimit()
    {
        ArgumentAssert.Rejects(() => MovingAverageFormulas.Power(F(-1), MovingAverageFormulas.ExactPowerLimit + 1), "x", "x must be ≥ 0 for n = 4097 > 4096");
        // n = 4096 is still exact repeated squaring: (−1)^4096 = 1.
        Assert.Equal(1.0, MovingAverageFormulas.Power(F(-1), MovingAverageFormulas.ExactPowerLimit).Value);
    }

    [Fact]
    public void MovingAverageGeometricSum_RejectsNOutsideZeroToLimit()
    {
        ArgumentAssert.Rejects(() => MovingAverageFormulas.GeometricSum(F(0.5), -1), "n", "n must be in [0, 4096], got -1");
        ArgumentAssert.Rejects(() => MovingAverageFormulas.GeometricSum(F(0.5), 4097), "n", "n must be in [0, 4096], got 4097");
        // Both ends accepted: the empty sum is 0, and Σ_{k<4096} 0ᵏ = 0⁰ = 1.
        Assert.Equal(0.0, MovingAverageFormulas.GeometricSum(F(0.5), 0).Value);
        Assert.Equal(1.0, MovingAverageFormulas.GeometricSum(F(0), 4096).Value);
    }

    [Fact]
    public void MovingAverageRhoAsWritten_RejectsNegativeT()
    {
        ArgumentAssert.Rejects(() => MovingAverageFormulas.RhoAsWritten(F(0.5), -1), "t", "t must be ≥ 0, got -1");
        // t = 0: (1 − β)(1 + β)/((1 + β)(1 − β)) = 1.
        Assert.Equal(1.0, MovingAverageFormulas.RhoAsWritten(F(0.5), 0).Value);
    }

    [Fact]
    public void MovingAverageWeight_RejectsTOrSOutsideTheirRanges()
    {
        ArgumentAssert.Rejects(() => MovingAverageFormulas.Weight(F(0.5), -1, 0), "t", "t must be in [0, 4095], got -1");
        ArgumentAssert.Rejects(() => MovingAverageFormulas.Weight(F(0.5), 4096, 0), "t", "t must be in [0, 4095], got 4096");
        ArgumentAssert.Rejects(() => MovingAverageFormulas.Weight(F(0.5), 2, 3), "s", "s must be in [0, t = 2], got 3");
        ArgumentAssert.Rejects(() => MovingAverageFormulas.Weight(F(0.5), 2, -1), "s", "s must be in [0, t = 2], got -1");
        ArgumentAssert.Rejects(() => MovingAverageFormulas.Rho(F(0.5), 4096), "t", "t must be in [0, 4095], got 4096");
        ArgumentAssert.Rejects(() => MovingAverageFormulas.SumOfSquaredWeights(F(0.5), -1), "t", "t must be in [0, 4095], got -1");
        // Accepted ends: c(0, t, t) = 0⁰/Σ_{k≤t}0ᵏ = 1, at t = 4095 and s = t; c(β, 0, 0) = 1.
        Assert.Equal(1.0, MovingAverageFormulas.Weight(F(0), 4095, 4095).Value);
        Assert.Equal(1.0, MovingAverageFormulas.Weight(F(0.5), 0, 0).Value);
    }

    [Fact]
    public void DiscreteDistribution_RejectsTooManyAtomsAMismatchOrAnEmptyAtom()
    {
        var many = Enumerable.Range(0, DiscreteDistribution.MaxAtoms + 1).Select(k => new[] { new Fraction(k) }).ToArray();
        var ones = Enumerable.Repeat(BigInteger.One, many.Length).ToArray();
        ArgumentAssert.Rejects(() => new DiscreteDistribution(many, ones), "atoms", "atoms has 8193 entries, at most 8192");
        ArgumentAssert.Rejects(() => new DiscreteDistribution([[Fraction.One], [Fraction.Zero]], [BigInteger.One]), "weights", "weights has length 1, expected 2");
        ArgumentAssert.Rejects(() => new DiscreteDistribution([[]], [BigInteger.One]), "atoms", "atoms[0] must have at least one coordinate");
        ArgumentAssert.Rejects(() => new DiscreteDistribution([[Fraction.One], [Fraction.Zero]], [BigInteger.One, BigInteger.MinusOne]), "weights", "weights[1] must be > 0, got -1");
        // MaxAtoms atoms exactly are accepted: the uniform law on 0 … 8191 has mean 8191/2.
        var uniform = new DiscreteDistribution(many[..^1], ones[..^1]);
        Assert.Equal(new Fraction(8191, 2), uniform.Mean()[0]);
    }

    [Fact]
    public void DiscreteDistributionIidProduct_RejectsMoreThanMaxAtomsCombinations()
    {
        var coin = DiscreteDistribution.FromDoubles([[0.0], [1.0]], [1, 1]);
        ArgumentAssert.Rejects(() => coin.IidProduct(14), "n", "n = 14 gives 2^14 combinations, more than 8192");
        // 2^13 = 8192 = MaxAtoms combinations are accepted; n copies of a fair coin have mean ½ in each coordinate.
        var product = coin.IidProduct(13);
        Assert.Equal(8192, product.Count);
        Assert.All(product.Mean(), m => Assert.Equal(new Fraction(1, 2), m));
    }

    [Fact]
    public void DiscreteDistribution_AtomAsDoublesShiftAndMinibatchMean_RejectOutOfRangeArguments()
    {
        var d = DiscreteDistribution.FromDoubles([[2.0], [3.0]], [1, 1]);
        ArgumentAssert.Rejects(() => d.AtomAsDoubles(-1), "k", "k must be in 0…1, got -1");
        ArgumentAssert.Rejects(() => d.AtomAsDoubles(2), "k", "k must be in 0…1, got 2");
        Assert.Equal([3.0], d.AtomAsDoubles(1));
        ArgumentAssert.Rejects(() => d.Shift([Fraction.One, Fraction.One]), "offset", "offset has length 2, expected 1");
        ArgumentAssert.Rejects(() => d.MinibatchMean(0), "m", "m must be ≥ 1, got 0");
        // m = 1 is accepted: the mean of one copy is X itself, mean 5/2.
        Assert.Equal(new Fraction(5, 2), d.MinibatchMean(1).Mean()[0]);
    }

    [Fact]
    public void DiscreteLaw_RejectsTooManyAtomsAnEmptyAtomOrAWrongFreeAtom()
    {
        var many = Enumerable.Range(0, DiscreteLaw<Float64>.MaxAtoms + 1).Select(k => new[] { F(k) }).ToArray();
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.Weighted(many, Enumerable.Repeat(1L, many.Length).ToArray()), "atoms", "atoms has 8193 entries, at most 8192");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.Weighted([[]], [1]), "atoms", "atoms[0] must have at least one coordinate");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.ZeroMean([[F(1)]], [1, 0], 1), "weights", "weights[1] must be > 0, got 0");
        ArgumentAssert.Rejects(() => DiscreteLaw<Float64>.ZeroMean([[F(1), F(2)]], [1, 1], 1), "freeAtoms", "freeAtoms[0] has dimension 2, expected 1");
        // A total weight of exactly 2^53 is accepted: atoms 0 and 1 with weights 2^53 − 1 and 1.
        var heavy = DiscreteLaw<Float64>.Weighted([[F(0)], [F(1)]], [(1L << 53) - 1, 1]);
        Assert.Equal(2, heavy.Count);
    }

    [Fact]
    public void DiscreteLawIidProduct_RejectsMoreThanMaxAtomsCombinations()
    {
        var coin = DiscreteLaw<Float64>.Weighted([[F(0)], [F(1)]], [1, 1]);
        ArgumentAssert.Rejects(() => coin.IidProduct(14), "n", "n = 14 gives 2^14 combinations, more than 8192");
        ArgumentAssert.Rejects(() => coin.IidProduct(0), "n", "n must be ≥ 1, got 0");
        Assert.Equal(8192, coin.IidProduct(13).Count);
    }

    [Fact]
    public void DiscreteDistribution_EnclosedExpectation_IsTheProbabilityWeightedSumOfTheEnclosures()
    {
        // Atoms 1 and 3 with weights 1 and 3: P = ¼ and ¾. h(x) = [x², 2x²] gives E ∈ [¼·1 + ¾·9, 2·7] = [7, 14].
        var law = new DiscreteDistribution([[new Fraction(1)], [new Fraction(3)]], [BigInteger.One, new BigInteger(3)]);
        var expectation = law.Expectation(x => new RationalInterval(x[0] * x[0], 2 * x[0] * x[0]));
        Assert.Equal((new Fraction(7), new Fraction(14)), (expectation.Lower, expectation.Upper));
    }
}
