using System.Numerics;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>Hand-picked cases of the expectation engines in src/Math/Statistics.</summary>
public class StatisticsExamples
{
    [Fact]
    public void MinibatchMean_HasCovarianceSigmaOverM_Exactly()
    {
        // Eq. (3.5): Cov[g] = Σ/m, here with an atom at zero and unequal weights, m = 1..4.
        var xi = DiscreteDistribution.FromDoubles([[0.0, 1.0], [2.0, -3.0], [-1.0, 0.5]], [1, 2, 3]);
        var sigma = xi.Variance();
        for (int m = 1; m <= 4; m++)
        {
            var batch = xi.MinibatchMean(m);
            Assert.Equal(xi.Mean(), batch.Mean());
            var v = batch.Variance();
            for (int i = 0; i < 2; i++)
                Assert.Equal(sigma[i] / new Fraction(m), v[i]);
        }
    }

    [Fact]
    public void Probabilities_AreWeightsOverTotal_AndSumToOne()
    {
        var d = DiscreteDistribution.FromDoubles([[0.0], [0.0], [5.0]], [1, 1, 2]);
        Assert.Equal(new Fraction(1, 2), d.ProbabilityOf(x => x[0].IsZero));
        Assert.Equal(Fraction.One, d.Expectation(_ => Fraction.One));
        Assert.Equal(new Fraction(5, 2), d.Mean()[0]);
    }

