using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>The step-size/batch-size formulas of thesis §4.2 at hand-computed rational points, exactly.</summary>
public class BatchSizeFormulasExamples
{
    private static RationalInterval Q(long p, long q = 1) => RationalInterval.Exact(new Fraction(p, q));

    private static void AssertExactly(RationalInterval expected, RationalInterval actual) =>
        Assert.True((actual - expected).IsExactlyZero, $"expected {expected}, got {actual}");

    [Fact]
    public void OptimalStepFactor_AtM3Eta7_IsThreeTenths_WithValueOneTenth()
    {
        // γ* = 1/(1 + 7/3) = 3/10; G/m = 2(3/10)/3 − (9/100)/3 − 7(9/100)/9 = 1/5 − 3/100 − 7/100 = 1/10 = 1/(3 + 7).
        var gamma = BatchSizeFormulas.OptimalStepFactor(Q(3), Q(7));
        AssertExactly(Q(3, 10), gamma);
        AssertExactly(Q(1, 10), BatchSizeFormulas.GainPerCost(gamma, Q(3), Q(7)));
        // A neighbour on either side gives less (G/m is a concave parabola in γ).
        Assert.True(BatchSizeFormulas.GainPerCost(Q(31, 100), Q(3), Q(7)) < BatchSizeFormulas.GainPerCost(gamma, Q(3), Q(7)));
        Assert.True(BatchSizeFormulas.GainPerCost(Q(29, 100), Q(3), Q(7)) < BatchSizeFormulas.GainPerCost(gamma, Q(3), Q(7)));
    }

    [Fact]
    public void OptimalBatchSize_AtGammaOneEta4_IsEight_WithValueOneSixteenth()
    {
        // m* = 2·1·4/(2 − 1) = 8; G(1, 8)/8 = 2/8 − 1/8 − 4/64 = 1/16 = (2 − 1)²/(4·4).
        var m = BatchSizeFormulas.OptimalBatchSize(Q(1), Q(4));
        AssertExactly(Q(8), m);
        AssertExactly(Q(1, 16), BatchSizeFormulas.GainPerCost(Q(1), m, Q(4)));
        AssertExactly(Q(2, 8) + Q(1, 8) + Q(4, 64), BatchSizeFormulas.GainPerCostTermScale(Q(1), m, Q(4)));
    }
}
