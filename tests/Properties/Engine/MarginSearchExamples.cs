using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Xunit;

namespace Verification.Tests.Properties.Engine;

/// <summary>The engine decides known claims correctly: it refutes only with a certificate, and never on rounding.</summary>
public class MarginSearchExamples
{
    private const int Budget = 400;

    [Fact]
    public void FalseInequality_IsRefutedWithACertifiedCounterexampleThatReplays()
    {
        var f = SyntheticClaims.SqrtBound(3);
        var result = f.Run(Budget, seed: 1);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        var cx = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.True(cx.CertifiedMargin > 0, $"certified margin {cx.CertifiedMargin}");
        Assert.True(cx.CertifiedMargin <= cx.Margin * (1 + 1e-12), "a certified margin never exceeds the double one by more than rounding");
        // Replay from the round-trip text: the same input violates the statement, in doubles and exactly.
        double x = double.Parse(cx.Inputs.Single(i => i.Name == "x").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(OutcomeKind.Violated, f.Evaluate(x).Kind);
        Assert.Equal(CertificationStatus.Certified, f.Certify(x).Status);
    }

    [Fact]
    public void TrueInequality_Holds()
    {
        var result = SyntheticClaims.SqrtBound(2).Run(Budget, seed: 1);
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.Null(result.Counterexample);
        Assert.True(result.Accepted > Budget / 2);
    }

    [Fact]
    public void RoundingOnlyViolations_AreDismissedByExactArithmetic()
    {
        var result = SyntheticClaims.RoundingOnly().Run(Budget, seed: 7);
        // The search must have met double-precision violations (else this test would test nothing) …
        Assert.True(result.Violations > 0, "no double-precision violation was met; the test lost its point");
        // … and every one certified as rounding: no refutation.
        Assert.True(result.RoundingArtifacts > 0);
        Assert.Equal(Verdict.Holds, result.Verdict);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(400)]
    [InlineData(2000)]
    public void RandomPhase_DrawsItsShareOfTheBudget_AtSizesFromSmallToLarge(int budget)
    {
        var sizes = new List<int>();
        var counting = new Inequality<int>
        {
            Name = "counting",
            Description = "records the size of every generated input",
            Tolerance = "none",
            Generator = Gen.Sized(size => Gen.Constant(size)).Select(size => { sizes.Add(size); return size; }),
            Sides = _ => new Sides(0, 1, 1),
            ExactSides = (_, _) => new ExactSides(Verification.Math.Exact.RationalInterval.Zero, Verification.Math.Exact.RationalInterval.Exact(1.0)),
                        Show = size => [NamedValue.Of("size", (double)size)],
        };

        counting.Run(budget, seed: 3);

        // Every generated input is recorded once; edge cases and climbing do not call the generator.
        Assert.Equal((int)(budget * MarginSearch<int>.RandomShare), sizes.Count);
        Assert.Equal(1, sizes.Min());
        Assert.Equal(100, sizes.Max());
    }

    [Fact]
    public void OnlyTrivialCases_IsVacuous()
        => Assert.Equal(Verdict.Vacuous, SyntheticClaims.AlwaysTrivial().Run(50, seed: 1).Verdict);

    [Fact]
    public void NoInputMeetingHypotheses_IsInconclusiveWithAReason()
    {
        var result = SyntheticClaims.NeverApplicable().Run(50, seed: 1);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains(result.Notes, n => n.Contains("hypotheses", StringComparison.Ordinal));
    }

    [Fact]
    public void SameSeed_GivesTheSameResult()
    {
        var a = SyntheticClaims.SqrtBound(3).Run(Budget, seed: 42);
        var b = SyntheticClaims.SqrtBound(3).Run(Budget, seed: 42);
        Assert.NotNull(a.Counterexample);
        Assert.Equal(a.Counterexample!.Inputs, b.Counterexample!.Inputs);
        Assert.Equal(a.Counterexample.CertifiedMargin, b.Counterexample.CertifiedMargin);
        Assert.Equal(a.Cases, b.Cases);
        Assert.Equal(a.WorstMargin, b.WorstMargin);
    }

    [Fact]
    public void Combine_RanksRefutedThenInconclusiveThenHolds()
    {
        Assert.Equal(Verdict.Refuted, VerdictEngine.Combine([Verdict.Holds, Verdict.Refuted, Verdict.Inconclusive]));
        Assert.Equal(Verdict.Inconclusive, VerdictEngine.Combine([Verdict.Holds, Verdict.Inconclusive]));
        Assert.Equal(Verdict.Holds, VerdictEngine.Combine([Verdict.Holds, Verdict.Vacuous]));
        Assert.Equal(Verdict.Vacuous, VerdictEngine.Combine([Verdict.Vacuous]));
        Assert.Throws<ArgumentException>(() => VerdictEngine.Combine([]));
    }

    [Fact]
    public void BadBudget_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => SyntheticClaims.SqrtBound(2).Run(0, 1));
        Assert.Equal("budget", e.ParamName);
    }
}