    [Fact]
    public void Construction_RejectsBadInput_NamingTheParameter()
    {
        ArgumentAssert.Rejects(() => DiscreteDistribution.FromDoubles([[1.0]], [0]), "weights", "weights[0] must be > 0, got 0");
        // The parameter is atoms (issue 15: the ParamName was "atoms[0][1]", not a parameter); the message says which entry.
        ArgumentAssert.Rejects(() => DiscreteDistribution.FromDoubles([[1.0, double.NaN]], [1]), "atoms", "atoms[0][1] must be finite, got NaN");
        ArgumentAssert.Rejects(() => new DiscreteDistribution([], Array.Empty<BigInteger>()), "atoms", "atoms must not be empty");
        ArgumentAssert.Rejects(() => DiscreteDistribution.FromDoubles([[1.0], [1.0, 2.0]], [1, 1]), "atoms", "atoms[1] has dimension 2, expected 1");
        var tooMany = DiscreteDistribution.FromDoubles([[1.0], [2.0], [3.0]], [1, 1, 1]);
        // 3^10 atoms are far beyond MaxAtoms = 8192 (the boundary itself is tested in StatisticsRejectionExamples).
        ArgumentAssert.Rejects(() => tooMany.IidProduct(10), "n", "n = 10 gives 3^10 combinations, more than");
        ArgumentAssert.Rejects(() => tooMany.IidProduct(0), "n", "n must be ≥ 1, got 0");
        Assert.Equal(3, tooMany.IidProduct(1).Count);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-9)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(4.999)]
    [InlineData(5.001)]
    [InlineData(7.0)]
    [InlineData(30.0)]
    [InlineData(-1.5)]
    public void ErfEnclosure_ContainsMathNetErf_AndIsNarrow(double x)
    {
        var enclosure = ErfEnclosure.ErfPoint(ExactDouble.ToFraction(x), 128);
        double reference = MathNet.Numerics.SpecialFunctions.Erf(x);
        // MathNet's erf is accurate to a few ulp: widen the double by 4 ulp on each side before asking for overlap.
        double ulp = Math.Max(Math.BitIncrement(Math.Abs(reference)) - Math.Abs(reference), double.Epsilon);
        Assert.True(enclosure.LowerAsDouble <= reference + 4 * ulp && reference - 4 * ulp <= enclosure.UpperAsDouble,
            $"erf({x}) = {reference:R} outside {enclosure}");
        // Width: the series is cut at 2^-128; the tail bound above 5 is e^(-25)-small relative to 1 only at ~1e-12.
        double width = ExactDouble.ToDouble(enclosure.Width);
        Assert.True(width <= (Math.Abs(x) > ErfEnclosure.SeriesLimit ? 1e-11 : 1e-30), $"width {width:R}");
    }

    [Fact]
    public void Hoeffding_IntervalContainsTheBernoulliMean_AndStatesItsMethod()
    {
        var ci = MonteCarlo.BoundedMean(r => r.NextDouble() < 0.3 ? 1 : 0, new System.Random(7), 20000, 0, 1, 1e-6);
        Assert.False(ci.Excludes(0.3), $"[{ci.Lower}, {ci.Upper}]");
        Assert.Equal("Hoeffding", ci.Method);
        Assert.Equal(1 - 1e-6, ci.Level);
        // Half-width √(ln(2/δ)/(2n)) = √(ln(2e6)/40000) ≈ 0.0190.
        Assert.InRange(ci.Upper - ci.Estimate, 0.0189, 0.0191);
        ArgumentAssert.Rejects(() => MonteCarlo.BoundedMean(_ => 0, new System.Random(1), 1, 0, 1, 0), "delta", "delta must be in (0, 1), got 0");
        ArgumentAssert.Rejects(() => MonteCarlo.BoundedMean(_ => 0, new System.Random(1), 1, 0, 1, 1), "delta", "delta must be in (0, 1), got 1");
        ArgumentAssert.Rejects(() => MonteCarlo.BoundedMean(_ => 2, new System.Random(1), 1, 0, 1, 0.1), "draw", "a draw 2 left the stated range [0, 1]");
        ArgumentAssert.Rejects(() => MonteCarlo.BoundedMean(_ => 0, new System.Random(1), 0, 0, 1, 0.1), "samples", "samples must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => MonteCarlo.BoundedMean(_ => 0, new System.Random(1), 1, double.NaN, 1, 0.1), "low", "low must be finite");
        ArgumentAssert.Rejects(() => MonteCarlo.BoundedMean(_ => 0, new System.Random(1), 1, 0, double.PositiveInfinity, 0.1), "high", "high must be finite");
        ArgumentAssert.Rejects(() => MonteCarlo.BoundedMean(_ => 0, new System.Random(1), 1, 1, 1, 0.1), "high", "high must exceed low, got [1, 1]");
    }

    [Fact]
    public void Factors_HaveTheirLimits_AndDoNotOverflow()
    {
        Assert.Equal(1, VarianceAdaptationFactors.Erf(0));
        Assert.Equal(1, VarianceAdaptationFactors.Adam(0));
        Assert.Equal(1e-200, VarianceAdaptationFactors.Adam(1e200), 1e-214);
        Assert.Equal(1e-300, VarianceAdaptationFactors.Svag(1e150), 1e-314);
        // For large η: erf((√2η)⁻¹) ≈ √(2/π)/η.
        Assert.Equal(Math.Sqrt(2 / Math.PI) / 1e6, VarianceAdaptationFactors.Erf(1e6), 1e-17);
        ArgumentAssert.Rejects(() => VarianceAdaptationFactors.Adam(-1), "eta", "eta must be ≥ 0, got -1");
    }

    [Fact]
    public void WorstAbsoluteDeviation_IsInteriorNearEtaTwo()
    {
        // Fig. 5.2: the curves meet at η → 0 and η → ∞; the largest gap is interior.
        var (eta, value) = VarianceAdaptationFactors.Worst(VarianceAdaptationFactors.AbsoluteDeviation, 1e-4, 1e8, 1201);
        Assert.InRange(eta, 1.5, 2.5);
        Assert.InRange(value, 0.06, 0.07);
        Assert.True(VarianceAdaptationFactors.AbsoluteDeviation(eta * 1.01) <= value && VarianceAdaptationFactors.AbsoluteDeviation(eta / 1.01) <= value);
    }

    [Fact]
    public void GaussianSign_CoversTheCasesLemmaB1Omits()
    {
        Assert.Equal(0, GaussianSign.AgreementProbability(0, 1)); // P[X = 0] = 0, not ½
        Assert.Equal(0.5, GaussianSign.LemmaB1(0, 1));
        Assert.Equal(1, GaussianSign.AgreementProbability(-3, 0));
        Assert.Equal(GaussianSign.LemmaB1(1.3, 0.7), GaussianSign.AgreementProbability(1.3, 0.7), 1e-15);
        Assert.Equal(GaussianSign.LemmaB1(-1.3, 0.7), GaussianSign.AgreementProbability(-1.3, 0.7), 1e-15);
    }
}
