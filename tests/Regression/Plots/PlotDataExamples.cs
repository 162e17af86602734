using Verification.Figures;
using Xunit;

namespace Verification.Tests.Regression.Plots;

/// <summary>
/// The plotted curves against closed forms: these catch a sign slip in how the plots call Verification.Numerics
/// (eq. 1's g = −|g| in particular), which a picture would hide.
/// </summary>
public class PlotDataExamples
{
    /// <summary>Closed forms vs. the reference math: a few roundings per evaluation.</summary>
    private const double RelativeTolerance = 1e-13;

    private static readonly double[] Ts = LogAxis.Space(RatioMOverMPlot.From, RatioMOverMPlot.To, RatioMOverMPlot.Points);

    [Fact]
    public void Ratio_AtLambdaZero_IsTwoForEveryL()
    {
        // λ = 0: x* = √(2|g|/L), M(x*) = −(2/3)|g|x*, m(x*) = −(4/3)|g|x*, so |m/M| = 2.
        foreach (var (t, ratio) in Ts.Zip(RatioMOverMPlot.Curve(0, Ts)))
            AssertClose(2, ratio, $"t = {t}");
    }

    [Fact]
    public void Ratio_ForSmallLOverPositiveLambda_ApproachesOne()
    {
        // λ > 0, L → 0: x* → |g|/λ (Newton), and m, M both → −g²/(2λ); the cubic term is O(L).
        double ratio = RatioMOverMPlot.Ratio(1, 1, 1e-12);
        AssertClose(1, ratio, "λ = 1, |g| = 1, L = 1e-12", tolerance: 1e-11);
    }

    [Fact]
    public void Steps_ForPositiveLambda_CauchyEqualsElmoAndNewtonIsGOverLambda()
    {
        // For λ > 0 App. F.1's x_C = 2|g|/(λ(1 + √(1 + 2L|g|/λ²))) = 2|g|/(λ + √(λ² + 2L|g|)), ELMO's x* in
        // rationalized form; a wrong sign of g in either call would split the curves.
        var ls = LogAxis.Space(ElmoNewtonCauchyStepsPlot.From, ElmoNewtonCauchyStepsPlot.To, ElmoNewtonCauchyStepsPlot.Points);
        var (elmo, newton, cauchy) = ElmoNewtonCauchyStepsPlot.Steps(ls);
        for (int i = 0; i < ls.Length; i++)
        {
            AssertClose(elmo[i], cauchy[i], $"L = {ls[i]}");
            Assert.Equal(ElmoNewtonCauchyStepsPlot.GradMagnitude / ElmoNewtonCauchyStepsPlot.Lambda, newton[i]);
        }
    }

    [Fact]
    public void LogSpace_HitsBothEndsAndIsGeometric()
    {
        var xs = LogAxis.Space(1e-6, 1e6, 13);
        AssertClose(1e-6, xs[0], "first");
        AssertClose(1e6, xs[^1], "last");
        for (int i = 1; i < xs.Length; i++)
            AssertClose(10, xs[i] / xs[i - 1], $"step {i}");
    }

    [Fact]
    public void Registry_FileNamesAreDistinctPngs()
    {
        var names = PlotRegistry.All.Select(p => p.FileName).ToList();
        Assert.Contains("ratio-m-over-M.png", names);
        Assert.Contains("elmo-newton-cauchy-steps.png", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.EndsWith(".png", n, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1.5, "−1.5")]
    [InlineData(0.346, "0.346")]
    [InlineData(9.04e-7, "9.04e−7")]
    [InlineData(1e-8, "1e−8")]
    [InlineData(1e20, "1e20")]
    [InlineData(0.0, "0")]
    public void PlotText_WritesShortNumbersWithATrueMinus(double value, string expected) => Assert.Equal(expected, PlotText.Number(value));

    /// <summary>|expected − actual| ≤ tolerance·|expected|.</summary>
    private static void AssertClose(double expected, double actual, string where, double tolerance = RelativeTolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected),
            $"{where}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2}, tolerance {tolerance:E0})");
}
