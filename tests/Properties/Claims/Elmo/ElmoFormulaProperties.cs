using Verification.Engine.Generators;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo;
using Verification.Claims.Generators;
using Verification.Engine;
using Verification.Math;
using Verification.Math.Exact;
using Xunit;
using ElmoMath = Verification.Math.Elmo;

namespace Verification.Tests.Properties.Claims.Elmo;

/// <summary>
/// The cancellation-free formulas the ELMO claims evaluate in double precision (each derived from M'(x*) = 0) agree with
/// the definitions of M and m evaluated exactly: if a derivation were wrong, the claims would search the wrong quantity.
/// </summary>
public class ElmoFormulaProperties
{
    /// <summary>The formulas are a few roundings from exact; 1e-9 relative (plus 1e-12 of the scale) leaves room for mild cancellation in W − λ.</summary>
    private const double FormulaRelative = 1e-9;

    private static Gen<EigenspaceInput> Moderate { get; } =
        from l in EdgeDoubles.Signed(1e-3, 1e3)
        from a in EdgeDoubles.Positive(1e-3, 1e3)
        from lip in EdgeDoubles.Positive(1e-3, 1e3)
        select new EigenspaceInput(l, a, lip);

    private static Gen<(EigenspaceInput E, double Delta)> WithDelta { get; } =
        from e in Moderate
        from d in EdgeDoubles.Signed(1e-4, 10).Select(x => System.Math.Max(-1, x))
        select (e, d);

    private static void AssertClose(double expected, double actual, double scale, string what) =>
        Assert.True(System.Math.Abs(expected - actual) <= FormulaRelative * scale,
            $"{what}: exact {expected:R} vs formula {actual:R} (scale {scale:R})");

    [Fact]
    public void UpperAtStep_MatchesTheModelAtTheStep() =>
        Prop.ForAll(Moderate.ToArbitrary(), e =>
        {
            double x = ElmoMath.Step(e.Lambda, e.GradMagnitude, e.Lipschitz);
            double exact = ElmoScalars.ExactUpperAtStep(e.Lambda, e.GradMagnitude, e.Lipschitz, 128).Midpoint;
            double scale = e.GradMagnitude * x + System.Math.Abs(e.Lambda) * x * x / 2 + e.Lipschitz * x * x * x / 6;
            AssertClose(exact, ElmoScalars.UpperAtStep(e.Lambda, e.GradMagnitude, e.Lipschitz), scale, $"M(x*) at {e}");
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void RelativeRatios_MatchTheDefinitions() =>
        Prop.ForAll(WithDelta.ToArbitrary(), p =>
        {
            var (e, d) = p;
            double upper = LemmaM5Relative.UpperRatio(e, d), lower = LemmaM5Relative.LowerRatio(e, d);
            double scale = 1 + System.Math.Abs(d) * System.Math.Abs(d) * System.Math.Abs(d) * 10;
            AssertClose(LemmaM5Relative.ExactUpperRatio(e, d, 128).Midpoint, upper, scale * (1 + System.Math.Abs(upper)), $"(M(x) − M(x*))/M(x*) at {e}, δ = {d:R}");
            AssertClose(LemmaM5Relative.ExactLowerRatio(e, d, 128).Midpoint, lower, scale * (1 + System.Math.Abs(lower)), $"(m(x) − m(x*))/m(x*) at {e}, δ = {d:R}");
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void NewtonGap_MatchesTheDefinition() =>
        Prop.ForAll(Moderate.Where(e => e.Lambda > 0).ToArbitrary(), e =>
        {
            var x = ElmoScalars.ExactStep(e.Lambda, e.GradMagnitude, e.Lipschitz, 256);
            var xn = RationalInterval.Exact(e.GradMagnitude) / RationalInterval.Exact(e.Lambda);
            var exact = ElmoScalars.ExactUpper(e.Lambda, e.GradMagnitude, e.Lipschitz, x) - ElmoScalars.ExactUpper(e.Lambda, e.GradMagnitude, e.Lipschitz, xn);
            double gap = ThmH.SameModelGap(e.Lambda, e.GradMagnitude, e.Lipschitz);
            Assert.True(gap <= 0, "x* minimizes M, so M(x*) − M(x_N) ≤ 0");
            AssertClose(exact.Midpoint, gap, System.Math.Abs(gap) + 1e-300, $"M(x*) − M(x_N) at {e}");
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void RatioTrend_SeparatesSettledFromVanishingRatios()
    {
        RatioTrend<double> Trend(Func<double, double, double> ratio) => new()
        {
            Name = "synthetic",
            Description = "synthetic",
            Tolerance = "synthetic",
            Generator = Gen.Constant(1.0),
            Sequence = _ => [1, 1e-2, 1e-4, 1e-6, 1e-8],
            SequenceName = "t",
            Ratio = ratio,
            ExactRatio = (x, t, _) => RationalInterval.Exact(ratio(x, t)),
            Show = x => [NamedValue.Of("x", x)],
        };
        Assert.Equal(Verification.Claims.Model.OutcomeKind.Satisfied, Trend((_, t) => 2 + t).Evaluate(1).Kind);
        Assert.Equal(Verification.Claims.Model.OutcomeKind.Violated, Trend((_, t) => t).Evaluate(1).Kind);
        Assert.Equal(Verification.Claims.Model.CertificationStatus.Certified, Trend((_, t) => t).Certify(1).Status);
        Assert.Equal(Verification.Claims.Model.OutcomeKind.Violated, Trend((_, _) => 0).Evaluate(1).Kind);
        Assert.Equal(Verification.Claims.Model.OutcomeKind.Undecided, Trend((_, t) => System.Math.Sin(1 / t) + 2).Evaluate(1).Kind);
    }
}
