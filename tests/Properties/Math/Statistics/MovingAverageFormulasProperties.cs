using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// The moving-average formulas of thesis ch. 5 against each other in exact rationals (the written and the
/// cancellation-free forms must be the same numbers) and against hand-computed values.
/// </summary>
public class MovingAverageFormulasProperties
{
    /// <summary>
    /// The double evaluation of the cancellation-free forms: a few dozen correctly rounded operations on positive terms,
    /// so a relative error of 1e-13 is far above rounding (and far below the 1e-7 the written form loses at β = 1 − 1e-9).
    /// </summary>
    private const double CancellationFreeRelative = 1e-13;

    public static Arbitrary<(double Beta, int T)> Cases() =>
        (from beta in Gen.Frequency(
             (2, Gen.Elements(0.0, 0.5, 0.9, 0.999, 1 - 1e-9)),
             (3, Gen.Choose(0, (1 << 20) - 1).Select(i => i / (double)(1 << 20))))
         from t in Gen.Choose(0, 30)
         select (beta, t)).ToArbitrary();

    private static RationalInterval Exact(double x) => RationalInterval.Exact(x);

    [Property(Arbitrary = [typeof(MovingAverageFormulasProperties)], MaxTest = 60, Replay = "(1357913579,2468024681)")]
    public Property Rho_TheSumOfSquaredWeights_AndTheWrittenForm_AreOneNumber((double Beta, int T) p)
    {
        var beta = Exact(p.Beta);
        var closed = MovingAverageFormulas.Rho(beta, p.T);
        bool ok = (MovingAverageFormulas.RhoAsWritten(beta, p.T) - closed).IsExactlyZero
            && (MovingAverageFormulas.SumOfSquaredWeights(beta, p.T) - closed).IsExactlyZero;
        return ok.Label($"β = {p.Beta:R}, t = {p.T}");
    }

    [Property(Arbitrary = [typeof(MovingAverageFormulasProperties)], MaxTest = 60, Replay = "(1122334455,5544332211)")]
    public Property Weights_SumToOne_Exactly((double Beta, int T) p)
    {
        var beta = Exact(p.Beta);
        var sum = Enumerable.Range(0, p.T + 1).Aggregate(RationalInterval.Zero, (s, k) => s + MovingAverageFormulas.Weight(beta, p.T, k));
        return (sum - RationalInterval.Exact(1.0)).IsExactlyZero.Label($"Σc = {sum}");
    }

    [Property(Arbitrary = [typeof(MovingAverageFormulasProperties)], MaxTest = 60, Replay = "(9988776655,5566778899)")]
    public Property Rho_InDoubles_IsFreeOfCancellation((double Beta, int T) p)
    {
        double value = MovingAverageFormulas.Rho(new Float64(p.Beta), p.T).Value;
        double exact = MovingAverageFormulas.Rho(Exact(p.Beta), p.T).Midpoint;
        return (Math.Abs(value - exact) <= CancellationFreeRelative * exact).Label($"{value:R} vs exact {exact:R}");
    }

    [Fact]
    public void Rho_AtTheFirstStep_IsOne_AndTendsToTheLimit()
    {
        // ρ(β, 0) = c(β, 0, 0)² = 1; ρ(0.5, 1) = (0.5·1.25)/(1.5·0.75) = 5/9 by hand; ρ(0.5, ∞) = 1/3.
        foreach (double b in new[] { 0.0, 0.5, 0.9 })
            Assert.True((MovingAverageFormulas.RhoAsWritten(Exact(b), 0) - RationalInterval.Exact(1.0)).IsExactlyZero);
        Assert.True((MovingAverageFormulas.Rho(Exact(0.5), 1) - RationalInterval.Exact(new Fractions.Fraction(5, 9))).IsExactlyZero);
        double far = MovingAverageFormulas.RhoAsWritten(new Float64(0.5), 1_000_000).Value;
        Assert.Equal(1.0 / 3, far, 15);
    }

    [Fact]
    public void Power_MatchesRepeatedMultiplication_AndTheLogarithmicPathBeyondTheLimit()
    {
        var x = RationalInterval.Exact(0.75);
        var repeated = RationalInterval.Exact(1.0);
        for (int n = 0; n <= 40; n++)
        {
            Assert.True((MovingAverageFormulas.Power(x, n) - repeated).IsExactlyZero, $"n = {n}");
            repeated *= x;
        }
        // Beyond the exact limit: exp(n ln x), against 10000 rounded multiplications (each ≤ 2^-53 relative, so together
        // ≤ 1.2e-12; the exp/log path adds n·|ln x|·2^-53 ≈ 1e-15): 1e-11 relative separates a wrong path from rounding.
        double big = MovingAverageFormulas.Power(new Float64(0.999), 10_000).Value;
        double product = 1;
        for (int i = 0; i < 10_000; i++)
            product *= 0.999;
        Assert.True(Math.Abs(big - product) <= 1e-11 * product, $"{big:R} vs {product:R}");
        Assert.Equal(0.0, MovingAverageFormulas.Power(new Float64(0.0), 10_000).Value);
        ArgumentAssert.Rejects(() => MovingAverageFormulas.Power(new Float64(-0.5), 10_000), "x", "x must be ≥ 0 for n = 10000 > 4096");
        ArgumentAssert.Rejects(() => MovingAverageFormulas.Power(new Float64(0.5), -1), "n", "n must be ≥ 0, got -1");
    }

    [Fact]
    public void BiasCorrectedMoments_AreTheLastGradient_WhenBetaIsZero_AndConvexCombinationsOtherwise()
    {
        var gs = new[] { 3.0, -1.0, 2.0 }.Select(Exact).ToArray();
        var (m0, v0) = MovingAverageFormulas.BiasCorrectedMoments(Exact(0), Exact(0), gs);
        Assert.True((m0 - Exact(2)).IsExactlyZero && (v0 - Exact(4)).IsExactlyZero);
        // β = 1/2, g = (3, −1, 2): m̃ = 3/8 − 1/4 + 1 = 9/8 and 1 − β³ = 7/8, so m = 9/7; ṽ = 9/8 + 1/4 + 2 = 27/8, v = 27/7.
        var (m, v) = MovingAverageFormulas.BiasCorrectedMoments(Exact(0.5), Exact(0.5), gs);
        Assert.True((m - RationalInterval.Exact(new Fractions.Fraction(9, 7))).IsExactlyZero, $"m = {m}");
        Assert.True((v - RationalInterval.Exact(new Fractions.Fraction(27, 7))).IsExactlyZero, $"v = {v}");
        ArgumentAssert.Rejects(() => MovingAverageFormulas.RawMoments(Exact(0.5), Exact(0.5), Array.Empty<RationalInterval>()), "gradients", "gradients must hold g_0 at least");
    }
}
